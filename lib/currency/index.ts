/**
 * One currency for comparing payouts (DESIGN.md §5): a dated rate table ships with the
 * extension (`BUNDLED_RATES`), the daily refresh may replace it with a newer checked one, and
 * every comparison of payouts goes through `usdValue`.
 */
export { convert, DISPLAY_CURRENCIES, isCurrencyCode, type Money, toUsd, UNKNOWN_USD_VALUE, usdValue } from './convert';
export { DEFAULT_LOCALE, formatMoney, formatPayoutWithEquivalent } from './format';
export { PAYOUT_CURRENCIES } from './payout-currencies';
export {
  isRatesTable,
  newerRates,
  parseRatesResponse,
  RATES_ORIGIN_PATTERNS,
  RATES_SOURCE,
  RATES_URLS,
  type Rates,
  RatesSchema,
  REQUIRED_CURRENCIES,
  readStoredRates,
} from './rates';
export { BUNDLED_RATES } from './rates-table';
