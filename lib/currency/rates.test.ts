import { describe, expect, it } from 'vitest';
import {
  BUNDLED_RATES,
  newerRates,
  parseRatesResponse,
  RATES_ORIGIN_PATTERN,
  RATES_URL,
  type Rates,
  readStoredRates,
} from './index';

const REQUIRED = {
  USD: 1,
  EUR: 0.856,
  GBP: 0.7336,
  RUB: 83.8,
  INR: 95.72,
  BRL: 5.19,
  CNY: 6.736,
  JPY: 158.85,
  TRY: 48.05,
  IDR: 17_737,
  VND: 25_935,
  MXN: 16.96,
};

const STORED: Rates = { date: '2026-08-21', perUsd: { ...REQUIRED, PLN: 3.64 } };

/** The answer of open.er-api.com/v6/latest/USD, trimmed to a few currencies. */
function erApiAnswer(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    result: 'success',
    provider: 'https://www.exchangerate-api.com',
    documentation: 'https://www.exchangerate-api.com/docs/free',
    terms_of_use: 'https://www.exchangerate-api.com/terms',
    time_last_update_unix: 1787270551,
    time_last_update_utc: 'Fri, 21 Aug 2026 00:02:31 +0000',
    time_next_update_unix: 1787356951,
    time_next_update_utc: 'Sat, 22 Aug 2026 00:02:31 +0000',
    time_eol_unix: 0,
    base_code: 'USD',
    rates: { ...REQUIRED, AED: 3.6725, PLN: 3.64 },
    ...changes,
  };
}

const AUG_21_NOON = Date.parse('2026-08-21T12:00:00Z');

describe('readStoredRates', () => {
  it('reads back a table Offer Lens wrote', () => {
    expect(readStoredRates(STORED)).toEqual(STORED);
    expect(readStoredRates(BUNDLED_RATES)).toEqual(BUNDLED_RATES);
  });

  it('keeps no reference to the stored value', () => {
    const raw = structuredClone(STORED);
    const read = readStoredRates(raw);
    raw.perUsd.EUR = 99;
    expect(read?.perUsd.EUR).toBe(0.856);
  });

  it('refuses a table where USD is not 1', () => {
    expect(readStoredRates({ ...STORED, perUsd: { ...STORED.perUsd, USD: 1.1 } })).toBeNull();
    const { USD: _usd, ...withoutUsd } = STORED.perUsd;
    expect(readStoredRates({ ...STORED, perUsd: withoutUsd })).toBeNull();
  });

  it('refuses a negative, zero, infinite or written-out rate', () => {
    expect(readStoredRates({ ...STORED, perUsd: { ...STORED.perUsd, EUR: -0.856 } })).toBeNull();
    expect(readStoredRates({ ...STORED, perUsd: { ...STORED.perUsd, PLN: 0 } })).toBeNull();
    expect(readStoredRates({ ...STORED, perUsd: { ...STORED.perUsd, JPY: Number.POSITIVE_INFINITY } })).toBeNull();
    expect(readStoredRates(JSON.parse('{"date":"2026-08-21","perUsd":{"USD":1,"EUR":1e999}}'))).toBeNull();
    expect(readStoredRates({ ...STORED, perUsd: { ...STORED.perUsd, EUR: '0.856' } })).toBeNull();
  });

  it('refuses a table missing a currency networks pay in', () => {
    const { VND: _vnd, ...withoutVnd } = STORED.perUsd;
    expect(readStoredRates({ ...STORED, perUsd: withoutVnd })).toBeNull();
    const { RUB: _rub, ...withoutRub } = STORED.perUsd;
    expect(readStoredRates({ ...STORED, perUsd: withoutRub })).toBeNull();
  });

  it('refuses a date that is not a YYYY-MM-DD day', () => {
    for (const date of ['2026-8-21', '21.08.2026', '2026-02-30', '2026-08-21T00:00:00Z', '', 20260821, null]) {
      expect(readStoredRates({ ...STORED, date }), String(date)).toBeNull();
    }
  });

  it('refuses a table dated in the future', () => {
    expect(readStoredRates({ ...STORED, date: '2099-01-01' }, AUG_21_NOON)).toBeNull();
    expect(readStoredRates({ ...STORED, date: '2026-08-22' }, AUG_21_NOON)).toEqual({ ...STORED, date: '2026-08-22' });
  });

  it('refuses codes that are not three capital letters, and a table of thousands', () => {
    expect(readStoredRates({ ...STORED, perUsd: { ...STORED.perUsd, eur: 0.856 } })).toBeNull();
    const many: Record<string, number> = { ...STORED.perUsd };
    for (let i = 0; i < 26 * 26; i++)
      many[`Q${String.fromCharCode(65 + (i % 26))}${String.fromCharCode(65 + Math.floor(i / 26))}`] = 1;
    expect(Object.keys(many).length).toBeGreaterThan(400);
    expect(readStoredRates({ ...STORED, perUsd: many })).toBeNull();
  });

  it('drops a "__proto__" key planted in a stored table', () => {
    const planted = { ...STORED, perUsd: { ...STORED.perUsd, ...JSON.parse('{"__proto__": {"XAU": 1}}') } };
    const read = readStoredRates(planted);
    expect(read).toEqual(STORED);
    expect(Object.getPrototypeOf(read?.perUsd)).toBe(Object.prototype);
  });

  it('refuses what is not a table at all', () => {
    for (const raw of [undefined, null, 'rates', 42, [], {}, { date: '2026-08-21' }, { perUsd: STORED.perUsd }]) {
      expect(readStoredRates(raw)).toBeNull();
    }
  });
});

