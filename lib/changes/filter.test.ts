import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_STATE, type SearchState } from '../search/query';
import { changeFilter } from './filter';
import type { ChangeRecord } from './log';
import type { Watchlist } from './watch';

const record = (offerId: string, name: string, rest: Partial<ChangeRecord>): ChangeRecord => ({
  offerId,
  kind: 'payout',
  before: null,
  after: null,
  at: 0,
  previousAt: 0,
  group: 'payout-up',
  name,
  platform: null,
  geos: [],
  appKey: null,
  payout: null,
  ...rest,
});

const CHANGES = [
  record('7', 'Spotify – Android – ES', {
    platform: 'android',
    geos: ['ES', 'US'],
    appKey: 'google-play:com.spotify.music',
    categories: ['Music & Audio'],
    payout: { amount: 1.9, currency: 'USD', type: 'CPA' },
  }),
  record('31', 'Bumble – iOS – US/GB', {
    platform: 'ios',
    geos: ['US', 'GB'],
    appKey: 'app-store:930441707',
    categories: ['Dating', 'Social'],
    payout: { amount: 2, currency: 'EUR', type: 'CPA' },
  }),
  record('52', 'Zoom Worldwide', { platform: 'android', geos: [], categories: [] }),
];

/** The names of the changes the popup's search and filters keep. */
function kept(search: Partial<SearchState>, watchlist: Watchlist | null = null, changes = CHANGES): string[] | 'all' {
  const filter = changeFilter({ ...DEFAULT_SEARCH_STATE, ...search }, watchlist);
  return filter ? changes.filter(filter).map((change) => change.offerId) : 'all';
}

describe('the search box and filters on the Changes view', () => {
  it('keep every change when nothing is typed or chosen', () => {
    expect(kept({})).toBe('all');
    expect(kept({ query: '   ' })).toBe('all');
  });

  it('find a change by a word or the start of one in the name, the offer id or the app', () => {
    expect(kept({ query: 'bumble' })).toEqual(['31']);
    expect(kept({ query: 'Spot' })).toEqual(['7']);
    expect(kept({ query: '52' })).toEqual(['52']);
    expect(kept({ query: 'com.spotify' })).toEqual(['7']);
    expect(kept({ query: '930441707' })).toEqual(['31']);
  });

  it('need every typed word', () => {
    expect(kept({ query: 'spotify es' })).toEqual(['7']);
    expect(kept({ query: 'spotify bumble' })).toEqual([]);
  });

  it('keep one platform, chosen or typed', () => {
    expect(kept({ platform: 'ios' })).toEqual(['31']);
    expect(kept({ query: 'platform:android' })).toEqual(['7', '52']);
  });

  it('keep the offers a country can run, an offer with no countries taking any', () => {
    expect(kept({ geo: 'DE' })).toEqual(['52']);
    expect(kept({ query: 'geo:gb' })).toEqual(['31', '52']);
    expect(kept({ query: 'zoom geo:us platform:android' })).toEqual(['52']);
  });

  it('keep a category, chosen or typed, by a word inside it', () => {
    expect(kept({ category: 'dating' })).toEqual(['31']);
    expect(kept({ query: 'cat:music' })).toEqual(['7']);
    expect(kept({ query: 'cat:audio' })).toEqual(['7']);
    expect(kept({ category: 'games' })).toEqual([]);
  });

  it('know the categories of older records from the offer they hold, and leave out those that cannot tell', () => {
    const offer = (categories: string[]) => ({ categories });
    const older = [
      record('1', 'New before categories were kept', { kind: 'new', after: offer(['Games']) }),
      record('2', 'Gone before categories were kept', { kind: 'gone', before: offer(['Games']) }),
      record('3', 'Categories changed', { kind: 'categories', before: [], after: ['Games'] }),
      record('4', 'A payout change of an older record', { kind: 'payout' }),
    ];
    expect(kept({ category: 'games' }, null, older)).toEqual(['1', '2', '3']);
    expect(kept({ platform: null }, null, older)).toBe('all');
  });

  it('keep payouts at least the minimum in US dollars, so €2.00 passes "payout>2" and $1.90 does not', () => {
    expect(kept({ minPayout: 2 })).toEqual(['31']);
    expect(kept({ query: 'payout>1.5' })).toEqual(['7', '31']);
    expect(kept({ query: 'payout>=1.9' })).toEqual(['7', '31']);
    // No payout, or a currency without a rate: never above a minimum.
    const odd = [record('8', 'Odd currency', { payout: { amount: 50, currency: 'XYZ', type: 'CPA' } })];
    expect(kept({ minPayout: 0 }, null, odd)).toEqual([]);
    expect(kept({ minPayout: 0 })).toEqual(['7', '31']);
  });

  it('keep one app, and only watched offers and apps under ★ Watching', () => {
    expect(kept({ app: 'app-store:930441707' })).toEqual(['31']);
    expect(kept({ watching: true })).toEqual([]);
    expect(kept({ watching: true }, { offers: ['cat|52'], apps: ['google-play:com.spotify.music'] })).toEqual([
      '7',
      '52',
    ]);
    expect(kept({ watching: true, platform: 'ios' }, { offers: ['cat|52', 'cat|31'], apps: [] })).toEqual(['31']);
  });
});
