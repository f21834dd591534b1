/**
 * Payouts compared in one currency (DESIGN §5, "One currency"). The index keeps each offer's
 * amount and currency as the network pays them; the USD equivalents are worked out when a query
 * needs them, with the rate table it is given, so a refreshed table needs no new index.
 */

/** Units of each currency per 1 USD: lib/currency's `Rates`. */
export interface Rates {
  date: string;
  perUsd: Record<string, number>;
}

/** lib/currency's `toUsd`: the amount in USD (any case of code), null for a currency it does not know; no rates = its bundled table. */
export type ToUsd = (amount: number, currency: string, rates?: Rates) => number | null;

/** Below every known payout: no payout, or a currency the rate table does not know. */
export const UNKNOWN_PAYOUT = -1;

/** Which table an order was made with: '' for the converter's own (bundled) table. */
export function ratesKey(rates: Rates | undefined): string {
  return rates?.date ?? '';
}

/**
 * Each doc's payout in USD (UNKNOWN_PAYOUT when it has none or its currency is unknown).
 * `currencies[code - 1]` is doc's currency; code 0 means none.
 */
export function usdValues(
  amounts: Float64Array,
  currencyCodes: Uint16Array,
  currencies: string[],
  toUsd: ToUsd,
  rates: Rates | undefined,
): Float64Array {
  const values = new Float64Array(amounts.length);
  for (let doc = 0; doc < amounts.length; doc++) {
    const amount = amounts[doc] as number;
    const code = currencyCodes[doc] as number;
    const usd = amount < 0 || code === 0 ? null : toUsd(amount, currencies[code - 1] as string, rates);
    values[doc] = usd === null || !Number.isFinite(usd) ? UNKNOWN_PAYOUT : usd;
  }
  return values;
}

/**
 * The one payout order (the same as byPayout): highest first, then by name and id, which
 * `nameRank` (each doc's place in the name order, ties broken by id) already ranks.
 */
export function payoutOrder(values: Float64Array, nameRank: Int32Array): Int32Array {
  const order = new Int32Array(values.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order.sort(
    (a, b) =>
      (values[b] as number) - (values[a] as number) || (nameRank[a] as number) - (nameRank[b] as number) || a - b,
  );
}
