import { normaliseCountry } from '../country';
import type { Caps, Payout, Platform, SubIds } from '../offer';
import { parseStoreUrl, type StoreApp, storePageUrl } from '../store-url';
import { hasUserInfo, parseHttpUrl } from '../url';
import { clip, copyOf, FIELD_LIMITS } from './bounds';

/**
 * One repairer per feed field. Real feeds are sloppy (numbers as strings, lower-case geos,
 * comma-joined lists, null for empty arrays, "0000-00-00" dates): each function takes whatever
 * the network sent and returns the normalised value, never throwing. Every text and list comes
 * back within FIELD_LIMITS (bounds.ts), and no function here runs a regular expression over more
 * than a short, bounded slice of feed text. The network adapters (lib/networks) use the same ones.
 */

export function toId(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'string') return toText(value) || null;
  return null;
}

/** Trimmed text, at most `limit` long (a name's bound unless said otherwise); a finite number as text; else ''. */
export function toText(value: unknown, limit: number = FIELD_LIMITS.line): string {
  if (typeof value !== 'string') return Number.isFinite(value) ? String(value) : '';
  // Trimmed first, so a long run of white space is not what survives the cut.
  const text = value.trim();
  if (text.length > limit) return clip(text, limit).trimEnd();
  return value.length > limit ? copyOf(text) : text; // a short text cut out of a long one is a view of it all (see clip)
}

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // Number('') and Number('  ') are 0: a blank field is no number, not zero.
  if (typeof value !== 'string' || !value.trim()) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** The longest link Offer Lens reads (parseHttpUrl refuses longer ones too). */
const MAX_LINK_LENGTH = 8192;

const MAX_ERROR_PARTS = 10;

/** Error text from a string or an array of strings: a few lines at most, however much the server sent. */
export function wordsOf(value: unknown): string {
  if (!Array.isArray(value)) return typeof value === 'string' ? toText(value) : '';
  const words: string[] = [];
  for (let i = 0; i < value.length && words.length < MAX_ERROR_PARTS; i++) {
    if (typeof value[i] === 'string' && value[i].trim()) words.push(toText(value[i]));
  }
  return toText(words.join('; '));
}

/** Why an offer was skipped, kept in English with the snapshot (data); shown through `skipReasonText` (index.ts). */
export const REJECT_REASONS = {
  notAnObject: 'Not an offer object',
  missingId: 'Missing id',
  missingName: 'Missing name',
  missingTrackingUrl: 'Tracking URL is missing or not an http(s) link',
  userInfo: 'Tracking URL has a user name before its host (a look-alike link)',
} as const;

/** The network's exact text (tracking links must stay byte-for-byte), or why it is unusable. */
export function toTrackingUrl(value: unknown): { url: string } | { reason: string } {
  if (!parseHttpUrl(value)) return { reason: REJECT_REASONS.missingTrackingUrl };
  // parseHttpUrl took it, so it is a string no longer than a link.
  const text = trimmedLink(value as string) as string;
  return hasUserInfo(text) ? { reason: REJECT_REASONS.userInfo } : { url: text };
}

/** A link's text trimmed, null when longer than any link; a copy when it was padded (a view would keep the padding alive). */
function trimmedLink(value: string): string | null {
  const text = value.trim();
  if (text.length > MAX_LINK_LENGTH) return null;
  return value.length > MAX_LINK_LENGTH ? copyOf(text) : text;
}

/** The store page an offer is for: its http(s) link as sent, and the app when it is a store app page. */
export function toPreview(value: unknown): { previewUrl: string | null; store: StoreApp | null } {
  const none = { previewUrl: null, store: null };
  // No link Offer Lens uses is longer than MAX_LINK_LENGTH: a longer text is not scanned at all.
  const text = typeof value === 'string' ? trimmedLink(value) : null;
  if (text === null || hasUserInfo(text)) return none;
  const store = parseStoreUrl(text);
  if (store) {
    // market:// and itms-apps:// open the store app; the publisher needs the web page.
    return { previewUrl: /^https?:/i.test(text) ? text : storePageUrl(store), store };
  }
  return parseHttpUrl(text) ? { previewUrl: text, store: null } : none;
}

export function toPlatform(value: unknown): Platform | null {
  if (typeof value !== 'string') return null;
  const text = toText(value).toLowerCase();
  const ios = /\b(ios|iphone|ipad|ipados)\b/.test(text);
  const android = text.includes('android');
  if (ios === android) return null;
  return ios ? 'ios' : 'android';
}

export function platformOfStore(store: StoreApp | null): Platform | null {
  if (!store) return null;
  return store.store === 'google-play' ? 'android' : 'ios';
}

