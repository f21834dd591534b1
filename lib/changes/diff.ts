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

type FieldKind = Exclude<ChangeKind, 'new' | 'gone'>;

/** Each field kind: how to read it from an offer, and when two readings are the same. */
const FIELDS: { kind: FieldKind; read: (offer: Offer) => unknown; same: (a: unknown, b: unknown) => boolean }[] = [
  { kind: 'name', read: (o) => o.name, same: Object.is },
  { kind: 'description', read: (o) => o.description, same: sameText },
  { kind: 'payout', read: (o) => o.payout, same: samePayout },
  { kind: 'caps', read: (o) => o.caps, same: sameCaps },
  { kind: 'geos', read: (o) => o.geos, same: sameSet },
  { kind: 'platform', read: (o) => o.platform, same: Object.is },
  { kind: 'min-version', read: (o) => o.minVersion, same: Object.is },
  { kind: 'expiry', read: (o) => o.expiresAt, same: Object.is },
  { kind: 'categories', read: (o) => o.categories, same: sameSet },
  { kind: 'sub-ids', read: (o) => o.subIds, same: sameSubIds },
  { kind: 'tracking-url', read: (o) => o.trackingUrl, same: Object.is },
  { kind: 'preview-url', read: (o) => o.previewUrl, same: Object.is },
];

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
    if (!old) {
      changes.push({ offerId: offer.id, kind: 'new', before: null, after: offer });
      continue;
    }
    if (old === offer) continue;
    for (const field of FIELDS) {
      const a = safeRead(field.read, old);
      const b = safeRead(field.read, offer);
      if (!field.same(a, b)) changes.push({ offerId: offer.id, kind: field.kind, before: a, after: b });
    }
  }
  for (const [id, offer] of previous) {
    if (!current.has(id)) changes.push({ offerId: id, kind: 'gone', before: offer, after: null });
  }
  return changes;
}

function asOffers(list: unknown): Offer[] {
  if (!Array.isArray(list)) return [];
  return list.filter((o): o is Offer => !!o && typeof o === 'object' && typeof (o as Offer).id === 'string');
}

function safeRead(read: (offer: Offer) => unknown, offer: Offer): unknown {
  const value = read(offer);
  return value === undefined ? null : value;
}

/** Text that differs only in white space (runs collapsed, ends trimmed) is the same text. */
function sameText(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  return typeof a === 'string' && typeof b === 'string' && squash(a) === squash(b);
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Amounts compare as numbers ("1.20" from the feed is 1.2 once parsed), then currency and type. */
function samePayout(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (!a || !b || typeof a !== 'object' || typeof b !== 'object') return !a && !b;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  return Number(x.amount) === Number(y.amount) && x.currency === y.currency && x.type === y.type;
}

function sameCaps(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = (a ?? {}) as Record<string, unknown>;
  const y = (b ?? {}) as Record<string, unknown>;
  return Number(x.daily ?? 0) === Number(y.daily ?? 0) && Number(x.monthly ?? 0) === Number(y.monthly ?? 0);
}

/** Lists that hold the same items, in any order, repeats ignored. */
function sameSet(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = Array.isArray(a) ? a : [];
  const y = Array.isArray(b) ? b : [];
  // The common case, the same list in the same order, without building sets.
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
