import { normaliseCountry } from '../country';
import type { Caps, Payout, Platform, SubIds } from '../offer';
import { parseStoreUrl, type StoreApp, storePageUrl } from '../store-url';
import { hasUserInfo, parseHttpUrl } from '../url';

/**
 * One repairer per feed field. Real feeds are sloppy (numbers as strings, lower-case geos,
 * comma-joined lists, null for empty arrays, "0000-00-00" dates): each function takes whatever
 * the network sent and returns the normalised value, never throwing.
 */

export function toId(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'string') return value.trim() || null;
  return null;
}

export function toText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  return Number.isFinite(value) ? String(value) : '';
}

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  // Number('') and Number('  ') are 0: a blank field is no number, not zero.
  if (typeof value !== 'string' || !value.trim()) return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

/** Why an offer was skipped, in the words the settings page shows. */
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
  const text = (value as string).trim();
  return hasUserInfo(text) ? { reason: REJECT_REASONS.userInfo } : { url: text };
}

/** The store page an offer is for: its http(s) link as sent, and the app when it is a store app page. */
export function toPreview(value: unknown): { previewUrl: string | null; store: StoreApp | null } {
  const none = { previewUrl: null, store: null };
  if (typeof value !== 'string' || hasUserInfo(value)) return none;
  const text = value.trim();
  const store = parseStoreUrl(text);
  if (store) {
    // market:// and itms-apps:// open the store app; the publisher needs the web page.
    return { previewUrl: /^https?:/i.test(text) ? text : storePageUrl(store), store };
  }
  return parseHttpUrl(text) ? { previewUrl: text, store: null } : none;
}

export function toPlatform(value: unknown): Platform | null {
  if (typeof value !== 'string') return null;
  const text = value.toLowerCase();
  const ios = /\b(ios|iphone|ipad|ipados)\b/.test(text);
  const android = text.includes('android');
  if (ios === android) return null;
  return ios ? 'ios' : 'android';
}

export function platformOfStore(store: StoreApp | null): Platform | null {
  if (!store) return null;
  return store.store === 'google-play' ? 'android' : 'ios';
}

/** Strings from an array or a joined string; `null` → []. Trimmed, empties dropped. */
export function toList(value: unknown, separators: RegExp = /[,;]/): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(separators) : [];
  const out: string[] = [];
  for (const item of items) {
    const text = toText(item);
    if (text) out.push(text);
  }
  return out;
}

export function toGeos(value: unknown): string[] {
  const geos = new Set<string>();
  for (const item of toList(value, /[\s,;|]/)) {
    const code = normaliseCountry(item);
    if (code) geos.add(code);
  }
  return [...geos];
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
  if (typeof value !== 'string') return null;
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
  return { include: unique(toList(fields.include)), exclude: unique(toList(fields.exclude)) };
}

export function unique(items: string[]): string[] {
  // Stryker disable next-line ConditionalExpression: a shortcut (most lists have 0–1 items); the result is the same
  return items.length < 2 ? items : [...new Set(items)];
}
