import { describe, expect, it } from 'vitest';
import {
  BUNDLED_RATES,
  convert,
  DISPLAY_CURRENCIES,
  formatMoney,
  formatPayoutWithEquivalent,
  isCurrencyCode,
  type Money,
  PAYOUT_CURRENCIES,
  type Rates,
  REQUIRED_CURRENCIES,
  toUsd,
  usdValue,
} from './index';

/** Round numbers, so the expected values below can be worked out by hand. */
const ROUND_RATES: Rates = {
  date: '2026-01-02',
  perUsd: {
    USD: 1,
    EUR: 0.8,
    GBP: 0.5,
    RUB: 80,
    INR: 100,
    BRL: 5,
    CNY: 7,
    JPY: 160,
    TRY: 40,
    IDR: 16_000,
    VND: 25_000,
    MXN: 20,
  },
};

describe('the bundled rate table', () => {
  it('is dated and has the currencies networks pay in, USD at 1', () => {
    expect(BUNDLED_RATES.date).toBe('2026-09-29');
    expect(BUNDLED_RATES.perUsd.USD).toBe(1);
    for (const code of ['EUR', 'GBP', 'RUB', 'INR', 'BRL', 'CNY', 'JPY', 'TRY', 'IDR', 'VND', 'MXN']) {
      expect(BUNDLED_RATES.perUsd[code], code).toBeGreaterThan(0);
    }
    expect(Object.keys(BUNDLED_RATES.perUsd).length).toBe(153);
  });

  it('holds the 2026-09-29 rates of its source, to 6 significant digits', () => {
    // usd.json of @fawazahmed0/currency-api 2026.9.29: eur 0.88022588, gbp 0.75538854, …
    expect(BUNDLED_RATES.perUsd.EUR).toBe(0.880226);
    expect(BUNDLED_RATES.perUsd.GBP).toBe(0.755389);
    expect(BUNDLED_RATES.perUsd.INR).toBe(96.0853);
    expect(BUNDLED_RATES.perUsd.VND).toBe(25947.8);
    expect(BUNDLED_RATES.perUsd.IDR).toBe(18016.3);
  });

  it('has no cryptocurrency, metal, SDR or Syrian pound of its source', () => {
    for (const code of ['BTC', 'ETH', 'USDT', 'XAU', 'XAG', 'XPT', 'XPD', 'XDR', 'SYP', 'HRK', 'VEF', 'DEM']) {
      expect(Object.hasOwn(BUNDLED_RATES.perUsd, code), code).toBe(false);
    }
  });

  it('has exactly the payout currencies of the filter, each a distinct three-letter code', () => {
    expect(PAYOUT_CURRENCIES.length).toBe(153);
    expect(new Set(PAYOUT_CURRENCIES).size).toBe(153);
    for (const code of PAYOUT_CURRENCIES) expect(code).toMatch(/^[A-Z]{3}$/);
    for (const code of REQUIRED_CURRENCIES) expect(PAYOUT_CURRENCIES).toContain(code);
    expect(Object.keys(BUNDLED_RATES.perUsd)).toEqual(PAYOUT_CURRENCIES);
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(BUNDLED_RATES.perUsd)).toBe(true);
  });
});

