import { describe, expect, it, vi } from 'vitest';
import { type Offer, parseFeed } from '../feed';
import { createSearchIndex } from '.';
import { buildSearchIndexData } from './build';
import { createSearchEngine } from './engine';
import { DEFAULT_SEARCH_STATE, effectiveFilters, parseQuery, withFilter } from './query';
import { SearchStateSchema } from './schema';

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
    raw('6', 'Spotify Premium trial', { payout: { amount: 0.5 }, expiration_date: '2026-12-01' }),
    raw('7', 'Spotify Family', { payout: { amount: 0.5 }, expiration_date: '2026-11-30' }),
    raw('324684580', 'Offer whose id is a number', { payout: { amount: 0.1 } }),
  ],
});
const index = createSearchIndex(offers);
const ids = (list: Offer[]) => list.map((o) => o.id);
const query = (q: string) => ids(index.query(q, { now, limit: 20 }).offers);

describe('search', () => {
  it('lists every offer for an empty query, best payout first and expired last', () => {
    expect(query('')).toEqual(['4', '2', '1', '3', '7', '6', '324684580', '5']);
  });

  it('finds words in any order, by prefix, and with small typos in longer words', () => {
    expect(query('spotify')).toEqual(['2', '1', '7', '6', '5']);
    expect(query('android spotify')).toEqual(['1']);
    expect(query('cand cru')).toEqual(['3']);
    expect(query('spotfy')).toEqual(['2', '1', '7', '6', '5']);
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
    // 5, 6 and 7 list no countries: they take any.
    expect(query('spotify geo:de')).toEqual(['2', '7', '6', '5']);
    expect(query('geo:uk')).toEqual(['4', '3', '7', '6', '324684580', '5']); // GB, or no countries listed
    expect(query('platform:ios')).toEqual(['4', '2']);
    expect(query('cat:games payout>1')).toEqual(['4']);
    expect(query('payout>=2.5')).toEqual(['4', '2', '5']);
    expect(query('spotify payout>2.6')).toEqual(['5']);
  });

  it('applies the filter controls the same way', () => {
    const result = index.query('', { now, filters: { platform: 'android', minPayout: 1 } });
    expect(ids(result.offers)).toEqual(['1']);
    expect(result.total).toBe(1);
  });

  it('sorts by name, payout and expiry on request, expired offers still last', () => {
    expect(query('sort:name')).toEqual(['3', '324684580', '4', '2', '1', '7', '6', '5']);
    expect(query('spotify sort:payout')).toEqual(['2', '1', '7', '6', '5']);
    // Soonest expiry first; offers that never expire after those that do.
    expect(query('sort:expiry')).toEqual(['7', '6', '1', '2', '3', '4', '324684580', '5']);
    expect(query('spotify sort:expiry')).toEqual(['7', '6', '1', '2', '5']);
  });

  it('counts all matches while returning only the limit, for browsing and for words', () => {
    const all = index.query('', { limit: 2, now });
    expect(all.total).toBe(8);
    expect(ids(all.offers)).toEqual(['4', '2']);
    const words = index.query('spotify', { limit: 2, now });
    expect(words.total).toBe(5);
    expect(ids(words.offers)).toEqual(['2', '1']);
  });

  it('offers the categories by how common they are', () => {
    expect(index.categories).toEqual(['Games', 'Music', 'Puzzle']);
  });
});

