import { z } from 'zod/mini';
import { FeedError } from '../errors';
import { type MessageKey, t } from '../i18n';
import type { Offer } from '../offer';
import { FIELD_LIMITS } from './bounds';
import {
  platformOfStore,
  REJECT_REASONS,
  toCaps,
  toCategories,
  toGeos,
  toId,
  toPayout,
  toPlatform,
  toPreview,
  toSubIds,
  toText,
  toTrackingUrl,
  toUtcDate,
  wordsOf,
} from './fields';

export { FeedError } from '../errors';
export type { Caps, Offer, Payout, Platform, SubIds } from '../offer';
export { FIELD_LIMITS } from './bounds';
export { REJECT_REASONS } from './fields';

export interface RejectedOffer {
  index: number;
  id: string | null;
  reason: string;
}

export interface ParsedFeed {
  offers: Offer[];
  rejected: RejectedOffer[];
}

/**
 * A skipped offer's reason is kept in English with the snapshot (it is data: `reason: string`);
 * shown, it is said in the UI language by `skipReasonText`. Each known reason's messages: the
 * sentence, and the short words for "All 4 offers in the feed were unusable: no tracking link".
 */
const REASON_MESSAGES: Record<string, { text: MessageKey; short: MessageKey }> = {
  [REJECT_REASONS.notAnObject]: { text: 'feedSkipNotAnObject', short: 'feedSkipShortNotAnObject' },
  [REJECT_REASONS.missingId]: { text: 'feedSkipMissingId', short: 'feedSkipShortMissingId' },
  [REJECT_REASONS.missingName]: { text: 'feedSkipMissingName', short: 'feedSkipShortMissingName' },
  [REJECT_REASONS.missingTrackingUrl]: { text: 'feedSkipNoTrackingUrl', short: 'feedSkipShortNoTrackingUrl' },
  [REJECT_REASONS.userInfo]: { text: 'feedSkipUserInfo', short: 'feedSkipShortUserInfo' },
};

const DUPLICATE_PREFIX = 'Duplicate id ';

// The envelope is checked with zod; each offer is repaired field by field (fields.ts), because
// a sloppy field must never sink the offer (zod's all-or-nothing model fits the envelope only).
const FeedEnvelope = z.looseObject({
  message: z.optional(z.union([z.boolean(), z.string()])),
  offers: z.optional(z.array(z.unknown())),
});

const ERROR_TEXT_FIELDS = ['error', 'errors', 'error_message', 'msg', 'reason', 'detail'];

/** Normalise a feed body (already JSON-parsed) into offers; see docs/architecture.md, "The feed". */
export function parseFeed(body: unknown): ParsedFeed {
  const envelope = FeedEnvelope.safeParse(body);
  if (!envelope.success) throw new FeedError('malformed');
  const { message, offers } = envelope.data;
  if (message === undefined) throw new FeedError('malformed');
  if (!isSuccessFlag(message)) {
    throw new FeedError('api-refused', { detail: errorText(body as Record<string, unknown>, message) });
  }
  if (!offers) throw new FeedError('malformed');
  return collectOffers(offers, normaliseOffer, 'id');
}

/**
 * One list of raw offers as Offer Lens keeps them: each entry made an Offer by `normalise`, or
 * skipped with its index, its id (read from `idField`) and the reason; a later entry with an id
 * already kept is skipped as a duplicate. One bad entry never sinks the list. Every network's
 * adapter (lib/networks) collects its page with this.
 */
export function collectOffers(
  raw: readonly unknown[],
  normalise: (offer: Record<string, unknown>) => Offer | string,
  idField: string,
): ParsedFeed {
  const result: ParsedFeed = { offers: [], rejected: [] };
  const seen = new Set<string>();
  for (let index = 0; index < raw.length; index++) {
    const entry = raw[index];
    const isObject = typeof entry === 'object' && entry !== null && !Array.isArray(entry);
    const outcome = isObject ? normalise(entry as Record<string, unknown>) : REJECT_REASONS.notAnObject;
    if (typeof outcome === 'string') {
      result.rejected.push({
        index,
        id: isObject ? toId((entry as Record<string, unknown>)[idField]) : null,
        reason: outcome,
      });
    } else if (seen.has(outcome.id)) {
      result.rejected.push({ index, id: outcome.id, reason: duplicateReason(outcome.id) });
    } else {
      seen.add(outcome.id);
      result.offers.push(outcome);
    }
  }
  return result;
}

/** Why a repeated id was skipped ("Duplicate id 101"), as the snapshot keeps it (English, see REASON_MESSAGES). */
export function duplicateReason(id: string): string {
  return `${DUPLICATE_PREFIX}${id}`;
}

/** A stored skip reason in the UI language ("Duplicate id 101" → its message with the id); an unknown one as stored. */
export function skipReasonText(reason: string): string {
  const known = REASON_MESSAGES[reason];
  if (known) return t(known.text);
  if (reason.startsWith(DUPLICATE_PREFIX)) return t('feedSkipDuplicate', { id: reason.slice(DUPLICATE_PREFIX.length) });
  return reason;
}

/**
 * A feed whose offers were all rejected is broken, not empty: the error that says so, in words
 * ("All 4 offers in the feed were unusable: no tracking link"). Null for a usable feed.
 */
export function unusableFeedError(feed: ParsedFeed): FeedError | null {
  if (feed.offers.length > 0 || feed.rejected.length === 0) return null;
  const counts = new Map<string, number>();
  for (const { reason } of feed.rejected) {
    // Every offer rejected means none was accepted, so none was a duplicate: each reason is known.
    const known = REASON_MESSAGES[reason];
    const short = known ? t(known.short) : reason;
    counts.set(short, (counts.get(short) ?? 0) + 1);
  }
  const reasons = [...counts.entries()].sort((a, b) => b[1] - a[1]).map(([short]) => short);
  return new FeedError('unusable', { count: feed.rejected.length, detail: reasons.join(', ') });
}

function isSuccessFlag(message: boolean | string): boolean {
  return message === true || String(message).trim().toLowerCase() === 'true';
}

/** The network's own words for a refusal: the first error field with text, else a message that says more than "false". */
function errorText(body: Record<string, unknown>, message: boolean | string): string | undefined {
  for (const field of ERROR_TEXT_FIELDS) {
    const text = wordsOf(body[field]);
    if (text) return text;
  }
  const said = toText(message);
  return said && said.toLowerCase() !== 'false' ? said : undefined;
}

/** An Offer, or the reason it cannot be used. */
function normaliseOffer(o: Record<string, unknown>): Offer | string {
  const id = toId(o.id);
  if (!id) return REJECT_REASONS.missingId;
  const name = toText(o.name);
  if (!name) return REJECT_REASONS.missingName;
  const tracking = toTrackingUrl(o.tracking_url);
  if ('reason' in tracking) return tracking.reason;

  const { previewUrl, store } = toPreview(o.preview_url);
  return {
    id,
    name,
    description: toText(o.description, FIELD_LIMITS.description),
    previewUrl,
    trackingUrl: tracking.url,
    store,
    platform: toPlatform(o.platform) ?? toPlatform(o.targeting) ?? platformOfStore(store),
    minVersion: toText(o.min_version) || null,
    geos: toGeos(o.geos),
    payout: toPayout(o.payout),
    caps: toCaps(o.conversion_cap),
    categories: toCategories(o.categories),
    expiresAt: toUtcDate(o.expiration_date),
    subIds: toSubIds(o.sub_id),
  };
}
