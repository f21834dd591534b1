import { z } from 'zod/mini';

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

function isTooMany(value: unknown): boolean {
  return typeof value === 'object' && value !== null && Object.keys(value).length > MAX_CURRENCIES;
}

function isTooNew(date: string, now: number | undefined): boolean {
  return now !== undefined && Date.parse(`${date}T00:00:00Z`) > now + FUTURE_SLACK_MS;
}

function checkedTable(value: unknown): Rates | null {
  if (typeof value !== 'object' || value === null || isTooMany((value as { perUsd?: unknown }).perUsd)) return null;
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

// The daily refresh, when the publisher turns it on. ExchangeRate-API's open access endpoint:
// no key, refreshed once a day (~00:00 UTC), covers every required currency (ECB's table lacks
// RUB and VND). Its terms ask for the attribution below wherever the rates are shown, and
// allow caching a response.
export const RATES_URL = 'https://open.er-api.com/v6/latest/USD';
export const RATES_ORIGIN_PATTERN = 'https://open.er-api.com/*';
export const RATES_ATTRIBUTION = { text: 'Rates By Exchange Rate API', url: 'https://www.exchangerate-api.com' };

/** The fields of an open.er-api.com answer that Offer Lens reads; others are ignored. */
const ErApiAnswerSchema = z.object({
  result: z.literal('success'),
  base_code: z.literal('USD'),
  time_last_update_unix: z.number().check(z.int(), z.positive()),
  rates: z.record(z.string(), z.unknown()),
});

/**
 * The table in an answer of `RATES_URL`, or null when the answer is an error (`"result":
 * "error"`), not based on USD, or an absurd table (see `readStoredRates`). The date is the UTC
 * day of `time_last_update_unix`.
 */
export function parseRatesResponse(body: unknown, now?: number): Rates | null {
  const answer = ErApiAnswerSchema.safeParse(body);
  if (!answer.success || isTooMany(answer.data.rates)) return null;
  const updated = new Date(answer.data.time_last_update_unix * 1000);
  if (Number.isNaN(updated.getTime())) return null;
  return readStoredRates({ date: updated.toISOString().slice(0, 10), perUsd: answer.data.rates }, now);
}
