import { intlLocale } from '../i18n';
import { convert, type Money } from './convert';
import type { Rates } from './rates';
import { BUNDLED_RATES } from './rates-table';

/**
 * Payouts written for comparison: as the network pays them, with the equivalent in the
 * publisher's display currency beside them ("€1.60 ≈ $1.87"), in the UI language's way of
 * writing money unless a `locale` is given.
 */

/** The locale a malformed tag falls back to, and whose Intl data says a currency's usual digits. */
export const DEFAULT_LOCALE = 'en-US';

/** Every word or sign this module shows, in one place for the catalogue. */
const TEXT = { approximately: '≈', noAmount: '—' } as const;

/**
 * Currencies shown with their narrow sign ("₽120", "Rp 15,000") rather than Intl's symbol
 * ("RUB 120", "IDR 15,000"): signs publishers know and no other currency uses. Others keep
 * Intl's symbol, which never mixes two currencies up: the narrow "$" is also MXN, CAD, AUD…,
 * where the symbol says "MX$", "CA$", "A$".
 */
const NARROW_SIGNS = new Set(['RUB', 'TRY', 'IDR', 'UAH', 'PLN', 'HUF', 'CZK', 'PHP', 'THB', 'NGN', 'KZT', 'ILS']);

/** A currency whose unit is worth under ~5 US cents: whole payouts read better without ".00". */
const SMALL_UNIT_PER_USD = 20;
/** Cheap CPI payouts ("$0.035") need a third digit to tell them apart. */
const SMALL_AMOUNT = 0.1;
const MAX_CACHED_FORMATS = 256;

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${options.currency ?? ''}|${options.currencyDisplay ?? ''}|${options.minimumFractionDigits}|${options.maximumFractionDigits}`;
  let format = formats.get(key);
  if (!format) {
    // A malformed locale tag is a RangeError: fall back to English rather than show nothing.
    try {
      format = new Intl.NumberFormat(locale, options);
    } catch {
      format = new Intl.NumberFormat(DEFAULT_LOCALE, options);
    }
    if (formats.size >= MAX_CACHED_FORMATS) formats.clear();
    formats.set(key, format);
  }
  return format;
}

const digitsByCode = new Map<string, number>();

/** Intl's own digits for the currency: 2 for EUR, 0 for JPY, IDR, VND, KRW. */
function usualDigits(code: string): number {
  let digits = digitsByCode.get(code);
  if (digits === undefined) {
    const format = new Intl.NumberFormat(DEFAULT_LOCALE, { style: 'currency', currency: code });
    digits = format.resolvedOptions().maximumFractionDigits ?? 2;
    digitsByCode.set(code, digits);
  }
  return digits;
}

function fractionDigits(amount: number, code: string): { min: number; max: number } {
  const usual = usualDigits(code);
  if (usual === 0) return { min: 0, max: 0 };
  if ((BUNDLED_RATES.perUsd[code] ?? 0) >= SMALL_UNIT_PER_USD && Number.isInteger(amount)) return { min: 0, max: 0 };
  if (amount > 0 && amount < SMALL_AMOUNT) return { min: usual, max: Math.max(usual, 3) };
  return { min: usual, max: usual };
}

/** "DOLLARS" or " usd " from a feed, as one short upper-case word. */
function codeText(currency: string): string {
  return currency.trim().toUpperCase().slice(0, 10);
}

/**
 * One amount in its currency: "€1.60", "$1.73", "₹120", "Rp 15,000", "¥160"; an amount of a
 * currency with no rate as "1.60 XYZ"; "—" when the amount is not a number. Never throws.
 */
export function formatMoney(amount: number, currency: string, locale: string = intlLocale()): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return TEXT.noAmount;
  const code = typeof currency === 'string' ? codeText(currency) : '';
  const isKnown = Object.hasOwn(BUNDLED_RATES.perUsd, code);
  if (!isKnown) {
    const digits = { minimumFractionDigits: 2, maximumFractionDigits: amount > 0 && amount < SMALL_AMOUNT ? 3 : 2 };
    const number = numberFormat(locale, digits).format(amount);
    return code ? `${number} ${code}` : number;
  }
  const { min, max } = fractionDigits(amount, code);
  return numberFormat(locale, {
    style: 'currency',
    currency: code,
    currencyDisplay: NARROW_SIGNS.has(code) ? 'narrowSymbol' : 'symbol',
    minimumFractionDigits: min,
    maximumFractionDigits: max,
  }).format(amount);
}

/**
 * A payout for comparison: "€1.60 ≈ $1.87" when it is paid in another currency than the
 * display one, "$1.60" when the same, the payout alone when either rate is unknown, and "—"
 * for no payout.
 */
export function formatPayoutWithEquivalent(
  payout: Money | null | undefined,
  displayCurrency: string,
  rates: Rates = BUNDLED_RATES,
  locale: string = intlLocale(),
): string {
  if (!payout) return TEXT.noAmount;
  const paid = formatMoney(payout.amount, payout.currency, locale);
  if (typeof payout.currency !== 'string' || typeof displayCurrency !== 'string') return paid;
  if (codeText(payout.currency) === codeText(displayCurrency)) return paid;
  const equivalent = convert(payout.amount, payout.currency, displayCurrency, rates);
  if (equivalent === null) return paid;
  return `${paid} ${TEXT.approximately} ${formatMoney(equivalent, displayCurrency, locale)}`;
}
