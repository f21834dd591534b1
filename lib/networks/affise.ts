import { normaliseCountry } from '../country';
import { collectOffers, FeedError } from '../feed';
import { FIELD_LIMITS } from '../feed/bounds';
import {
  DistinctList,
  platformOfStore,
  REJECT_REASONS,
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
import { laterPage, type OfferPage } from './page';
import { asArray, asObject, isYes, type RawObject } from './raw';

/**
 * One page of Affise's partner API, `GET {host}/3.0/partner/offers?page=N&limit=500`, as offers
 * (DESIGN §5, "Affise"). The answer is `{ status: 1, offers: [...], pagination: {...} }`; each
 * offer keeps its terms in lists (payments, caps, targeting groups), which are read here into the
 * one payout, caps and geos an Offer has. Pure: the request itself is made elsewhere.
 */
export function parseAffisePage(body: unknown, page: number): OfferPage {
  const envelope = asObject(body);
  if (!envelope || envelope.status === undefined) throw new FeedError('malformed');
  // Affise says 1 for success; 2 (or anything else) comes with its words in `error` or `message`.
  if (envelope.status !== 1 && envelope.status !== '1') {
    throw new FeedError('api-refused', { detail: wordsOf(envelope.error) || wordsOf(envelope.message) || undefined });
  }
  if (!Array.isArray(envelope.offers)) throw new FeedError('malformed');
  const { offers, rejected } = collectOffers(envelope.offers, normaliseAffiseOffer, 'id');
  const next = envelope.offers.length > 0 ? asObject(envelope.pagination)?.next_page : null;
  return { offers, rejected, nextPage: laterPage(next, page) };
}

function normaliseAffiseOffer(o: RawObject): Offer | string {
  const id = toId(o.id);
  if (!id) return REJECT_REASONS.missingId;
  const name = toText(o.title);
  if (!name) return REJECT_REASONS.missingName;
  const tracking = toTrackingUrl(trackingLink(o));
  if ('reason' in tracking) return tracking.reason;
  const { previewUrl, store } = toPreview(o.preview_url);
  const targeting = asArray(o.targeting);
  return {
    id,
    name,
    description: description(o),
    previewUrl,
    trackingUrl: tracking.url,
    store,
    platform: platformOfStore(store) ?? targetedPlatform(targeting),
    minVersion: null,
    geos: geos(targeting, asArray(o.payments)),
    payout: payout(asArray(o.payments), isYes(o.is_cpi)),
    caps: caps(asArray(o.caps)),
    categories: toCategories(o.categories),
    expiresAt: toUtcDate(o.stop_at),
    subIds: { include: [], exclude: [] },
  };
}

/** `link`, else the first of `links[]` that has a URL: the link is what the offer is rejected for, not the fallback. */
function trackingLink(o: RawObject): unknown {
  if (toText(o.link)) return o.link;
  for (const entry of asArray(o.links)) {
    const url = asObject(entry)?.url;
    if (toText(url)) return url;
  }
  return undefined;
}

/** English first, else the first language that says something, else the plain `description`. */
function description(o: RawObject): string {
  const languages = asObject(o.description_lang);
  const english = toText(languages?.en, FIELD_LIMITS.description);
  if (english) return english;
  for (const key in languages) {
    const text = toText(languages[key], FIELD_LIMITS.description);
    if (text) return text;
  }
  return toText(o.description, FIELD_LIMITS.description);
}

/** The highest fixed payment; a percentage payment ("percent") is no amount Offer Lens can compare. */
function payout(payments: readonly unknown[], isCpi: boolean): Payout | null {
  let best: RawObject | null = null;
  let bestRevenue = -1;
  for (const entry of payments) {
    const row = asObject(entry);
    if (!row || toText(row.type).toLowerCase() !== 'fixed') continue;
    const revenue = toNumber(row.revenue);
    if (revenue !== null && revenue > bestRevenue) {
      best = row;
      bestRevenue = revenue;
    }
  }
  if (!best) return null;
  return { amount: bestRevenue, currency: toText(best.currency).toUpperCase() || 'USD', type: isCpi ? 'CPI' : 'CPA' };
}

/** The countries the targeting groups allow; without any, those the (not excluding) payments are for. Empty = any. */
function geos(targeting: readonly unknown[], payments: readonly unknown[]): string[] {
  const list = new DistinctList();
  for (let i = 0; i < targeting.length && !list.isFull(); i++) {
    addCountries(list, asObject(asObject(targeting[i])?.country)?.allow);
  }
  if (list.items.length > 0) return list.items;
  for (let i = 0; i < payments.length && !list.isFull(); i++) {
    const row = asObject(payments[i]);
    if (row && !isYes(row.country_exclude)) addCountries(list, row.countries);
  }
  return list.items;
}

function addCountries(list: DistinctList, codes: unknown): void {
  const entries = asArray(codes);
  for (let i = 0; i < entries.length && !list.isFull(); i++) list.add(normaliseCountry(toText(entries[i])));
}

/** Conversion caps per day and per month; the smallest rule wins when several apply (0 = no cap). */
function caps(rows: readonly unknown[]): Caps {
  const result: Caps = { daily: 0, monthly: 0 };
  for (const entry of rows) {
    const row = asObject(entry);
    if (!row || toText(row.type).toLowerCase() !== 'conversions') continue;
    const value = Math.floor(toNumber(row.value) ?? 0);
    if (value <= 0) continue;
    const period = toText(row.period).toLowerCase();
    const key = period === 'day' ? 'daily' : period === 'month' ? 'monthly' : null;
    if (key && (result[key] === 0 || value < result[key])) result[key] = value;
  }
  return result;
}

/** The platform the targeting groups' operating systems name, when they name exactly one of Android and iOS. */
function targetedPlatform(targeting: readonly unknown[]): Platform | null {
  const named = new Set<Platform>();
  for (const group of targeting) {
    for (const os of asArray(asObject(asObject(group)?.os)?.allow)) {
      // An OS rule is a name ("Android") or an object with one ({ name: "iOS", comparison: "GTE", version: "14" }).
      const platform = toPlatform(typeof os === 'string' ? os : asObject(os)?.name);
      if (platform) named.add(platform);
    }
  }
  return named.size === 1 ? (named.values().next().value as Platform) : null;
}
