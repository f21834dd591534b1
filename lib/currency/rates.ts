import { z } from 'zod/mini';
import { PAYOUT_CURRENCIES } from './payout-currencies';

/**
 * Rate tables as they cross a border: the daily refresh's answer and the table kept in
 * storage. Both are checked before any payout is compared with them, because a wrong table
 * silently re-orders every list ("best offer", `sort:payout`, `payout>`): a table that fails a
 * check is refused whole, and the caller keeps the one it had.
 */

/** The currencies networks pay in: every table Offer Lens acts on has all of them. */
export const REQUIRED_CURRENCIES = [
  'USD',
  'EUR',
  'GBP',
  'RUB',
  'INR',
  'BRL',
  'CNY',
  'JPY',
  'TRY',
  'IDR',
  'VND',
  'MXN',
] as const;

/** ISO 4217 lists ~180 codes; a table with far more than that is not a rate table. */
const MAX_CURRENCIES = 400;
/** A day's table can be dated at most this far past `now` (time zones), never more. */
const FUTURE_SLACK_MS = 36 * 60 * 60 * 1000;

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-08-21", and a day that exists (no 2026-02-30). */
function isDay(value: string): boolean {
  const parts = DAY.exec(value);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1999 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * A table's shape and rules, for declaring the stored item; read it with `readStoredRates`,
 * which also refuses a table of hundreds of codes before parsing it and, given `now`, a date
 * in the future.
 */
export const RatesSchema = z.object({
  date: z.string().check(z.refine(isDay, { error: 'Not a YYYY-MM-DD day' })),
  perUsd: z.record(z.string().check(z.regex(/^[A-Z]{3}$/)), z.number().check(z.positive())).check(
    z.refine((perUsd) => perUsd.USD === 1, { error: 'USD must be 1' }),
    z.refine((perUsd) => REQUIRED_CURRENCIES.every((code) => Object.hasOwn(perUsd, code)), {
      error: 'A required currency is missing',
    }),
  ),
});

/** Units of each currency per 1 USD, as of `date` (YYYY-MM-DD). */
export type Rates = z.infer<typeof RatesSchema>;

function isTooMany(value: unknown, max: number): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length > max;
}

function isTooNew(date: string, now: number | undefined): boolean {
  return now !== undefined && Date.parse(`${date}T00:00:00Z`) > now + FUTURE_SLACK_MS;
}

function checkedTable(value: unknown): Rates | null {
  if (typeof value !== 'object' || value === null) return null;
  if (isTooMany((value as { perUsd?: unknown }).perUsd, MAX_CURRENCIES)) return null;
  const parsed = RatesSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** Whether `value` is a table Offer Lens may act on (the check behind both readers). */
export function isRatesTable(value: unknown): value is Rates {
  return checkedTable(value) !== null;
}

/**
 * The table kept in storage, or null when it is not one Offer Lens would have written: wrong
 * shape, USD ≠ 1, a non-positive rate, a required currency missing, a bad date, or (given
 * `now`) a date in the future — a planted far-future table would otherwise win over every
 * later refresh. The table returned is a copy: nothing keeps a reference to the raw value.
 */
export function readStoredRates(raw: unknown, now?: number): Rates | null {
  const table = checkedTable(raw);
  return table && !isTooNew(table.date, now) ? table : null;
}

/** Whichever table is newer by date; on the same day the first (the one already held). */
export function newerRates(a: Rates, b: Rates | null): Rates;
export function newerRates(a: Rates | null, b: Rates): Rates;
export function newerRates(a: Rates | null, b: Rates | null): Rates | null;
export function newerRates(a: Rates | null, b: Rates | null): Rates | null {
  if (!a || !b) return a ?? b;
  return b.date > a.date ? b : a;
}

// The daily refresh, when the publisher turns it on: fawazahmed0/exchange-api, an npm package
// its author's job publishes once a day, served by jsDelivr with no key and no rate limit. Its
// README asks clients to fall back to the same files on Cloudflare Pages when jsDelivr fails,
// so the refresh asks each URL in turn, and both hosts are optional host permissions.
export const RATES_URLS = [
  'https://cdn.jsdelivr.net/npm/@fawazahmed0/currency-api@latest/v1/currencies/usd.min.json',
  'https://latest.currency-api.pages.dev/v1/currencies/usd.min.json',
] as const;
export const RATES_ORIGIN_PATTERNS = ['https://cdn.jsdelivr.net/*', 'https://latest.currency-api.pages.dev/*'] as const;
/** Credit shown beside a rate's date, wherever rates are shown. */
export const RATES_SOURCE = 'fawazahmed0/exchange-api (free daily exchange rates)';

/** The answer lists tokens and metals too (339 codes on 2026-09-29); far more is not that table. */
const MAX_ANSWER_CODES = 1000;

/** The fields of a `currencies/usd` answer that Offer Lens reads; others are ignored. */
const UsdAnswerSchema = z.object({
  date: z.string(),
  usd: z.record(z.string(), z.unknown()),
});

/**
 * The payout currencies of an answer's `usd` map (lower-case codes), upper-cased, with USD at
 * 1 (implied); null when the answer gives USD another rate. Other codes are dropped unread.
 */
function payoutRatesOf(usd: Record<string, unknown>): Record<string, unknown> | null {
  if (Object.hasOwn(usd, 'usd') && usd.usd !== 1) return null;
  const perUsd: Record<string, unknown> = { USD: 1 };
  for (const code of PAYOUT_CURRENCIES) {
    const key = code.toLowerCase();
    if (code !== 'USD' && Object.hasOwn(usd, key)) perUsd[code] = usd[key];
  }
  return perUsd;
}

/**
 * The table in an answer of `RATES_URLS`, or null when the body is not that answer (an error
 * page, another base currency, another shape), lists more than a thousand codes, or holds an
 * absurd table (see `readStoredRates`): a payout currency's rate that is not a positive
 * number, a required currency missing, or (given `now`) a date in the future.
 */
export function parseRatesResponse(body: unknown, now?: number): Rates | null {
  if (typeof body !== 'object' || body === null) return null;
  if (isTooMany((body as { usd?: unknown }).usd, MAX_ANSWER_CODES)) return null;
  const answer = UsdAnswerSchema.safeParse(body);
  if (!answer.success) return null;
  const perUsd = payoutRatesOf(answer.data.usd);
  return perUsd && readStoredRates({ date: answer.data.date, perUsd }, now);
}
