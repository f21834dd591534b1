import { describe, expect, it } from 'vitest';
import { type Offer, parseFeed } from '../feed';
import { diffOffers } from '.';

const base = {
  id: '101',
  name: 'Spotify - Android - ES',
  description: 'Install and register.\nKPI: day-1 retention 30%',
  preview_url: 'https://play.google.com/store/apps/details?id=com.spotify.music',
  tracking_url: 'https://trk.example.com/click?offer_id=101',
  conversion_cap: { daily: 500, monthly: 10000 },
  geos: ['ES', 'PT', 'US'],
  platform: 'Android',
  min_version: '8.0',
  payout: { amount: 1.2, currency: 'USD', type: 'CPA' },
  categories: ['Music', 'Entertainment'],
  expiration_date: '2026-12-31',
  sub_id: { include: ['a', 'b'], exclude: ['x'] },
};

/** Offers as parseFeed makes them from raw feed entries (the sloppiness included). */
function offers(...raw: Record<string, unknown>[]): Offer[] {
  return parseFeed({ message: true, offers: raw }).offers;
}
const one = (patch: Record<string, unknown>) => offers({ ...base, ...patch });

describe('diffOffers', () => {
  it('finds nothing between identical snapshots, or ones that differ only in what does not matter', () => {
    expect(diffOffers(offers(base), offers(base))).toEqual([]);
    const sloppy = one({
      payout: { amount: '1.20', currency: 'usd', type: 'cpa' },
      geos: 'us, es,pt',
      categories: 'Entertainment, Music',
      description: '  Install and register. KPI:   day-1 retention 30% ',
      conversion_cap: { daily: '500', monthly: '10000' },
      sub_id: { include: ['b', 'a', 'a'], exclude: 'x' },
    });
    expect(diffOffers(offers(base), sloppy)).toEqual([]);
  });

  it('calls an offer only in the new snapshot new, and one only in the old gone, with the offer', () => {
    const [a, b] = offers(base, { ...base, id: '202', name: 'Bumble - iOS' });
    const changes = diffOffers([a as Offer], [b as Offer]);
    expect(changes).toHaveLength(2);
    expect(changes).toContainEqual({ offerId: '202', kind: 'new', before: null, after: b });
    expect(changes).toContainEqual({ offerId: '101', kind: 'gone', before: a, after: null });
  });

  it.each([
    ['name', { name: 'Spotify Premium - ES' }, 'Spotify - Android - ES', 'Spotify Premium - ES'],
    [
      'description',
      { description: 'Install and register.\nKPI: day-3 retention 30%' },
      'Install and register.\nKPI: day-1 retention 30%',
      'Install and register.\nKPI: day-3 retention 30%',
    ],
    [
      'payout',
      { payout: { amount: '1.45' } },
      { amount: 1.2, currency: 'USD', type: 'CPA' },
      { amount: 1.45, currency: 'USD', type: 'CPA' },
    ],
    [
      'payout',
      { payout: { amount: 1.2, currency: 'EUR' } },
      { amount: 1.2, currency: 'USD', type: 'CPA' },
      { amount: 1.2, currency: 'EUR', type: 'CPA' },
    ],
    [
      'payout',
      { payout: { amount: 1.2, type: 'CPI' } },
      { amount: 1.2, currency: 'USD', type: 'CPA' },
      { amount: 1.2, currency: 'USD', type: 'CPI' },
    ],
    ['payout', { payout: { amount: 'TBD' } }, { amount: 1.2, currency: 'USD', type: 'CPA' }, null],
    [
      'caps',
      { conversion_cap: { daily: 250, monthly: 10000 } },
      { daily: 500, monthly: 10000 },
      { daily: 250, monthly: 10000 },
    ],
    [
      'caps',
      { conversion_cap: { daily: 500, monthly: 0 } },
      { daily: 500, monthly: 10000 },
      { daily: 500, monthly: 0 },
    ],
    ['geos', { geos: ['ES', 'US'] }, ['ES', 'PT', 'US'], ['ES', 'US']],
    ['platform', { platform: 'iOS' }, 'android', 'ios'],
    ['min-version', { min_version: '9.0' }, '8.0', '9.0'],
    ['min-version', { min_version: '' }, '8.0', null],
    ['expiry', { expiration_date: '2027-01-15' }, Date.UTC(2026, 11, 31), Date.UTC(2027, 0, 15)],
    ['expiry', { expiration_date: '0000-00-00 00:00:00' }, Date.UTC(2026, 11, 31), null],
    ['categories', { categories: ['Music'] }, ['Music', 'Entertainment'], ['Music']],
    [
      'sub-ids',
      { sub_id: { include: ['a', 'b'], exclude: ['x', 'y'] } },
      { include: ['a', 'b'], exclude: ['x'] },
      { include: ['a', 'b'], exclude: ['x', 'y'] },
    ],
    [
      'sub-ids',
      { sub_id: { include: ['a'], exclude: ['x'] } },
      { include: ['a', 'b'], exclude: ['x'] },
      { include: ['a'], exclude: ['x'] },
    ],
    [
      'tracking-url',
      { tracking_url: 'https://trk.example.com/click?offer_id=101&v=2' },
      'https://trk.example.com/click?offer_id=101',
      'https://trk.example.com/click?offer_id=101&v=2',
    ],
    [
      'preview-url',
      { preview_url: 'https://play.google.com/store/apps/details?id=com.spotify.lite' },
      'https://play.google.com/store/apps/details?id=com.spotify.music',
      'https://play.google.com/store/apps/details?id=com.spotify.lite',
    ],
  ])('records a %s change with the old and new value', (kind, patch, before, after) => {
    expect(diffOffers(offers(base), one(patch))).toEqual([{ offerId: '101', kind, before, after }]);
  });

  it('records one change per field kind that differs, and none for the fields that do not', () => {
    const changes = diffOffers(
      offers(base),
      one({ payout: { amount: 1 }, geos: ['ES'], conversion_cap: { daily: 100, monthly: 10000 } }),
    );
    expect(changes.map((c) => c.kind).sort()).toEqual(['caps', 'geos', 'payout']);
  });

  it('calls a description that only gained white space the same, and one that lost or gained words changed', () => {
    const [offer] = offers(base) as [Offer];
    const spaced = { ...offer, description: `  ${offer.description?.replace(' ', '   ')}\n` };
    expect(diffOffers([offer], [spaced])).toEqual([]);
    const joined = { ...offer, description: 'Install andregister.\nKPI: day-1 retention 30%' };
    expect(diffOffers([offer], [joined]).map((c) => c.kind)).toEqual(['description']);
    const dropped = { ...offer, description: '' };
    expect(diffOffers([offer], [dropped])).toEqual([
      { offerId: '101', kind: 'description', before: offer.description, after: '' },
    ]);
  });

  it('takes the first of two offers with one id, as the feed parser does', () => {
    const [offer] = offers(base) as [Offer];
    expect(diffOffers([offer], [offer, { ...offer, name: 'A second 101' }])).toEqual([]);
  });

  it('matches offers by id whatever their order, and ignores entries that are not offers', () => {
    const list = offers(base, { ...base, id: '202', name: 'B' }, { ...base, id: '303', name: 'C' });
    expect(diffOffers(list, [...list].reverse())).toEqual([]);
    expect(diffOffers([null, 7, ...list] as unknown as Offer[], list)).toEqual([]);
    expect(diffOffers(undefined as unknown as Offer[], [])).toEqual([]);
  });
});
