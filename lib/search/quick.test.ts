import { describe, expect, it } from 'vitest';
import { networkFeed } from '../../tests/support/network-feed';
import { parseFeed } from '../feed';
import { buildSearchIndexData } from './build';
import { createSearchEngine } from './engine';
import { DEFAULT_SEARCH_STATE, parseQuery } from './query';
import {
  answersQuickly,
  buildQuickIndex,
  mergeSlices,
  QUICK_POSTINGS,
  quickSearchData,
  sliceQuickIndex,
  slicesFor,
} from './quick';

const now = Date.UTC(2026, 10, 24);
const { offers } = parseFeed(networkFeed(3000, 11, { now }));
const data = buildSearchIndexData(offers);
const full = createSearchEngine(data);
const quickData = buildQuickIndex(data, now);
const quick = createSearchEngine(quickSearchData(quickData));
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

describe('the first-query index in slices', () => {
  const slices = new Map(sliceQuickIndex(quickData));
  /** What a page answers from the slices a query's words need only. */
  const fromSlices = (q: string) => {
    const { keys, prefixes } = slicesFor(parseQuery(q).words);
    const read = [...slices].filter(([key]) => keys.includes(key) || prefixes.some((p) => key.startsWith(p)));
    const { data: merged, docIds } = mergeSlices(read.map(([, slice]) => slice));
    return createSearchEngine(merged)
      .query(q, { now, limit: QUICK_POSTINGS })
      .docs.map((doc) => docIds[doc]);
  };

  it('answers as the whole first-query index does, from the slices of the words typed', () => {
    const id = offers[2100]?.id as string;
    const appId = offers.find((o) => o.store)?.store?.appId as string;
    for (const q of [
      'instagram',
      'insta',
      'in',
      'i',
      'tik tok',
      't ok',
      'uber eats',
      'spotify music',
      appId,
      id,
      'instagarm',
    ]) {
      expect(fromSlices(q), q).toEqual(top(quick, q));
    }
    expect(fromSlices('instagram').length).toBeGreaterThan(0);
    expect(fromSlices('tik tok').length).toBeGreaterThan(0);
  });

  it('keeps every word once, in the slice its first letters name, sorted', () => {
    const words = [...slices.values()].flatMap((slice) => slice.words);
    expect(words.length).toBe(quickData.tokens.starts.length - 1);
    expect(new Set(words).size).toBe(words.length);
    for (const [key, slice] of slices) {
      expect([...slice.words].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))).toEqual(slice.words);
      for (const word of slice.words) expect(word.slice(0, /^\d\d/.test(word) ? 4 : word[3] === '.' ? 6 : 3)).toBe(key);
    }
    // Small enough to read per keystroke: no slice holds a tenth of the words.
    for (const slice of slices.values()) expect(slice.words.length).toBeLessThan(words.length / 10);
  });
});