describe('toUsd and convert', () => {
  it('says €10.68 is worth more than $10.68', () => {
    // 10.68 / 0.880226 EUR per USD
    expect(toUsd(10.68, 'EUR')).toBeCloseTo(12.1332, 4);
    expect(usdValue({ amount: 10.68, currency: 'EUR' })).toBeGreaterThan(usdValue({ amount: 10.68, currency: 'USD' }));
  });

  it('keeps a USD amount as it is', () => {
    expect(toUsd(10.68, 'USD')).toBe(10.68);
    expect(toUsd(0, 'USD')).toBe(0);
  });

  it('reads currency codes in any case and with spaces around', () => {
    expect(toUsd(8, 'eur', ROUND_RATES)).toBe(10);
    expect(toUsd(8, 'Eur', ROUND_RATES)).toBe(10);
    expect(toUsd(8, ' EUR ', ROUND_RATES)).toBe(10);
    expect(convert(8, 'eur', 'gbp', ROUND_RATES)).toBe(5);
  });

  it('converts EUR to GBP through USD', () => {
    expect(convert(10, 'EUR', 'GBP', ROUND_RATES)).toBe(6.25);
    expect(convert(160, 'JPY', 'INR', ROUND_RATES)).toBe(100);
    // 10 / 0.880226 × 0.755389 with the bundled table
    expect(convert(10, 'EUR', 'GBP')).toBeCloseTo(8.5818, 4);
  });

  it('answers null for an unknown currency instead of guessing', () => {
    expect(toUsd(1, 'XYZ')).toBeNull();
    expect(toUsd(1, '')).toBeNull();
    expect(toUsd(1, 'EURO')).toBeNull();
    expect(toUsd(1, '__proto__')).toBeNull();
    expect(toUsd(1, 'constructor')).toBeNull();
    expect(toUsd(1, 'HRK')).toBeNull();
    expect(convert(1, 'USD', 'XYZ')).toBeNull();
    expect(convert(1, 'XYZ', 'USD')).toBeNull();
  });

  it('answers null for amounts that are not a payout, and never throws', () => {
    expect(toUsd(-1, 'USD')).toBeNull();
    expect(toUsd(Number.NaN, 'USD')).toBeNull();
    expect(toUsd(Number.POSITIVE_INFINITY, 'EUR')).toBeNull();
    expect(toUsd('5' as unknown as number, 'USD')).toBeNull();
    expect(toUsd(5, null as unknown as string)).toBeNull();
    expect(toUsd(5, 'EUR', { date: '2026-01-02', perUsd: { USD: 1, EUR: 0 } })).toBeNull();
  });
});

describe('ordering payouts by their USD value', () => {
  it('puts payouts in mixed currencies in value order, an unknown currency and no payout last', () => {
    const payouts: Array<Money | null> = [
      { amount: 1, currency: 'USD' },
      { amount: 5, currency: 'XYZ' },
      { amount: 1, currency: 'EUR' },
      null,
      { amount: 15_000, currency: 'IDR' },
      { amount: 0, currency: 'USD' },
      { amount: 100, currency: 'INR' },
      { amount: 1, currency: 'gbp' },
    ];
    const sorted = [...payouts].sort((a, b) => usdValue(b) - usdValue(a));
    // GBP 1.324 · EUR 1.136 · INR 1.041 · USD 1 · IDR 0.833 · USD 0 · then the unknowns, in list order
    expect(sorted).toEqual([
      { amount: 1, currency: 'gbp' },
      { amount: 1, currency: 'EUR' },
      { amount: 100, currency: 'INR' },
      { amount: 1, currency: 'USD' },
      { amount: 15_000, currency: 'IDR' },
      { amount: 0, currency: 'USD' },
      { amount: 5, currency: 'XYZ' },
      null,
    ]);
  });

  it('gives no payout and an unknown currency -1, below a payout of 0', () => {
    expect(usdValue(null)).toBe(-1);
    expect(usdValue(undefined)).toBe(-1);
    expect(usdValue({ amount: 5, currency: 'XYZ' })).toBe(-1);
    expect(usdValue({ amount: -3, currency: 'USD' })).toBe(-1);
    expect(usdValue({ amount: 0, currency: 'USD' })).toBe(0);
  });

  it('uses the table it is given', () => {
    expect(usdValue({ amount: 40, currency: 'TRY' }, ROUND_RATES)).toBe(1);
  });
});

describe('the currencies the settings page offers', () => {
  it('starts with USD, EUR, GBP, RUB and lists every currency of the table once', () => {
    expect(DISPLAY_CURRENCIES.slice(0, 4)).toEqual(['USD', 'EUR', 'GBP', 'RUB']);
    expect(new Set(DISPLAY_CURRENCIES).size).toBe(DISPLAY_CURRENCIES.length);
    expect([...DISPLAY_CURRENCIES].sort()).toEqual(Object.keys(BUNDLED_RATES.perUsd).sort());
  });

  it('knows a currency code in any case, and nothing else', () => {
    expect(isCurrencyCode('EUR')).toBe(true);
    expect(isCurrencyCode('vnd')).toBe(true);
    expect(isCurrencyCode('XYZ')).toBe(false);
    expect(isCurrencyCode('')).toBe(false);
    expect(isCurrencyCode(42)).toBe(false);
    expect(isCurrencyCode('__proto__')).toBe(false);
  });
});

