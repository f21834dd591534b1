import { describe, expect, it } from 'vitest';
import {
  BUNDLED_RATES,
  newerRates,
  parseRatesResponse,
  RATES_ORIGIN_PATTERNS,
  RATES_URLS,
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

/**
 * usd.min.json of @fawazahmed0/currency-api 2026.9.29 as jsDelivr serves it, trimmed to the
 * currencies networks pay in and a few of the others it lists (tokens, gold, the SDR, old and
 * redenominated currencies): lower-case codes, units per 1 USD.
 */
function usdAnswer(changes: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    date: '2026-09-29',
    usd: {
      '1inch': 9.96631033,
      ada: 4.11406386,
      aed: 3.6725,
      ats: 12.11217224,
      brl: 5.22423802,
      btc: 0.000012017405,
      cny: 6.70778353,
      eur: 0.88022588,
      gbp: 0.75538854,
      hrk: 6.63206193,
      idr: 18016.34310713,
      inr: 96.08534228,
      jpy: 157.47729333,
      mxn: 18.00541451,
      pln: 3.84930694,
      rub: 84.50846439,
      syp: 13003.41544707,
      try: 48.99546313,
      usd: 1,
      usdt: 1.00052249,
      vnd: 25947.76804973,
      xau: 0.0002421835,
      xdr: 0.73536631,
    },
    ...changes,
  };
}

/** The payout currencies of `usdAnswer()`, as Offer Lens keeps them. */
const SEP_29_RATES: Rates = {
  date: '2026-09-29',
  perUsd: {
    USD: 1,
    AED: 3.6725,
    BRL: 5.22423802,
    CNY: 6.70778353,
    EUR: 0.88022588,
    GBP: 0.75538854,
    IDR: 18016.34310713,
    INR: 96.08534228,
    JPY: 157.47729333,
    MXN: 18.00541451,
    PLN: 3.84930694,
    RUB: 84.50846439,
    TRY: 48.99546313,
    VND: 25947.76804973,
  },
};

