import type { Rates } from './rates';
import { REQUIRED_CURRENCIES } from './rates';
import { BUNDLED_RATES } from './rates-table';

/** A payout as networks pay it; any object with these two fields will do. */
export interface Money {
  amount: number;
  currency: string;
}

/**
 * What `usdValue` gives a missing payout or one in a currency with no rate: below every known
 * payout (the smallest is a payout of 0, worth 0), so such offers sort last, never first.
 */
export const UNKNOWN_USD_VALUE = -1;

/** Units of `currency` per 1 USD in `rates`, or null when the table has none. Any case. */
function perUsdOf(currency: unknown, rates: Rates): number | null {
  if (typeof currency !== 'string' || currency.length > 8) return null;
  // Own keys only: a code such as "__proto__" must not reach Object.prototype. Feeds send
  // upper case, so that look-up comes first (sorting 50,000 offers asks ~1.6 million times).
  const code = Object.hasOwn(rates.perUsd, currency) ? currency : currency.trim().toUpperCase();
  if (!Object.hasOwn(rates.perUsd, code)) return null;
  const rate = rates.perUsd[code];
  return rate !== undefined && Number.isFinite(rate) && rate > 0 ? rate : null;
}

function isAmount(amount: unknown): amount is number {
  return typeof amount === 'number' && Number.isFinite(amount) && amount >= 0;
}

/**
 * What `amount` of `currency` is worth in USD; null for an unknown currency or an amount that
 * is not a finite, non-negative number. Never throws.
 */
export function toUsd(amount: number, currency: string, rates: Rates = BUNDLED_RATES): number | null {
  const rate = perUsdOf(currency, rates);
  return rate !== null && isAmount(amount) ? amount / rate : null;
}

/** `amount` of `from` in `to`, through USD; null when either rate is unknown. */
export function convert(amount: number, from: string, to: string, rates: Rates = BUNDLED_RATES): number | null {
  const usd = toUsd(amount, from, rates);
  const rate = perUsdOf(to, rates);
  return usd !== null && rate !== null ? usd * rate : null;
}

/**
 * The one number payouts are compared by (the payout order, `sort:payout`, the `payout>`
 * filter, "best offer"): the USD equivalent, or `UNKNOWN_USD_VALUE` (-1) for no payout or a
 * currency with no rate, which sorts below every known payout.
 */
export function usdValue(payout: Money | null | undefined, rates: Rates = BUNDLED_RATES): number {
  if (!payout) return UNKNOWN_USD_VALUE;
  return toUsd(payout.amount, payout.currency, rates) ?? UNKNOWN_USD_VALUE;
}

/** Whether `value` names a currency of the table (any case), e.g. a display currency setting. */
export function isCurrencyCode(value: unknown, rates: Rates = BUNDLED_RATES): value is string {
  return perUsdOf(value, rates) !== null;
}

/**
 * The currencies the settings page offers for showing equivalents: those networks pay in
 * most, in the order publishers look for them, then every other one of the table A–Z.
 */
export const DISPLAY_CURRENCIES: readonly string[] = Object.freeze([
  ...REQUIRED_CURRENCIES,
  ...Object.keys(BUNDLED_RATES.perUsd)
    .filter((code) => !(REQUIRED_CURRENCIES as readonly string[]).includes(code))
    .sort(),
]);
