import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_STATE } from '../search/query';
import {
  currencySign,
  minPayoutFromUsd,
  minPayoutToUsd,
  networksOnShow,
  parseAmount,
  payoutText,
  searchOnShow,
} from './offer-facts';

const DEMO_NAMES = [
  { id: 'demo-cat', kind: 'carrierapptraffic', label: 'CarrierAppTraffic', name: 'CarrierAppTraffic' },
  { id: 'demo-affise', kind: 'affise', label: 'AppRocket', name: 'AppRocket (Affise)' },
  { id: 'demo-everflow', kind: 'everflow', label: 'MobiPeak', name: 'MobiPeak (Everflow)' },
];

describe('networksOnShow: which network an offer comes from', () => {
  it('names each offer by its source, short for rows and in full elsewhere', () => {
    const networks = networksOnShow(DEMO_NAMES);
    expect(networks.isMixed).toBe(true);
    expect(networks.labelOf({ source: 'demo-affise' })).toBe('AppRocket');
    expect(networks.nameOf({ source: 'demo-affise' })).toBe('AppRocket (Affise)');
    expect(networks.nameOf({ source: 'demo-everflow' })).toBe('MobiPeak (Everflow)');
  });

  it('gives the search every name a net: term may use', () => {
    expect(networksOnShow(DEMO_NAMES).searchNames[1]).toEqual({
      id: 'demo-affise',
      names: ['AppRocket (Affise)', 'AppRocket', 'affise'],
    });
  });

  it('is not mixed with one source, and an offer without a source is the first one’s', () => {
    const networks = networksOnShow([{ id: 'cat', kind: 'carrierapptraffic', label: '', name: 'CarrierAppTraffic' }]);
    expect(networks.isMixed).toBe(false);
    expect(networks.labelOf({})).toBe('CarrierAppTraffic');
    expect(networks.nameOf({ source: 'gone-1' })).toBe('gone-1');
    expect(networks.labelOf({ source: 'gone-1' })).toBe('');
  });
});

describe('searchOnShow: a network filter of a network no longer on show', () => {
  const demo = networksOnShow(DEMO_NAMES).searchNames;
  const own = [{ id: 'cat', names: ['CarrierAppTraffic', 'CarrierAppTraffic', 'carrierapptraffic'] }];
  const onAppRocket = { ...DEFAULT_SEARCH_STATE, query: 'spotify', network: 'demo-affise' };

  it('keeps filtering by a network on show', () => {
    expect(searchOnShow(onAppRocket, demo)).toEqual(onAppRocket);
  });

  it('filters by no network once that network is not on show (back from the demo)', () => {
    expect(searchOnShow(onAppRocket, own)).toEqual({ ...DEFAULT_SEARCH_STATE, query: 'spotify', network: null });
  });

  it('leaves the search as it is while the names are not known yet', () => {
    expect(searchOnShow(onAppRocket, [])).toEqual(onAppRocket);
  });
});

describe('payoutText: one currency in view', () => {
  it('shows a foreign payout with its equivalent in the display currency', () => {
    expect(payoutText({ amount: 1.7, currency: 'EUR', type: 'CPI' }, 'USD')).toEqual({
      paid: '€1.70 CPI',
      equivalent: '≈ $1.93',
    });
    expect(payoutText({ amount: 1.35, currency: 'GBP', type: 'CPA' }, 'USD')).toEqual({
      paid: '£1.35 CPA',
      equivalent: '≈ $1.79',
    });
    expect(payoutText({ amount: 1.62, currency: 'USD', type: 'CPA' }, 'EUR')).toEqual({
      paid: '$1.62 CPA',
      equivalent: '≈ €1.43',
    });
  });

  it('shows no equivalent for a payout in the display currency, an unknown currency or none', () => {
    expect(payoutText({ amount: 1.62, currency: 'usd', type: 'CPA' }, 'USD')).toEqual({
      paid: '$1.62 CPA',
      equivalent: null,
    });
    expect(payoutText({ amount: 2, currency: 'XYZ', type: 'CPA' }, 'USD')).toEqual({
      paid: '2.00 XYZ CPA',
      equivalent: null,
    });
    expect(payoutText(null, 'USD')).toEqual({ paid: '—', equivalent: null });
  });
});

describe('the Min box in the display currency', () => {
  it('labels it with the display currency’s sign', () => {
    expect(['USD', 'EUR', 'GBP', 'CAD', 'IDR', 'CHF'].map(currencySign)).toEqual(['$', '€', '£', 'CA$', 'Rp', 'CHF']);
  });

  it('searches from the USD equivalent of a minimum typed in euros, and shows a USD minimum back in euros', () => {
    // 0.880226 EUR per USD in the bundled table.
    expect(minPayoutToUsd(1.5, 'EUR')).toBeCloseTo(1.7041, 4);
    expect(minPayoutFromUsd(2, 'EUR')).toBe(1.76);
  });

  it('leaves USD minimums and no minimum as they are', () => {
    expect(minPayoutToUsd(1.5, 'USD')).toBe(1.5);
    expect(minPayoutFromUsd(1.5, 'USD')).toBe(1.5);
    expect(minPayoutToUsd(null, 'EUR')).toBeNull();
    expect(minPayoutFromUsd(null, 'EUR')).toBeNull();
  });

  it('reads amounts with a point or a comma, and tells text that is no amount', () => {
    expect(['1.5', ' 2 ', '1,25', '.5', ''].map(parseAmount)).toEqual([1.5, 2, 1.25, 0.5, null]);
    expect(['abc', '-1', '1.2.3', '.', '1e3'].map(parseAmount)).toEqual([
      'invalid',
      'invalid',
      'invalid',
      'invalid',
      'invalid',
    ]);
  });
});
