import { describe, expect, it } from 'vitest';
import { networkFeed } from '../../tests/support/network-feed';
import { parseFeed } from '../feed';
import { buildSearchIndexData } from './build';
import { createSearchEngine } from './engine';
import { DEFAULT_SEARCH_STATE } from './query';
import { answersQuickly, buildQuickIndex, QUICK_POSTINGS, quickSearchData } from './quick';

const now = Date.UTC(2026, 10, 24);
const { offers } = parseFeed(networkFeed(3000, 11, { now }));
const data = buildSearchIndexData(offers);
const full = createSearchEngine(data);
const quick = createSearchEngine(quickSearchData(buildQuickIndex(data, now)));
const top = (engine: typeof full, q: string) => engine.query(q, { now, limit: QUICK_POSTINGS }).docs;

describe('the first-query index', () => {
  it('puts first what the full index puts first for an app name, a part of one, an app id and an offer id', () => {
    const id = offers[1234]?.id as string;
    const appId = offers.find((o) => o.store)?.store?.appId as string;
    for (const q of ['instagram', 'insta', 'tiktok', 'uber', 'spotify', appId, id]) {
      expect(top(full, q).length).toBeGreaterThan(0);
      expect(top(quick, q)).toEqual(top(full, q));
    }
    expect(offers[top(quick, id)[0] as number]?.id).toBe(id);
  });

  it('keeps a page of the best offers of a word most offers have', () => {
    const install = top(full, 'install');
    expect(full.query('install', { now }).total).toBeGreaterThan(QUICK_POSTINGS);
    expect(top(quick, 'install')).toEqual(install);
  });

  it('answers typed words in the best order only, with no filter', () => {
    const typed = { ...DEFAULT_SEARCH_STATE, query: 'insta' };
    expect(answersQuickly(typed)).toBe(true);
    expect(answersQuickly(DEFAULT_SEARCH_STATE)).toBe(false);
    expect(answersQuickly({ ...typed, query: 'insta geo:us' })).toBe(false);
    expect(answersQuickly({ ...typed, query: 'insta sort:payout' })).toBe(false);
    expect(answersQuickly({ ...typed, platform: 'ios' })).toBe(false);
    expect(answersQuickly({ ...typed, network: 'cat' })).toBe(false);
    expect(answersQuickly({ ...typed, watching: true })).toBe(false);
    expect(answersQuickly({ ...typed, app: 'google-play:com.instagram.android' })).toBe(false);
  });
});
