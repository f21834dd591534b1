import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { syntheticFeed } from '../../tests/support/synthetic-feed';
import { createBackground } from '../background';
import { parseFeed } from '../feed';
import { buildSearchIndexData } from '../search/build';
import { DEFAULT_SEARCH_STATE } from '../search/query';
import { summarise } from '../snapshot';
import { database } from './database';
import { db } from './db';
import { summaryItem } from './items';
import { createQuickSearch, openOfferSource, StaleSourceError } from './offer-source';

const { offers } = parseFeed(syntheticFeed(1500, 9));
const snapshot = { offers, rejected: [], fetchedAt: Date.UTC(2026, 10, 20), source: 'feed' as const, sources: {} };
const NOW = Date.UTC(2026, 10, 21);

beforeEach(async () => {
  fakeBrowser.reset();
  await database.clear();
});

describe('openOfferSource: an extension page searching the stored snapshot itself', () => {
  it('is null before the first snapshot', async () => {
    expect(await openOfferSource()).toBeNull();
  });

  it('answers a search with the stored offers of the rows, in rank order', async () => {
    await database.saveSnapshot(snapshot, buildSearchIndexData(offers));
    const source = await openOfferSource();
    const answer = await source?.search({ ...DEFAULT_SEARCH_STATE, query: 'spotify' }, 20, NOW, null);
    expect(answer?.offers.length).toBeGreaterThan(1);
    for (const offer of answer?.offers ?? []) expect(offer.name).toMatch(/^Spotify/);
    // The same offers the snapshot holds, not copies that lost a field.
    const byId = new Map(offers.map((o) => [o.id, o]));
    for (const offer of answer?.offers ?? []) expect(offer).toEqual(byId.get(offer.id));
    expect(answer?.total).toBe(offers.filter((o) => o.name?.startsWith('Spotify')).length);
  });

  it('answers typed words from the first-query index with the first offers of the full search', async () => {
    await database.saveSnapshot(snapshot, buildSearchIndexData(offers));
    const quick = createQuickSearch(snapshot.fetchedAt);
    const source = await openOfferSource();
    const named = offers[900]?.name?.split(' ').slice(0, 2).join(' ').toLowerCase() ?? '';
    for (const query of [
      'spotify',
      'spot',
      named,
      `${named.slice(0, 1)} ${named.slice(1)}`,
      's',
      offers[700]?.id ?? '',
    ]) {
      const typed = { ...DEFAULT_SEARCH_STATE, query };
      const first = await quick.search(typed, 20, NOW);
      expect(first?.offers.length ?? -1, query).toBeGreaterThan(0);
      expect(first?.offers, query).toEqual((await source?.search(typed, 20, NOW, null))?.offers);
    }
    // A filter is the full index's to answer; so is a word it has no offer for.
    const typed = { ...DEFAULT_SEARCH_STATE, query: 'spotify' };
    expect(await quick.search({ ...typed, platform: 'ios' }, 20, NOW)).toBeNull();
    expect(await quick.search({ ...typed, query: 'zzzzzzzz' }, 20, NOW)).toBeNull();
    // Nor does it answer from another snapshot's slices.
    expect(await createQuickSearch(snapshot.fetchedAt - 1).search(typed, 20, NOW)).toBeNull();
  });

  it("keeps only the new snapshot's first-query slices, and none of the one-record index before them", async () => {
    const search = async () => (await db()).transaction('search').objectStore('search');
    await (await db()).put('search', { fetchedAt: 1, data: {} as never, offerChunk: 32 } as never, 'quick');
    await (await db()).put('search', { fetchedAt: 1, version: 8, slice: {} as never, offerChunk: 32 }, 'quick:qq');
    await database.saveSnapshot(snapshot, buildSearchIndexData(offers));
    const keys = (await (await search()).getAllKeys()).map(String);
    expect(keys).not.toContain('quick');
    expect(keys).not.toContain('quick:qq');
    expect(keys.filter((key) => key.startsWith('quick:')).length).toBeGreaterThan(10);
    const quick = createQuickSearch(snapshot.fetchedAt);
    expect((await quick.search({ ...DEFAULT_SEARCH_STATE, query: 'spotify' }, 20, NOW))?.offers.length).toBeGreaterThan(
      0,
    );
  });

  it('finds the offers of any page of results, across many stored chunks', async () => {
    await database.saveSnapshot(snapshot, buildSearchIndexData(offers));
    const source = await openOfferSource();
    const all = await source?.search({ ...DEFAULT_SEARCH_STATE, sort: 'name' }, 1500, NOW, null);
    expect(all?.offers.map((o) => o.id).sort()).toEqual(offers.map((o) => o.id).sort());
  });

  it('reads offers an older version stored in chunks of 512 (its index names no chunk size)', async () => {
    await database.saveSnapshot(snapshot, buildSearchIndexData(offers));
    const tx = (await db()).transaction(['offers', 'search'], 'readwrite');
    await tx.objectStore('offers').clear();
    for (let n = 0; n * 512 < offers.length; n++)
      await tx.objectStore('offers').put(offers.slice(n * 512, (n + 1) * 512), n);
    const stored = await tx.objectStore('search').get('index');
    const data = (stored as { data?: unknown } | undefined)?.data as never;
    await tx.objectStore('search').put({ fetchedAt: stored?.fetchedAt ?? 0, data }, 'index');
    await tx.done;
    const source = await openOfferSource();
    const last = offers[offers.length - 1];
    const answer = await source?.search({ ...DEFAULT_SEARCH_STATE, query: last?.id ?? '' }, 5, NOW, null);
    expect(answer?.offers[0]).toEqual(last);
  });
});

describe('after an update changed the index shape', () => {
  it('an older index is not used, and the background rebuilds it from the stored snapshot', async () => {
    const data = buildSearchIndexData(offers);
    await database.saveSnapshot(snapshot, { ...data, version: 4 as never });
    await summaryItem.setValue(summarise(snapshot));
    expect(await openOfferSource()).toBeNull();

    const background = createBackground(fakeBrowser as never, { buildFeedUrl: '' });
    await background.handlers.prepareSearch({}, {} as never);
    const source = await openOfferSource();
    expect(source?.fetchedAt).toBe(snapshot.fetchedAt);
    const answer = await source?.search({ ...DEFAULT_SEARCH_STATE, query: 'duolingo' }, 5, NOW, null);
    expect(answer?.offers[0]?.name).toMatch(/^Duolingo/);
    // The snapshot itself is untouched.
    expect((await database.loadSnapshot())?.offers).toEqual(offers);
  });
});

describe('a refresh replacing the snapshot under an open source', () => {
  it('makes its reads fail as stale instead of answering offers of the new snapshot', async () => {
    await database.saveSnapshot(snapshot, buildSearchIndexData(offers));
    const source = await openOfferSource();
    const next = { ...snapshot, offers: offers.slice(0, 2), fetchedAt: snapshot.fetchedAt + 1 };
    await database.saveSnapshot(next, buildSearchIndexData(next.offers));
    await expect(source?.search({ ...DEFAULT_SEARCH_STATE, sort: 'name' }, 100, NOW, null)).rejects.toBeInstanceOf(
      StaleSourceError,
    );
    const reopened = await openOfferSource();
    expect((await reopened?.search(DEFAULT_SEARCH_STATE, 100, NOW, null))?.offers).toHaveLength(2);
  });
});
