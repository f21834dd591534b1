import { normaliseCountry } from '../country';
import { collectOffers, FeedError } from '../feed';
import {
  DistinctList,
  platformOfStore,
  REJECT_REASONS,
  toCaps,
  toCategories,
  toId,
  toNumber,
  toPlatform,
  toPreview,
  toText,
  toTrackingUrl,
  toUtcDate,
  wordsOf,
} from '../feed/fields';
import type { Caps, Offer, Payout, Platform } from '../offer';
import { htmlToText } from './html-text';
import { MAX_OFFER_PAGES, type OfferPage } from './page';
import { asObject, entriesOf, isYes, type RawObject, toPageNumber } from './raw';

/**
 * One page of Everflow's affiliate API, `GET https://api.eflow.team/v1/affiliates/offersrunnable
 * ?page=N&page_size=500`, as offers (DESIGN §5, "Everflow"). The answer is `{ offers: [...],
 * paging: { page, page_size, total_count } }`; an offer's payout, countries, platforms and
 * category sit under its `relationship`. Pure: the request itself is made elsewhere.
 */
export function parseEverflowPage(body: unknown, page: number): OfferPage {
  const envelope = asObject(body);
  if (!envelope || !Array.isArray(envelope.offers)) {
    // Everflow answers errors as { "error": "…" }; a body that says nothing is just not an offers page.
    const words = envelope ? ERROR_FIELDS.map((field) => wordsOf(envelope[field])).find(Boolean) : undefined;
    throw words ? new FeedError('api-refused', { detail: words }) : new FeedError('malformed');
  }
  const { offers, rejected } = collectOffers(envelope.offers, normaliseEverflowOffer, 'network_offer_id');
  return { offers, rejected, nextPage: envelope.offers.length > 0 ? nextPage(envelope.paging, page) : null };
}

const ERROR_FIELDS = ['error', 'Error', 'errors', 'message'];

/** The page after `page` while the pages read so far hold fewer offers than the total. */
function nextPage(paging: unknown, page: number): number | null {
  const fields = asObject(paging);
  const current = toPageNumber(fields?.page);
  const size = toPageNumber(fields?.page_size);
  const total = toNumber(fields?.total_count);
  if (current === null || size === null || total === null || page >= MAX_OFFER_PAGES) return null;
  return current * size < total ? page + 1 : null;
}

function normaliseEverflowOffer(o: RawObject): Offer | string {
  const id = toId(o.network_offer_id);
  if (!id) return REJECT_REASONS.missingId;
  const name = toText(o.name);
  if (!name) return REJECT_REASONS.missingName;
  const tracking = toTrackingUrl(o.tracking_url);
  if ('reason' in tracking) return tracking.reason;
  const { previewUrl, store } = toPreview(o.preview_url);
  const relationship = asObject(o.relationship);
  const ruleset = asObject(relationship?.ruleset);
  return {
    id,
    name,
    description: htmlToText(o.html_description),
    previewUrl,
    trackingUrl: tracking.url,
    store,
    platform: platformOfStore(store) ?? targetedPlatform(ruleset?.platforms),
    minVersion: null,
    geos: includedCountries(ruleset?.countries),
    payout: payout(relationship, o.currency_id),
    caps: caps(o),
    categories: toCategories([asObject(relationship?.category)?.name]),
    // Not in DESIGN §5's list: the offer's own end date, read by the feed's date rules ("" → none).
    expiresAt: toUtcDate(o.date_live_until),
    subIds: { include: [], exclude: [] },
  };
}

/** The first payout entry (the base conversion): its amount, its currency (else the offer's), its type. */
function payout(relationship: RawObject | null, offerCurrency: unknown): Payout | null {
  const entry = asObject(entriesOf(relationship?.payouts)[0]);
  const amount = toNumber(entry?.payout_amount);
  if (!entry || amount === null || amount < 0) return null;
  return {
    amount,
    currency: (toText(entry.currency_id) || toText(offerCurrency)).toUpperCase() || 'USD',
    type: toText(entry.payout_type).toUpperCase() || 'CPA',
  };
}

/** The ruleset's countries targeted as "include" (an empty list: any country). */
function includedCountries(countries: unknown): string[] {
  const rows = entriesOf(countries);
  const list = new DistinctList();
  for (let i = 0; i < rows.length && !list.isFull(); i++) {
    const row = asObject(rows[i]);
    if (row && toText(row.targeting_type).toLowerCase() === 'include')
      list.add(normaliseCountry(toText(row.country_code)));
  }
  return list.items;
}

/** The platform the ruleset names, when its (not excluded) platforms are exactly one of Android and iOS. */
function targetedPlatform(platforms: unknown): Platform | null {
  const named = new Set<Platform>();
  for (const entry of entriesOf(platforms)) {
    const row = asObject(entry);
    if (!row || toText(row.targeting_type).toLowerCase() === 'exclude') continue;
    const platform = toPlatform(row.label);
    if (platform) named.add(platform);
  }
  return named.size === 1 ? (named.values().next().value as Platform) : null;
}

/** Conversion caps count only while the offer's caps are switched on. */
function caps(o: RawObject): Caps {
  if (!isYes(o.is_caps_enabled)) return { daily: 0, monthly: 0 };
  return toCaps({ daily: o.daily_conversion_cap, monthly: o.monthly_conversion_cap });
}
