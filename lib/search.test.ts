import { describe, expect, it } from 'vitest';
import type { Offer } from './feed';
import { parseFeed } from './feed';
import { createSearchIndex } from './search';
import { buildSearchIndexData } from './search-build';
import { parseQuery } from './search-query';

const now = Date.UTC(2026, 10, 24);
const raw = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  tracking_url: `https://t.example/c?o=${id}`,
  ...extra,
});

const { offers } = parseFeed({
  message: true,
  offers: [
    raw('1', 'Spotify - US - Android', {
      preview_url: 'https://play.google.com/store/apps/details?id=com.spotify.music',
      payout: { amount: 1.2 },
      geos: ['US'],
      categories: ['Music'],
    }),
    raw('2', 'Spotify - DE - iOS', {
      preview_url: 'https://apps.apple.com/de/app/spotify/id324684580',
      payout: { amount: 2.5 },
      geos: ['DE', 'AT'],
      categories: ['Music'],
    }),
    raw('3', 'Candy Crush Saga - Android', {
      preview_url: 'https://play.google.com/store/apps/details?id=com.king.candycrushsaga',
      payout: { amount: 0.9 },
      geos: ['US', 'GB'],
      categories: ['Games', 'Puzzle'],
      description: 'Reach level 20',
    }),
    raw('4', 'Royal Match', {
      payout: { amount: 3.1 },
      platform: 'ios',
      categories: ['Games'],
      description: 'A puzzle game with a crush on kings',
    }),
    raw('5', 'Expired Spotify promo', { payout: { amount: 9 }, expiration_date: '2026-01-01' }),
    raw('324684580', 'Offer whose id is a number', { payout: { amount: 0.1 } }),
  ],
});
const index = createSearchIndex(offers);
const ids = (list: Offer[]) => list.map((o) => o.id);
const query = (q: string) => ids(index.query(q, { now, limit: 20 }).offers);

describe('search', () => {
  it('lists every offer for an empty query, best payout first and expired last', () => {
    expect(query('')).toEqual(['4', '2', '1', '3', '324684580', '5']);
  });

  it('finds words in any order, by prefix, and with small typos in longer words', () => {
    expect(query('spotify')).toEqual(['2', '1', '5']);
    expect(query('android spotify')).toEqual(['1']);
    expect(query('cand cru')).toEqual(['3']);
    expect(query('spotfy')).toEqual(['2', '1', '5']);
    expect(query('royl mtch')).toEqual(['4']);
    expect(query('spx')).toEqual([]); // three letters: no typo correction
    expect(query('candy crsh')).toEqual(['3']);
  });

  it('matches app ids, categories and descriptions, description lowest', () => {
    expect(query('com.king.candycrushsaga')).toEqual(['3']);
    expect(query('candycrushsaga')).toEqual(['3']);
    expect(query('puzzle')).toEqual(['3', '4']); // category beats description
  });

  it('puts an exact offer id first', () => {
    expect(query('324684580')).toEqual(['324684580', '2']);
    expect(query('3')[0]).toBe('3');
  });

  it('applies query terms: geo, platform, category and minimum payout', () => {
    expect(query('spotify geo:de')).toEqual(['2', '5']); // 5 lists no countries: it takes any

    expect(query('geo:uk')).toEqual(['4', '3', '324684580', '5']); // GB, or no countries listed
    expect(query('platform:ios')).toEqual(['4', '2']);
    expect(query('cat:games payout>1')).toEqual(['4']);
    expect(query('payout>=2.5')).toEqual(['4', '2', '5']);
  });

  it('applies the filter controls the same way', () => {
    const result = index.query('', { now, filters: { platform: 'android', minPayout: 1 } });
    expect(ids(result.offers)).toEqual(['1']);
    expect(result.total).toBe(1);
  });

  it('sorts by name and by expiry on request', () => {
    expect(query('sort:name')).toEqual(['3', '324684580', '4', '2', '1', '5']);
    expect(query('spotify sort:payout')).toEqual(['2', '1', '5']);
  });

  it('counts all matches while returning only the limit', () => {
    const result = index.query('', { limit: 2, now });
    expect(result.total).toBe(6);
    expect(result.offers).toHaveLength(2);
  });

  it('offers the categories by how common they are', () => {
    expect(index.categories).toEqual(['Games', 'Music', 'Puzzle']);
  });
});

describe('a stored index', () => {
  it('answers exactly like a fresh build after a structured clone (as IndexedDB stores it)', () => {
    const restored = createSearchIndex(offers, structuredClone(buildSearchIndexData(offers)));
    for (const q of [
      '',
      'spotify',
      'spotfy',
      'cand cru',
      'com.king.candycrushsaga',
      '324684580',
      'geo:uk',
      'sort:name',
    ]) {
      expect(ids(restored.query(q, { now, limit: 20 }).offers)).toEqual(query(q));
    }
    expect(restored.categories).toEqual(index.categories);
  });
});

describe('parseQuery', () => {
  it('separates words from terms', () => {
    expect(parseQuery('Spotify  geo:us platform:Android cat:Health_Fitness payout>1,5 sort:expiry')).toMatchObject({
      words: ['spotify'],
      geo: 'US',
      platform: 'android',
      category: 'health fitness',
      minPayout: 1.5,
      sort: 'expiry',
    });
  });
  it('folds accents and case', () => {
    expect(parseQuery('Pokémon GO').words).toEqual(['pokemon', 'go']);
  });
});
