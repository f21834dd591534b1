import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_STATE } from '../../lib/search/query';
import { type BodyState, bodyFor } from './body';

/** A surface with a key, 120 offers in the feed, the Offers view and the default search listing all of them. */
const LISTING: BodyState = {
  noKey: false,
  checkingAll: false,
  view: 'offers',
  matches: 120,
  feedOffers: 120,
  search: DEFAULT_SEARCH_STATE,
};

describe('which body a surface shows', () => {
  it('lists the offers the search matches', () => {
    expect(bodyFor(LISTING)).toBe('list');
  });

  it('lists (the first page, or nothing yet) before the search has answered', () => {
    expect(bodyFor({ ...LISTING, matches: null, feedOffers: null, search: null })).toBe('list');
  });

  it('asks to connect an account when there is no key and no offers, whatever else is asked', () => {
    expect(bodyFor({ ...LISTING, noKey: true, checkingAll: true, view: 'changes', matches: 0 })).toBe('connect');
  });

  it('shows Check links over the Offers view, but the Changes view over Check links', () => {
    expect(bodyFor({ ...LISTING, checkingAll: true })).toBe('check-all');
    expect(bodyFor({ ...LISTING, checkingAll: true, view: 'changes' })).toBe('changes');
  });

  it('shows the Changes view even when no offer matches', () => {
    expect(bodyFor({ ...LISTING, view: 'changes', matches: 0 })).toBe('changes');
  });

  it('says the feed is empty before any filter is blamed', () => {
    const filtered = { ...DEFAULT_SEARCH_STATE, app: 'google-play:com.spotify.music', watching: true };
    expect(bodyFor({ ...LISTING, matches: 0, feedOffers: 0, search: filtered })).toBe('feed-empty');
  });

  it('says an app opened from a store page has no offers', () => {
    const app = { ...DEFAULT_SEARCH_STATE, app: 'app-store:324684580', watching: true };
    expect(bodyFor({ ...LISTING, matches: 0, search: app })).toBe('no-app-offers');
  });

  it('says nothing is watched yet for the Watching filter with no query', () => {
    expect(bodyFor({ ...LISTING, matches: 0, search: { ...DEFAULT_SEARCH_STATE, watching: true } })).toBe(
      'nothing-watched',
    );
  });

  it('offers to clear the search when a query finds nothing, also among watched offers', () => {
    expect(bodyFor({ ...LISTING, matches: 0, search: { ...DEFAULT_SEARCH_STATE, query: 'zzzz geo:JP' } })).toBe(
      'no-match',
    );
    expect(
      bodyFor({ ...LISTING, matches: 0, search: { ...DEFAULT_SEARCH_STATE, query: 'uber', watching: true } }),
    ).toBe('no-match');
  });
});