describe('formatMoney', () => {
  it('writes EUR, USD and GBP with cents', () => {
    expect(formatMoney(1.6, 'EUR')).toBe('€1.60');
    expect(formatMoney(1.73, 'USD')).toBe('$1.73');
    expect(formatMoney(2, 'usd')).toBe('$2.00');
    expect(formatMoney(0.35, 'GBP')).toBe('£0.35');
    expect(formatMoney(1234.5, 'USD')).toBe('$1,234.50');
  });

  it('keeps a third digit for payouts under ten cents', () => {
    expect(formatMoney(0.035, 'USD')).toBe('$0.035');
    expect(formatMoney(0.05, 'EUR')).toBe('€0.05');
  });

  it('writes JPY, IDR and VND without fraction digits', () => {
    expect(formatMoney(160, 'JPY')).toBe('¥160');
    // Intl puts a no-break space between a sign of letters and the amount.
    expect(formatMoney(15_000, 'IDR')).toBe('Rp\u00a015,000');
    expect(formatMoney(26_000.4, 'VND')).toBe('₫26,000');
  });

  it('drops ".00" from whole rupees and roubles, not from other amounts', () => {
    expect(formatMoney(120, 'INR')).toBe('₹120');
    expect(formatMoney(120.5, 'INR')).toBe('₹120.50');
    expect(formatMoney(120, 'RUB')).toBe('₽120');
  });

  it('never writes two currencies alike', () => {
    expect(formatMoney(25, 'MXN')).toBe('MX$25.00');
    expect(formatMoney(3, 'CNY')).toBe('CN¥3.00');
  });

  it('writes a currency it has no rate for after the amount', () => {
    expect(formatMoney(1.6, 'XYZ')).toBe('1.60 XYZ');
    expect(formatMoney(1.6, 'xyz')).toBe('1.60 XYZ');
  });

  it('follows the locale it is given, and falls back to English for a malformed one', () => {
    expect(formatMoney(1.6, 'EUR', 'de-DE')).toBe('1,60\u00a0€');
    expect(formatMoney(1.6, 'EUR', 'en_US')).toBe('€1.60');
  });

  it('writes a dash for an amount that is not a number', () => {
    expect(formatMoney(Number.NaN, 'EUR')).toBe('—');
  });
});

describe('formatPayoutWithEquivalent', () => {
  it('shows the equivalent in the display currency when the payout is in another', () => {
    expect(formatPayoutWithEquivalent({ amount: 1.6, currency: 'EUR' }, 'USD', ROUND_RATES)).toBe('€1.60 ≈ $2.00');
    expect(formatPayoutWithEquivalent({ amount: 120, currency: 'INR' }, 'EUR', ROUND_RATES)).toBe('₹120 ≈ €0.96');
    // 1.60 / 0.880226 = 1.8177 with the bundled table
    expect(formatPayoutWithEquivalent({ amount: 1.6, currency: 'EUR' }, 'USD')).toBe('€1.60 ≈ $1.82');
  });

  it('shows the payout alone when it is already in the display currency', () => {
    expect(formatPayoutWithEquivalent({ amount: 1.6, currency: 'USD' }, 'USD')).toBe('$1.60');
    expect(formatPayoutWithEquivalent({ amount: 1.6, currency: 'usd' }, 'USD')).toBe('$1.60');
  });

  it('shows the payout alone when a rate is unknown, and a dash for no payout', () => {
    expect(formatPayoutWithEquivalent({ amount: 1.6, currency: 'XYZ' }, 'USD')).toBe('1.60 XYZ');
    expect(formatPayoutWithEquivalent({ amount: 1.6, currency: 'EUR' }, 'XYZ')).toBe('€1.60');
    expect(formatPayoutWithEquivalent(null, 'USD')).toBe('—');
  });

  it('writes both amounts in the locale it is given', () => {
    expect(formatPayoutWithEquivalent({ amount: 1.6, currency: 'EUR' }, 'USD', ROUND_RATES, 'de-DE')).toBe(
      '1,60\u00a0€ ≈ 2,00\u00a0$',
    );
  });
});
