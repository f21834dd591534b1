import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feed';
import { createSearchIndex } from '.';
import { buildSearchIndexData } from './build';
import type { Rates, ToUsd } from './payout';

// A stand-in for lib/currency's toUsd (being written elsewhere): same signature, a tiny table.
const BUNDLED: Rates = { date: '2026-11-20', perUsd: { USD: 1, EUR: 0.925 } };
const toUsd: ToUsd = (amount, currency, rates = BUNDLED) => {
  const perUsd = rates.perUsd[currency.toUpperCase()];
  return perUsd ? amount / perUsd : null;
};

const offer = (id: string, name: string, payout?: { amount: number; currency: string }) => ({
  id,
  name: `${name} - iOS - US - Install`,
  tracking_url: `https://t.example/c?o=${id}`,
  ...(payout ? { payout } : {}),
});
const { offers } = parseFeed({
  message: true,
  offers: [
    offer('usd-same', 'Alpha', { amount: 10.68, currency: 'USD' }),
    offer('unknown', 'Echo', { amount: 500, currency: 'ZZZ' }),
    offer('usd-under', 'Delta', { amount: 9.99, currency: 'USD' }),
    offer('eur-high', 'Bravo', { amount: 10.68, currency: 'EUR' }),
    offer('none', 'Foxtrot'),
    offer('eur-ten', 'Charlie', { amount: 10, currency: 'eur' }),
  ],
});
const index = createSearchIndex(offers, undefined, { toUsd });
const ids = (q: string, options: Parameters<typeof index.query>[1] = {}) =>
  index.query(q, options).offers.map((o) => o.id);

describe('payouts compared in one currency', () => {
  it('ranks €10.68 above $10.68, and an unknown currency or no payout last', () => {
    // In USD: €10.68 ≈ 11.55, €10 ≈ 10.81, $10.68, $9.99; 500 ZZZ is unknown. By amount alone, 500 ZZZ
    // would lead and $10.68 (Alpha) would come before €10.68 (Bravo).
    const order = ['eur-high', 'eur-ten', 'usd-same', 'usd-under', 'unknown', 'none'];
    expect(ids('sort:payout')).toEqual(order);
    expect(ids('')).toEqual(order);
    // Equal matches ("best") fall back to the same order.
    expect(ids('install')).toEqual(order);
    expect(ids('install sort:payout')).toEqual(order);
  });

  it('keeps €10 and drops $9.99 for payout>10 and for the Min $ filter', () => {
    expect(ids('payout>10')).toEqual(['eur-high', 'eur-ten', 'usd-same']);
    expect(ids('install payout>=10')).toEqual(['eur-high', 'eur-ten', 'usd-same']);
    expect(ids('', { filters: { minPayout: 10 } })).toEqual(['eur-high', 'eur-ten', 'usd-same']);
    expect(ids('payout>0')).toEqual(['eur-high', 'eur-ten', 'usd-same', 'usd-under']);
  });

  it('follows a refreshed rate table without a new index', () => {
    // The euro fell to 1.1 per dollar: €10.68 ≈ 9.71, €10 ≈ 9.09; ZZZ is known now: 500 ≈ 5.
    const refreshed: Rates = { date: '2026-11-24', perUsd: { USD: 1, EUR: 1.1, ZZZ: 100 } };
    expect(ids('sort:payout', { rates: refreshed })).toEqual([
      'usd-same',
      'usd-under',
      'eur-high',
      'eur-ten',
      'unknown',
      'none',
    ]);
    expect(ids('payout>10', { rates: refreshed })).toEqual(['usd-same']);
    expect(ids('', { rates: refreshed, filters: { minPayout: 5 } })).toEqual([
      'usd-same',
      'usd-under',
      'eur-high',
      'eur-ten',
      'unknown',
    ]);
    // And back to the converter's own table.
    expect(ids('payout>10')).toEqual(['eur-high', 'eur-ten', 'usd-same']);
  });

  it('uses the order stored with the index only for the table it was made with', () => {
    const refreshed: Rates = { date: '2026-11-24', perUsd: { USD: 1, EUR: 1.1 } };
    const stored = structuredClone(buildSearchIndexData(offers, { toUsd, rates: refreshed }));
    const restored = createSearchIndex(offers, stored, { toUsd });
    const restoredIds = (rates?: Rates) => restored.query('sort:payout', { rates }).offers.map((o) => o.id);
    expect(restoredIds(refreshed)).toEqual(['usd-same', 'usd-under', 'eur-high', 'eur-ten', 'unknown', 'none']);
    expect(restoredIds()).toEqual(['eur-high', 'eur-ten', 'usd-same', 'usd-under', 'unknown', 'none']);
  });
});
