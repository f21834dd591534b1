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
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

export function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string' || !value.trim()) return null;
  const n = Number(value.trim());
  return Number.isFinite(n) ? n : null;
}

export type TrackingUrl = { url: string } | { problem: 'missing' | 'user-info' };

/** The network's exact text (tracking links must stay byte-for-byte), or why it is unusable. */
export function toTrackingUrl(value: unknown): TrackingUrl {
  if (!parseHttpUrl(value)) return { problem: 'missing' };
  const text = (value as string).trim();
  return hasUserInfo(text) ? { problem: 'user-info' } : { url: text };
}

export function toPreviewUrl(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (parseHttpUrl(text)) return hasUserInfo(text) ? null : text;
  // market:// and itms-apps:// open the store app; the publisher needs the web page.
  const app = parseStoreUrl(text);
  return app ? storePageUrl(app) : null;
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
  for (const item of toList(value, /[\s,;|]+/)) {
    const code = normaliseCountry(item);
    if (code) geos.add(code);
  }
  return [...geos];
}

export function toPayout(value: unknown): Payout | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === null || raw === undefined) return null;
  const fields: Record<string, unknown> = typeof raw === 'object' ? (raw as Record<string, unknown>) : { amount: raw };
  const amount = toNumber(fields.amount);
  if (amount === null || amount < 0) return null;
  return {
    amount,
    currency: toText(fields.currency).toUpperCase() || 'USD',
    type: toText(fields.type).toUpperCase() || 'CPA',
  };
}

export function toCaps(value: unknown): Caps {
  const fields = Array.isArray(value)
    ? { daily: value[0], monthly: value[1] }
    : value && typeof value === 'object'
      ? (value as Record<string, unknown>)
      : {};
  return { daily: toCap(fields.daily), monthly: toCap(fields.monthly) };
}

function toCap(value: unknown): number {
  const n = toNumber(value);
  return n !== null && n > 0 ? Math.floor(n) : 0;
}

const PLAIN_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i;

/** ISO-8601, or `YYYY-MM-DD[ HH:MM:SS]` read as UTC; zero, empty or impossible dates → null. */
export function toUtcDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text || /^0{4}-0{2}-0{2}/.test(text)) return null;
  const plain = PLAIN_DATE.exec(text);
  if (plain) {
    const [y, mo, d, h, mi, s] = plain.slice(1).map((part) => Number(part ?? 0)) as number[];
    const ms = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
    return isRealTime(ms, mo as number, d as number, h as number, mi as number, s as number) ? ms : null;
  }
  if (!ISO_WITH_ZONE.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

/** Date.UTC rolls 2026-02-31 over to March and 10:60 to 11:00: such a date is junk, not a date. */
function isRealTime(ms: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  const check = new Date(ms);
  return (
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day &&
    check.getUTCHours() === hour &&
    check.getUTCMinutes() === minute &&
    check.getUTCSeconds() === second
  );
}

export function toSubIds(value: unknown): SubIds {
  const fields = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return { include: unique(toList(fields.include)), exclude: unique(toList(fields.exclude)) };
}

export function unique(items: string[]): string[] {
  return items.length < 2 ? items : [...new Set(items)];
}