function withRates(changes: Record<string, unknown>): Record<string, unknown> {
  return usdAnswer({ usd: { ...(usdAnswer().usd as Record<string, unknown>), ...changes } });
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
  it('reads a jsDelivr answer: payout currencies upper-cased, tokens, gold and the SDR dropped', () => {
    // No BTC, USDT, 1INCH, XAU, XDR, ATS, HRK or SYP: SEP_29_RATES lists every code kept.
    expect(parseRatesResponse(usdAnswer())).toEqual(SEP_29_RATES);
  });

  it('counts USD at 1 when the answer leaves it out', () => {
    const { usd: _usd, ...others } = usdAnswer().usd as Record<string, unknown>;
    expect(parseRatesResponse(usdAnswer({ usd: others }))).toEqual(SEP_29_RATES);
  });

  it('refuses an answer that gives USD another rate than 1', () => {
    expect(parseRatesResponse(withRates({ usd: 0.9 }))).toBeNull();
    expect(parseRatesResponse(withRates({ usd: '1' }))).toBeNull();
  });

  it('refuses the bodies of an error or an outage', () => {
    const bodies = [
      "Couldn't find the requested file /v1/currencies/usd.min.json in @fawazahmed0/currency-api.",
      '<!DOCTYPE html><html><head><title>Page not found</title></head></html>',
      { status: 404, message: "Couldn't find the requested release version 2026.13.1." },
      { error: 'Not found' },
      '',
      null,
      undefined,
    ];
    for (const body of bodies) expect(parseRatesResponse(body), String(body)).toBeNull();
  });

  it('refuses other shapes: another base currency, the old provider, upper-case codes, no date', () => {
    const { usd, ...dateOnly } = usdAnswer();
    const shapes = [
      { date: '2026-09-29', eur: { usd: 1.1361, gbp: 0.8582 } },
      { result: 'success', base_code: 'USD', time_last_update_unix: 1790640000, rates: SEP_29_RATES.perUsd },
      usdAnswer({ usd: SEP_29_RATES.perUsd }),
      usdAnswer({ usd: Object.entries(usd as object) }),
      usdAnswer({ usd: 'none' }),
      { usd },
      dateOnly,
      [usdAnswer()],
      {},
    ];
    for (const body of shapes) expect(parseRatesResponse(body), JSON.stringify(body).slice(0, 60)).toBeNull();
  });

  it('refuses a date that is not a YYYY-MM-DD day', () => {
    for (const date of ['2026-9-29', '2026-09-29T00:00:00Z', '29.09.2026', '2026-02-30', 1790640000, null]) {
      expect(parseRatesResponse(usdAnswer({ date })), String(date)).toBeNull();
    }
  });

  it('refuses a payout currency whose rate is zero, negative, endless or not a number', () => {
    expect(parseRatesResponse(withRates({ eur: 0 }))).toBeNull();
    expect(parseRatesResponse(withRates({ jpy: -157.48 }))).toBeNull();
    expect(parseRatesResponse(withRates({ pln: '3.85' }))).toBeNull();
    expect(parseRatesResponse(withRates({ aed: null }))).toBeNull();
    const endless = JSON.parse(JSON.stringify(usdAnswer()).replace('"eur":0.88022588', '"eur":1e999'));
    expect(parseRatesResponse(endless)).toBeNull();
  });

  it('keeps the table when only a code it does not keep has a broken rate', () => {
    expect(parseRatesResponse(withRates({ btc: null, xau: -1, shib: 'n/a' }))).toEqual(SEP_29_RATES);
  });

  it('refuses a table missing a currency networks pay in', () => {
    const { vnd: _vnd, ...withoutVnd } = usdAnswer().usd as Record<string, unknown>;
    expect(parseRatesResponse(usdAnswer({ usd: withoutVnd }))).toBeNull();
  });

  it('refuses a table dated in the future, and takes one dated the next day in another time zone', () => {
    const sep29Noon = Date.parse('2026-09-29T12:00:00Z');
    expect(parseRatesResponse(usdAnswer({ date: '2099-01-01' }), sep29Noon)).toBeNull();
    expect(parseRatesResponse(usdAnswer({ date: '2026-09-30' }), sep29Noon)).toEqual({
      ...SEP_29_RATES,
      date: '2026-09-30',
    });
  });

  it('refuses an answer of more than a thousand codes', () => {
    const usd: Record<string, unknown> = { ...(usdAnswer().usd as Record<string, unknown>) };
    for (let i = 0; Object.keys(usd).length <= 1000; i++) usd[`token${i}`] = 1;
    expect(parseRatesResponse(usdAnswer({ usd }))).toBeNull();
    delete usd.token0;
    expect(Object.keys(usd).length).toBe(1000);
    expect(parseRatesResponse(usdAnswer({ usd }))).toEqual(SEP_29_RATES);
  });

  it('reads nothing from a "__proto__" code planted in the answer', () => {
    const { aed: _aed, ...withoutAed } = usdAnswer().usd as Record<string, unknown>;
    const text = JSON.stringify(usdAnswer({ usd: withoutAed })).replace('"usd":{', '"usd":{"__proto__":{"aed":99},');
    const rates = parseRatesResponse(JSON.parse(text));
    const { AED: _AED, ...perUsd } = SEP_29_RATES.perUsd;
    expect(rates).toEqual({ ...SEP_29_RATES, perUsd });
    expect(Object.getPrototypeOf(rates?.perUsd)).toBe(Object.prototype);
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

describe('the daily refresh endpoints', () => {
  it('asks jsDelivr first, then the Cloudflare Pages fallback the README documents', () => {
    expect(RATES_URLS).toEqual([
      'https://cdn.jsdelivr.net/npm/@fawazahmed0/currency-api@latest/v1/currencies/usd.min.json',
      'https://latest.currency-api.pages.dev/v1/currencies/usd.min.json',
    ]);
  });

  it('are each asked for under a host permission Offer Lens requests, and no other', () => {
    expect(RATES_ORIGIN_PATTERNS).toEqual(['https://cdn.jsdelivr.net/*', 'https://latest.currency-api.pages.dev/*']);
    expect(RATES_URLS.map((url) => `${new URL(url).origin}/*`)).toEqual(RATES_ORIGIN_PATTERNS);
  });
});