describe('search, the finer rules', () => {
  const more = createSearchIndex([
    ...offers,
    ...parseFeed({ message: true, offers: [raw('AbC9', 'Spots and Spotlight', { payout: { amount: 0.2 } })] }).offers,
  ]);
  const find = (q: string, limit = 20) => ids(more.query(q, { now, limit }).offers);

  it('corrects two swapped letters, one typo in words of 4 to 7 letters, two from 8 letters', () => {
    expect(find('sptoify')).toEqual(['2', '1', '7', '6', '5']);
    expect(find('ryoal')).toEqual(['4']);
    expect(find('sgaa')).toEqual(['3']);
    expect(find('candycrshsagx')).toEqual(['3']);
    expect(find('sputifi')).toEqual([]);
  });

  it('never corrects a number or a package name', () => {
    expect(find('324684581')).toEqual([]);
    expect(find('com.king.candycrushsagx')).toEqual([]);
  });

  it('ranks the shorter completion of a typed prefix first', () => {
    expect(find('spot')).toEqual(['AbC9', '2', '1', '7', '6', '5']);
    expect(find('spotl')).toEqual(['AbC9']);
  });

  it('finds an offer id whatever its case', () => {
    expect(find('abc9')).toEqual(['AbC9']);
    expect(find('ABC9')).toEqual(['AbC9']);
  });

  it('returns the first of many in order under a limit, for every sort', () => {
    expect(find('', 3)).toEqual(['4', '2', '1']);
    expect(find('sort:name', 3)).toEqual(['3', '324684580', '4']);
    expect(find('sort:payout', 3)).toEqual(['4', '2', '1']);
    expect(find('sort:expiry', 3)).toEqual(['7', '6', '1']);
    expect(find('spotify', 3)).toEqual(['2', '1', '7']);
  });

  it('keeps to the offers a surface asks for, and answers a plain search with offers', () => {
    const inUs = index.query('', { now, only: (offer) => offer.geos.includes('US') });
    expect(ids(inUs.offers)).toEqual(['1', '3']);
    vi.useFakeTimers({ now, toFake: ['Date'] });
    try {
      expect(ids(index.search('spotify', 2))).toEqual(['2', '1']);
    } finally {
      vi.useRealTimers();
    }
  });

  it("knows each offer's app, an offer by id, and an app's offers", () => {
    const engine = createSearchEngine(buildSearchIndexData(offers));
    expect(engine.appKeyOf(0)).toBe('google-play:com.spotify.music');
    expect(engine.appKeyOf(3)).toBe('');
    expect(engine.docWithId('324684580')).toBe(7);
    expect(engine.docWithId('nope')).toBeUndefined();
    expect(engine.docsOfApp('google-play:com.spotify.music')).toEqual([0]);
    expect(engine.docsOfApp('app-store:324684580')).toEqual([1]);
    expect(engine.docsOfApp('google-play:com.unknown')).toEqual([]);
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

describe('a search as stored', () => {
  it('reads one saved before Watching and the app filter existed as neither', () => {
    const { watching, app, ...older } = { ...DEFAULT_SEARCH_STATE, query: 'vpn', platform: 'ios' as const };
    expect(SearchStateSchema.parse(older)).toEqual({ ...older, watching: false, app: null });
  });

  it('refuses a platform or sort it does not know, and a negative payout', () => {
    const ok = { ...DEFAULT_SEARCH_STATE, platform: 'android', sort: 'expiry', minPayout: 0 };
    expect(SearchStateSchema.safeParse(ok).success).toBe(true);
    expect(SearchStateSchema.safeParse({ ...ok, platform: 'windows' }).success).toBe(false);
    expect(SearchStateSchema.safeParse({ ...ok, platform: '' }).success).toBe(false);
    expect(SearchStateSchema.safeParse({ ...ok, sort: 'random' }).success).toBe(false);
    expect(SearchStateSchema.safeParse({ ...ok, minPayout: -1 }).success).toBe(false);
  });
});

describe('filters typed and chosen', () => {
  it('shows a term typed in the query as the filter in force', () => {
    const state = { ...DEFAULT_SEARCH_STATE, query: 'spotify geo:de platform:ios', geo: 'US' };
    expect(effectiveFilters(state)).toEqual({
      platform: 'ios',
      geo: 'DE',
      category: null,
      minPayout: null,
      network: null,
      sort: 'best',
    });
  });

  it('takes the typed term out of the query when its control is changed', () => {
    const state = { ...DEFAULT_SEARCH_STATE, query: 'spotify geo:de  platform:ios' };
    expect(withFilter(state, 'geo', 'FR')).toEqual({ ...state, query: 'spotify platform:ios', geo: 'FR' });
    expect(withFilter(state, 'sort', 'name')).toEqual({ ...state, sort: 'name' });
    expect(withFilter({ ...state, query: 'payout>2 vpn' }, 'minPayout', null)).toEqual({ ...state, query: 'vpn' });
    expect(withFilter({ ...state, query: ' vpn geo:us ' }, 'geo', null).query).toBe('vpn');
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
    expect(parseQuery('¿Qué?  Яндекс.Карты').words).toEqual(['que', 'яндекс', 'карты']);
  });

  it('reads every spelling of a term', () => {
    const read = (query: string) => {
      const { words, raw, ...filters } = parseQuery(query);
      return filters;
    };
    const none = {
      platform: null,
      geo: null,
      category: null,
      minPayout: null,
      network: null,
      networkName: null,
      sort: 'best',
    };
    expect(read('country:uk')).toEqual({ ...none, geo: 'GB' });
    expect(read('geo:xx1')).toEqual({ ...none, geo: 'XX1' });
    expect(read('os:iPhone')).toEqual({ ...none, platform: 'ios' });
    expect(read('platform:ipad')).toEqual({ ...none, platform: 'ios' });
    expect(read('platform:apple')).toEqual({ ...none, platform: 'ios' });
    expect(read('platform:ANDROID')).toEqual({ ...none, platform: 'android' });
    expect(read('platform:windows')).toEqual(none);
    expect(read('category:casual')).toEqual({ ...none, category: 'casual' });
    expect(read('sort:payout sort:nonsense')).toEqual({ ...none, sort: 'payout' });
    expect(read('sort:name')).toEqual({ ...none, sort: 'name' });
    expect(read('payout>=2')).toEqual({ ...none, minPayout: 2 });
    expect(read('payout>12.25')).toEqual({ ...none, minPayout: 12.25 });
    expect(read('net:Affise')).toEqual({ ...none, networkName: 'affise' });
    expect(read('network:x_y')).toEqual({ ...none, networkName: 'x y' });
  });

  it('keeps what only looks like a term as words', () => {
    expect(parseQuery('mygeo:us payout>2x xpayout>2').words).toEqual(['mygeo', 'us', 'payout', '2x', 'xpayout', '2']);
    expect(parseQuery('mygeo:us').geo).toBeNull();
  });

  it('keeps a package name as one word, and splits what is not one', () => {
    expect(parseQuery('Com.King.CandyCrushSaga').words).toEqual(['com.king.candycrushsaga']);
    expect(parseQuery('1com.x a.b-c com.x. -com.x').words).toEqual([
      '1com',
      'x',
      'a',
      'b',
      'c',
      'com',
      'x',
      'com',
      'x',
    ]);
  });

  it('keeps the query as typed, trimmed, for the exact id', () => {
    expect(parseQuery('  4100 \n').raw).toBe('4100');
  });
});