const isListSeparator = (code: number) => code === 44 || code === 59; // , ;
// Geos also come space- or pipe-joined ("US GB|DE"); categories never split on spaces ("Health & Fitness").
const isGeoSeparator = (code: number) => isListSeparator(code) || code === 124 || isWhiteSpace(code);

/** What /\s/ matches, tested one UTF-16 unit at a time. */
export function isWhiteSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The distinct entries of a list sent as an array or a joined string (`null` → []), each as
 * `keep` makes it (trimmed text by default; `null` drops it), in first-seen order, at most
 * FIELD_LIMITS.list of them. Bounded work: an array is read once, a joined string only in its
 * first FIELD_LIMITS.joinedList units, and reading stops when the list is full.
 */
export function toUniqueList(
  value: unknown,
  keep: (text: string) => string | null = keepText,
  isSeparator: (code: number) => boolean = isListSeparator,
): string[] {
  const list = new DistinctList();
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length && !list.isFull(); i++) list.add(keepEntry(value[i], keep));
  } else if (typeof value === 'string') {
    // Pieces of a clipped copy, so none of them keeps a huge original string alive.
    const text = clip(value, FIELD_LIMITS.joinedList);
    let start = 0;
    for (let i = 0; i <= text.length && !list.isFull(); i++) {
      if (i < text.length && !isSeparator(text.charCodeAt(i))) continue;
      if (i > start) list.add(keepEntry(text.slice(start, i), keep));
      start = i + 1;
    }
  }
  return list.items;
}

const keepText = (text: string) => text;

function keepEntry(raw: unknown, keep: (text: string) => string | null): string | null {
  const text = toText(raw);
  return text ? keep(text) : null;
}

/**
 * Distinct strings in first-seen order, at most FIELD_LIMITS.list. Most feed lists hold a few
 * entries: a Set is made only once a list is long enough for it to pay.
 */
export class DistinctList {
  readonly items: string[] = [];
  private seen: Set<string> | null = null;

  isFull(): boolean {
    return this.items.length >= FIELD_LIMITS.list;
  }

  add(item: string | null): void {
    if (!item || this.isFull() || (this.seen ? this.seen.has(item) : this.items.includes(item))) return;
    this.items.push(item);
    if (this.seen) this.seen.add(item);
    else if (this.items.length > 16) this.seen = new Set(this.items);
  }
}

export function toGeos(value: unknown): string[] {
  return toUniqueList(value, normaliseCountry, isGeoSeparator);
}

export function toCategories(value: unknown): string[] {
  return toUniqueList(value);
}

export function toPayout(value: unknown): Payout | null {
  const raw = Array.isArray(value) ? value[0] : value;
  // A bare number or string is the amount.
  const fields = (raw && typeof raw === 'object' ? raw : { amount: raw }) as Record<string, unknown>;
  const amount = toNumber(fields.amount);
  if (amount === null || amount < 0) return null;
  return {
    amount,
    currency: toText(fields.currency).toUpperCase() || 'USD',
    type: toText(fields.type).toUpperCase() || 'CPA',
  };
}

export function toCaps(value: unknown): Caps {
  const fields = (Array.isArray(value) ? { daily: value[0], monthly: value[1] } : (value ?? {})) as Record<
    string,
    unknown
  >;
  return { daily: toCap(fields.daily), monthly: toCap(fields.monthly) };
}

/** Whole conversions; missing, junk or negative is 0 (no cap). */
function toCap(value: unknown): number {
  return Math.max(0, Math.floor(toNumber(value) ?? 0));
}

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * ISO-8601, or `YYYY-MM-DD[ HH:MM[:SS]]` read as UTC; empty, zero ("0000-00-00") or impossible
 * dates (2027-02-31, 10:60) → null.
 */
export function toUtcDate(value: unknown): number | null {
  // The longest date these patterns read is ~35 characters: anything much longer is no date.
  if (typeof value !== 'string' || value.length > 64) return null;
  const text = value.trim();
  const plain = PLAIN_DATE.exec(text);
  if (plain) {
    const y = Number(plain[1]);
    const mo = Number(plain[2]);
    const d = Number(plain[3]);
    const h = Number(plain[4] ?? 0);
    const mi = Number(plain[5] ?? 0);
    const s = Number(plain[6] ?? 0);
    // Date.UTC would roll 2027-02-31 over to March and 10:60 to 11:00: such a date is junk, not a date.
    if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || h > 23 || mi > 59 || s > 59) return null;
    return Date.UTC(y, mo - 1, d, h, mi, s);
  }
  if (!ISO_WITH_ZONE.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (MONTH_DAYS[month - 1] as number);
}

export function toSubIds(value: unknown): SubIds {
  const fields = (value ?? {}) as Record<string, unknown>;
  return { include: toUniqueList(fields.include), exclude: toUniqueList(fields.exclude) };
}