describe('parseRatesResponse', () => {
  it('reads the day of an open.er-api.com answer as its date', () => {
    expect(parseRatesResponse(erApiAnswer())).toEqual({
      date: '2026-08-21',
      perUsd: { ...REQUIRED, AED: 3.6725, PLN: 3.64 },
    });
  });

  it('refuses an error answer', () => {
    expect(parseRatesResponse({ result: 'error', 'error-type': 'unsupported-code' })).toBeNull();
    expect(parseRatesResponse(erApiAnswer({ result: 'error' }))).toBeNull();
  });

  it('refuses an answer based on another currency', () => {
    expect(parseRatesResponse(erApiAnswer({ base_code: 'EUR' }))).toBeNull();
  });

  it('refuses an absurd table', () => {
    const rates = erApiAnswer().rates as Record<string, number>;
    expect(parseRatesResponse(erApiAnswer({ rates: { ...rates, USD: 0.9 } }))).toBeNull();
    expect(parseRatesResponse(erApiAnswer({ rates: { ...rates, JPY: -158 } }))).toBeNull();
    expect(parseRatesResponse(erApiAnswer({ rates: { USD: 1, EUR: 0.856 } }))).toBeNull();
    expect(parseRatesResponse(erApiAnswer({ rates: 'none' }))).toBeNull();
  });

  it('refuses an update time that is not a time, or in the future', () => {
    expect(parseRatesResponse(erApiAnswer({ time_last_update_unix: 'Fri, 21 Aug 2026' }))).toBeNull();
    expect(parseRatesResponse(erApiAnswer({ time_last_update_unix: 1e15 }))).toBeNull();
    expect(parseRatesResponse(erApiAnswer({ time_last_update_unix: 4102444800 }), AUG_21_NOON)).toBeNull();
  });

  it('refuses a body that is not an answer', () => {
    for (const body of [null, undefined, '<html>Maintenance</html>', [], {}]) {
      expect(parseRatesResponse(body)).toBeNull();
    }
  });
});

describe('newerRates', () => {
  const older: Rates = { ...STORED, date: '2026-08-20' };
  const newer: Rates = { ...STORED, date: '2026-08-21' };

  it('keeps the newer table whichever comes first', () => {
    expect(newerRates(older, newer)).toBe(newer);
    expect(newerRates(newer, older)).toBe(newer);
  });

  it('keeps the table it has on the same day', () => {
    const sameDay: Rates = { ...newer, perUsd: { ...newer.perUsd, EUR: 0.9 } };
    expect(newerRates(newer, sameDay)).toBe(newer);
  });

  it('keeps the table it has when the other is missing', () => {
    expect(newerRates(newer, null)).toBe(newer);
    expect(newerRates(null, older)).toBe(older);
    expect(newerRates(null, null)).toBeNull();
  });
});

describe('the daily refresh endpoint', () => {
  it('is asked for under the host permission Offer Lens requests', () => {
    expect(RATES_URL).toBe('https://open.er-api.com/v6/latest/USD');
    expect(RATES_ORIGIN_PATTERN).toBe('https://open.er-api.com/*');
    expect(`${new URL(RATES_URL).origin}/*`).toBe(RATES_ORIGIN_PATTERN);
  });
});
