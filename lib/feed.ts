import { z } from 'zod';
import { FeedError } from './errors';
import { parseStoreUrl, type StoreApp, storePageUrl } from './store-url';

export { FeedError } from './errors';

export type Platform = 'android' | 'ios';

export interface Payout {
  amount: number;
  currency: string;
  type: string;
}

export interface Offer {
  id: string;
  name: string;
  description: string;
  previewUrl: string | null;
  trackingUrl: string;
  store: StoreApp | null;
  platform: Platform | null;
  minVersion: string | null;
  /** Upper-case ISO alpha-2, unique. */
  geos: string[];
  payout: Payout | null;
  /** 0 = no cap. */
  caps: { daily: number; monthly: number };
  categories: string[];
  /** Epoch ms, UTC. */
  expiresAt: number | null;
  subIds: { include: string[]; exclude: string[] };
}

export interface RejectedOffer {
  index: number;
  id: string | null;
  reason: string;
}

export interface ParsedFeed {
  offers: Offer[];
  rejected: RejectedOffer[];
}

// The envelope is checked with zod; each offer is repaired field by field below, because a
// sloppy field must never sink the offer (zod's all-or-nothing model fits the envelope only).
const Envelope = z.looseObject({
  message: z.unknown().optional(),
  offers: z.unknown().optional(),
});

const ERROR_TEXT_FIELDS = ['error', 'errors', 'error_message', 'msg', 'reason', 'detail'];

/** Normalise a feed body (already JSON-parsed) into offers; see DESIGN.md "Normalisation rules". */
export function parseFeed(body: unknown): ParsedFeed {
  const envelope = Envelope.safeParse(body);
  if (!envelope.success || Array.isArray(body)) throw new FeedError('malformed');
  const { message, offers } = envelope.data;
  if (!isSuccessFlag(message)) {
    if (message === undefined || message === null) throw new FeedError('malformed');
    throw new FeedError('api-refused', { detail: errorText(body as Record<string, unknown>, message) });
  }
  if (!Array.isArray(offers)) throw new FeedError('malformed');

  const result: ParsedFeed = { offers: [], rejected: [] };
  const seen = new Set<string>();
  for (let index = 0; index < offers.length; index++) {
    const outcome = normaliseOffer(offers[index]);
    if (typeof outcome === 'string') {
      result.rejected.push({ index, id: rawId(offers[index]), reason: outcome });
    } else if (seen.has(outcome.id)) {
      result.rejected.push({ index, id: outcome.id, reason: `Duplicate id ${outcome.id}` });
    } else {
      seen.add(outcome.id);
      result.offers.push(outcome);
    }
  }
  return result;
}

function isSuccessFlag(message: unknown): boolean {
  return message === true || (typeof message === 'string' && message.trim().toLowerCase() === 'true');
}

function errorText(body: Record<string, unknown>, message: unknown): string | undefined {
  for (const field of ERROR_TEXT_FIELDS) {
    const value = body[field];
    if (typeof value === 'string' && value.trim()) return value;
    if (Array.isArray(value) && value.length) return value.filter((v) => typeof v === 'string').join('; ');
  }
  if (typeof message === 'string' && message.trim() && message.trim().toLowerCase() !== 'false') return message;
  return undefined;
}

/** An Offer, or the reason it cannot be used. */
function normaliseOffer(raw: unknown): Offer | string {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return 'Not an offer object';
  const o = raw as Record<string, unknown>;
  const id = toId(o.id);
  if (!id) return 'Missing id';
  const name = toText(o.name);
  if (!name) return 'Missing name';
  const trackingUrl = toHttpUrl(o.tracking_url);
  if (!trackingUrl) return 'Tracking URL is missing or not an http(s) link';

  const previewUrl = toPreviewUrl(o.preview_url);
  const store = previewUrl ? parseStoreUrl(previewUrl) : null;
  return {
    id,
    name,
    description: toText(o.description),
    previewUrl,
    trackingUrl,
    store,
    platform: toPlatform(o.platform) ?? toPlatform(o.targeting) ?? platformOfStore(store),
    minVersion: toText(o.min_version) || null,
    geos: toGeos(o.geos),
    payout: toPayout(o.payout),
    caps: toCaps(o.conversion_cap),
    categories: unique(toList(o.categories)),
    expiresAt: toUtcDate(o.expiration_date),
    subIds: toSubIds(o.sub_id),
  };
}

function rawId(raw: unknown): string | null {
  return raw && typeof raw === 'object' ? toId((raw as Record<string, unknown>).id) : null;
}

function toId(value: unknown): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'string') return value.trim() || null;
  return null;
}

function toText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return '';
}

function toNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text) return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : null;
}

function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text) return null;
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

function toHttpUrl(value: unknown): string | null {
  const url = parseUrl(value);
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  // Keep the network's exact text: tracking links must stay byte-for-byte.
  return (value as string).trim();
}

function toPreviewUrl(value: unknown): string | null {
  const url = parseUrl(value);
  if (!url) return null;
  if (url.protocol === 'http:' || url.protocol === 'https:') return (value as string).trim();
  // market:// and itms-apps:// open the store app; the publisher needs the web page.
  const app = parseStoreUrl((value as string).trim());
  return app ? storePageUrl(app) : null;
}

function toPlatform(value: unknown): Platform | null {
  if (typeof value !== 'string') return null;
  const text = value.toLowerCase();
  const ios = /\b(ios|iphone|ipad|ipados)\b/.test(text);
  const android = text.includes('android');
  if (ios === android) return null;
  return ios ? 'ios' : 'android';
}

function platformOfStore(store: StoreApp | null): Platform | null {
  if (!store) return null;
  return store.store === 'google-play' ? 'android' : 'ios';
}

/** Strings from an array or a comma/space/semicolon-joined string; `null` → []. */
function toList(value: unknown, separators = /[,;]/): string[] {
  const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(separators) : [];
  const out: string[] = [];
  for (const item of items) {
    const text = toText(item);
    if (text) out.push(text);
  }
  return out;
}

function toGeos(value: unknown): string[] {
  const geos = new Set<string>();
  for (const item of toList(value, /[\s,;|]+/)) {
    const code = item.toUpperCase();
    if (!/^[A-Z]{2}$/.test(code)) continue;
    geos.add(code === 'UK' ? 'GB' : code);
  }
  return [...geos];
}

function toPayout(value: unknown): Payout | null {
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

function toCaps(value: unknown): { daily: number; monthly: number } {
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

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?$/;

function toUtcDate(value: unknown): number | null {
  if (typeof value !== 'string') return null;
  const text = value.trim();
  if (!text || /^0{4}-0{2}-0{2}/.test(text)) return null;
  const plain = DATE_RE.exec(text);
  if (plain) {
    const [, y, mo, d, h = '0', mi = '0', s = '0'] = plain;
    const ms = Date.UTC(+(y as string), +(mo as string) - 1, +(d as string), +h, +mi, +s);
    // Reject rolled-over dates such as 2026-02-31.
    const check = new Date(ms);
    if (check.getUTCMonth() !== +(mo as string) - 1 || check.getUTCDate() !== +(d as string)) return null;
    return ms;
  }
  // ISO-8601 with an offset or Z.
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return null;
  const ms = Date.parse(text);
  return Number.isFinite(ms) ? ms : null;
}

function toSubIds(value: unknown): { include: string[]; exclude: string[] } {
  const fields = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
  return { include: unique(toList(fields.include)), exclude: unique(toList(fields.exclude)) };
}

function unique(items: string[]): string[] {
  return items.length < 2 ? items : [...new Set(items)];
}
