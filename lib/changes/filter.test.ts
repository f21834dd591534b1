import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_STATE, type SearchState } from '../search/query';
import { changeFilter } from './filter';
import type { ChangeRecord } from './log';

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
  }),
  record('31', 'Bumble – iOS – US/GB', { platform: 'ios', geos: ['US', 'GB'], appKey: 'app-store:930441707' }),
  record('52', 'Zoom Worldwide', { platform: 'android', geos: [] }),
];

/** The names of the changes the popup's search and filters keep. */
function kept(search: Partial<SearchState>): string[] | 'all' {
  const filter = changeFilter({ ...DEFAULT_SEARCH_STATE, ...search });
  return filter ? CHANGES.filter(filter).map((change) => change.offerId) : 'all';
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
});
