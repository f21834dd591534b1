import { intlLocale, t, tp } from './i18n';
import type { Caps, Offer, Platform } from './offer';

/**
 * How every surface writes an offer's facts, so the popup, the badge and the changes agree — in
 * the UI language: its words from the catalogue, its digits and dates from `Intl`.
 */

/** Paid in these, an amount is written with the currency's sign ("$1.25"); in any other, with its code ("12.00 PLN"). */
const SIGNED_CURRENCIES = new Set(['USD', 'EUR', 'GBP']);

/** "$1.25", "€0.80", "12.00 PLN"; "—" when unknown. */
export function formatAmount(payout: Pick<NonNullable<Offer['payout']>, 'amount' | 'currency'> | null): string {
  if (!payout) return '—';
  const digits = payout.amount < 0.1 && payout.amount > 0 ? 3 : 2;
  if (!SIGNED_CURRENCIES.has(payout.currency)) return `${formatFixed(payout.amount, digits)} ${payout.currency}`;
  const format = numberFormat(`${payout.currency}|${digits}`, () =>
    fixedDigits(digits, { style: 'currency', currency: payout.currency, currencyDisplay: 'narrowSymbol' }),
  );
  return format.format(roundedAsFixed(payout.amount, digits));
}

/** Payout for display: "$1.25 CPA", "€0.80 CPA", "12.00 PLN CPA"; "—" when unknown. */
export function formatPayout(payout: Offer['payout']): string {
  return payout ? `${formatAmount(payout)} ${payout.type}` : '—';
}

/** "Android", "iOS", "" when unknown. */
export function formatPlatform(platform: Platform | null): string {
  return platform === 'ios' ? 'iOS' : platform === 'android' ? 'Android' : '';
}

/** "50/day · 1,000/month", "1,000/month", "no cap". */
export function formatCaps(caps: Caps): string {
  const parts: string[] = [];
  if (caps.daily > 0) parts.push(t('formatCapDaily', { cap: formatInteger(caps.daily) }));
  if (caps.monthly > 0) parts.push(t('formatCapMonthly', { cap: formatInteger(caps.monthly) }));
  return parts.length ? parts.join(' · ') : t('formatNoCap');
}

/** "US, GB, DE +12" — compact list of countries; "all countries" when none are listed. */
export function formatGeos(geos: string[], shown = 4): string {
  if (geos.length === 0) return t('formatAllCountries');
  const head = geos.slice(0, shown).join(', ');
  return geos.length > shown ? `${head} +${formatInteger(geos.length - shown)}` : head;
}

/** "expires in 3 days", "expired 2 days ago", "" when no expiry. */
export function formatExpiry(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return '';
  const diff = expiresAt - now;
  const duration = formatDuration(Math.abs(diff));
  return diff > 0 ? t('formatExpiresIn', { duration }) : t('formatExpiredAgo', { duration });
}

/**
 * When an offer stops, as a date for a list sorted by expiry: "expires 3 Dec" (the publisher's
 * time zone; "3 Dec 2027" in another year), "expired" once it has, "no expiry" when it has none.
 */
export function formatExpiryDay(expiresAt: number | null, now: number): string {
  if (expiresAt === null) return 'no expiry';
  return expiresAt <= now ? 'expired' : `expires ${formatDay(expiresAt, now)}`;
}

/** "5 min", "2 h", "3 days". */
export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return t('formatDurationUnderMinute');
  if (minutes < 60) return tp('formatDurationMinutes', minutes, { count: formatInteger(minutes, false) });
  const hours = Math.round(minutes / 60);
  if (hours < 48) return tp('formatDurationHours', hours, { count: formatInteger(hours, false) });
  const days = Math.round(hours / 24);
  return tp('formatDurationDays', days, { count: formatInteger(days, false) });
}

const DAY_MONTH: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' };
const DAY_MONTH_YEAR: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric' };
const CLOCK: Intl.DateTimeFormatOptions = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };

/**
 * "3 Nov" in the publisher's time zone; "3 Nov 2025" in another year. The day, month and year
 * are the language's own, as Intl writes them in a date (Russian "3 мая", not the month's own
 * "май"); their order is the catalogue's, which keeps English day-first.
 */
export function formatDay(at: number, now: number): string {
  const date = new Date(at);
  const withYear = date.getFullYear() !== new Date(now).getFullYear();
  const format = withYear ? dateFormat('day-month-year', DAY_MONTH_YEAR) : dateFormat('day-month', DAY_MONTH);
  const values = dateParts(format.formatToParts(date));
  return withYear ? t('formatDayMonthYear', values) : t('formatDayMonth', values);
}

/**
 * A date's day, month and year, each with the unit written right after it (Chinese "9月", "3日",
 * "2025年"): a literal with no space belongs to the number before it. Spaced words ("de", "г.")
 * are the catalogue's to write.
 */
function dateParts(parts: Intl.DateTimeFormatPart[]): { day: string; month: string; year: string } {
  const values = { day: '', month: '', year: '' };
  let last: keyof typeof values | null = null;
  for (const part of parts) {
    if (part.type === 'day' || part.type === 'month' || part.type === 'year') {
      values[part.type] = part.value;
      last = part.type;
    } else {
      if (last && part.type === 'literal' && !/\s/.test(part.value)) values[last] += part.value;
      last = null;
    }
  }
  return values;
}

/** "09:30" in the publisher's time zone, on a 24-hour clock. */
export function formatClock(at: number): string {
  return dateFormat('clock', CLOCK).format(at);
}

/** "1 offer", "2,345 offers"; "1 change", "12 changes". */
export function countText(count: number, noun: 'offer' | 'change' = 'offer'): string {
  return noun === 'change' ? tp('formatChanges', count) : tp('formatOffers', count);
}

/** A whole number in the language's digits: "1,234" (grouped), or "1234" where it never was. */
export function formatInteger(value: number, grouping = true): string {
  return numberFormat(grouping ? 'integer' : 'integer|plain', () => ({
    maximumFractionDigits: 0,
    useGrouping: grouping,
  })).format(value);
}

/**
 * A number with exactly `digits` decimals, ungrouped ("1234.50", "1234,50"), rounded as
 * `toFixed` rounds (1.005 → "1.00"; Intl alone would say "1.01").
 */
export function formatFixed(value: number, digits: number): string {
  return numberFormat(`fixed|${digits}`, () => fixedDigits(digits)).format(roundedAsFixed(value, digits));
}

function fixedDigits(digits: number, options: Intl.NumberFormatOptions = {}): Intl.NumberFormatOptions {
  return { ...options, minimumFractionDigits: digits, maximumFractionDigits: digits, useGrouping: false };
}

function roundedAsFixed(value: number, digits: number): number {
  return Number.isFinite(value) ? Number(value.toFixed(digits)) : value;
}

/** Intl formats take tens of µs to make, and a list or an export writes thousands: one per language and style. */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The UI language's format named `name` (its options made once, by `options`). */
function numberFormat(name: string, options: () => Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${intlLocale()}|${name}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(intlLocale(), options());
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(name: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${intlLocale()}|${name}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(intlLocale(), options);
    dateFormats.set(key, format);
  }
  return format;
}

/** Feed text sometimes carries HTML; show it as the plain text a person would read. */
export function plainText(text: string): string {
  return text
    .replace(/<\s*(br|\/p|\/div|\/li)\s*\/?>/gi, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
