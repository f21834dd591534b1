import { isWatched, type Watchlist } from '../changes/watch';
import { type Rates, toUsd } from '../currency';
import type { Offer } from '../offer';
import { createSearchEngine, type SearchEngine } from '../search/engine';
import { parseQuery, type SearchState, type SourceNames } from '../search/query';
import { answersQuickly, mergeSlices, QUICK_POSTINGS, sliceKey, slicesFor } from '../search/quick';
import { offerKey } from '../sources';
import { offersForStorePage } from '../store-page/match';
import { parseStoreUrl, storeKey } from '../store-url';
import { db, type StoredQuickSlice } from './db';
import { checkMeta } from './meta';
import { currentRates } from './rates';
import { snapshots } from './snapshots';

/** What a search needs besides the query: the rate table and the sources' names (for `net:`). */
export interface SearchContext {
  rates?: Rates;
  sources?: SourceNames[];
}

export interface LocalResults {
  total: number;
  offers: Offer[];
  categories: string[];
  geos: string[];
}

/**
 * Search where the publisher is: an extension page loads the stored search index and queries it
 * itself, then reads from IndexedDB only the offers of the rows it shows. No background involved,
 * so a sleeping worker costs nothing. Null before the first snapshot.
 */
export async function openOfferSource(): Promise<OfferSource | null> {
  const stored = await snapshots.loadStoredSearchIndex();
  if (!stored) return null;
  return createOfferSource(createSearchEngine(stored.data, { toUsd }), stored.fetchedAt, stored.offerChunk ?? 512);
}

export type OfferSource = ReturnType<typeof createOfferSource>;

/** The first words typed, answered while the full index loads (createQuickSearch). */
export interface QuickSearch {
  /** The snapshot it answers from. */
  fetchedAt: number;
  /**
   * The best offers for a search as the full index begins its answer (at most a page); null when
   * only the full index can say (a filter, another order, a word of another snapshot) or when it
   * found nothing (the full index may: a word's docs past the page were left out, and so are
   * typos in a word's first two letters).
   */
  search(state: SearchState, limit: number, now: number): Promise<LocalResults | null>;
  /**
   * Begin reading what a search of these words will need, as they are typed: the search itself
   * is asked once the page has drawn the keystroke (an effect, tens of ms later at start), and
   * finds the read under way.
   */
  prepare(state: SearchState): void;
  /** Resolves once no search of it is under way (the full index's megabytes wait for that). */
  settled(): Promise<void>;
}

/**
 * The first-query index (lib/search/quick.ts) of the snapshot taken at `fetchedAt`: each search
 * reads the slices of its words (a few kilobytes each, kept for the next keystroke) and the chunks
 * of its rows' offers, so a page answers its first typed words long before the full index loads.
 */
export function createQuickSearch(fetchedAt: number): QuickSearch {
  const slices = new Map<string, Promise<StoredQuickSlice[]>>();
  let reader: OfferReader | null = null;
  let pending: Promise<unknown> = Promise.resolve();
  /** The slices these words need, read once (a failed read is asked again next time). */
  function slicesOf(words: string[]): Promise<StoredQuickSlice[]> {
    const { keys, prefixes } = slicesFor(words);
    const wanted = [...keys.map((key) => `=${key}`), ...prefixes.map((prefix) => `*${prefix}`)];
    const missing = wanted.filter((name) => !slices.has(name));
    if (missing.length) {
      const read = snapshots.loadQuickSlices(
        missing.filter((name) => name.startsWith('=')).map((name) => name.slice(1)),
        missing.filter((name) => name.startsWith('*')).map((name) => name.slice(1)),
      );
      for (const name of missing) {
        const mine = read.then((found) =>
          found.filter((stored) =>
            name.startsWith('=')
              ? sliceKey(stored.slice.words[0] ?? '') === name.slice(1)
              : (stored.slice.words[0] ?? '').startsWith(name.slice(1)),
          ),
        );
        mine.catch(() => slices.delete(name));
        slices.set(name, mine);
      }
    }
    return Promise.all(wanted.map((name) => slices.get(name) as Promise<StoredQuickSlice[]>)).then((lists) => [
      ...new Set(lists.flat()),
    ]);
  }
  async function search(state: SearchState, limit: number, now: number): Promise<LocalResults | null> {
    if (!answersQuickly(state)) return null;
    const stored = await slicesOf(parseQuery(state.query, state).words);
    const first = stored[0];
    if (!first || stored.some((s) => s.fetchedAt !== fetchedAt)) return null;
    const { data, docIds } = mergeSlices(stored.map((s) => s.slice));
    const { total, docs } = createSearchEngine(data).query(state.query, {
      limit: Math.min(limit, QUICK_POSTINGS),
      now,
    });
    if (total === 0) return null;
    reader ??= createOfferReader(fetchedAt, first.offerChunk);
    return { total, offers: await reader(docs.map((doc) => docIds[doc] as number)), categories: [], geos: [] };
  }
  return {
    fetchedAt,
    prepare(state) {
      if (answersQuickly(state)) slicesOf(parseQuery(state.query, state).words).catch(() => undefined);
    },
    search(state, limit, now) {
      const answer = search(state, limit, now);
      const settled = answer.then(
        () => undefined,
        () => undefined,
      );
      pending = Promise.all([pending, settled]);
      return answer;
    },
    async settled() {
      let seen: Promise<unknown>;
      do {
        seen = pending;
        await seen;
      } while (seen !== pending);
    },
  };
}

/** [first, count] of each run of consecutive numbers, at most 64 long (so a read stays small). */
export function runs(numbers: number[]): [number, number][] {
  const sorted = [...numbers].sort((a, b) => a - b);
  const found: [number, number][] = [];
  for (const n of sorted) {
    const last = found[found.length - 1];
    if (last && last[0] + last[1] === n && last[1] < 64) last[1]++;
    else found.push([n, 1]);
  }
  return found;
}

/** The snapshot changed under an open source: open the new one (openOfferSource) and ask again. */
export class StaleSourceError extends Error {
  constructor() {
    super('The offers were refreshed: reopen the search index');
    this.name = 'StaleSourceError';
  }
}

type OfferReader = ReturnType<typeof createOfferReader>;

/**
 * The offers of docs of the snapshot taken at `fetchedAt`, read a chunk at a time from IndexedDB
 * and kept: the offers of these docs, in their order. Throws StaleSourceError once a refresh
 * replaced them.
 */
function createOfferReader(fetchedAt: number, chunkSize: number) {
  const chunks = new Map<number, Promise<Offer[]>>();
  /**
   * Read the chunks not read yet, in one transaction that also checks they still belong to this
   * index: a refresh may have replaced the snapshot since the index was loaded.
   */
  function read(numbers: number[]): void {
    const missing = numbers.filter((n) => !chunks.has(n));
    if (missing.length === 0) return;
    const tx = db().then((database) => database.transaction(['offers', 'meta']));
    const current = tx.then(async (t) => {
      const info = checkMeta('searchIndex', await t.objectStore('meta').get('searchIndex'));
      if (info?.fetchedAt !== fetchedAt) throw new StaleSourceError();
    });
    // Runs of neighbouring chunks (an export of the whole list) are read a run at a time.
    for (const [first, count] of runs(missing)) {
      const read =
        count === 1
          ? tx.then(async (t) => [await t.objectStore('offers').get(first)])
          : tx.then((t) => t.objectStore('offers').getAll(IDBKeyRange.bound(first, first + count - 1)));
      for (let i = 0; i < count; i++) {
        const loaded = Promise.all([read, current]).then(([list]) => list[i] ?? []);
        // A failed read is not kept: the next search tries again (or, stale, opens the new index).
        loaded.catch(() => chunks.delete(first + i));
        chunks.set(first + i, loaded);
      }
    }
  }

  /** The offers of these docs, in their order. Throws StaleSourceError once a refresh replaced them. */
  async function offersOf(docs: number[]): Promise<Offer[]> {
    const needed = [...new Set(docs.map((doc) => Math.floor(doc / chunkSize)))];
    read(needed);
    const loaded = new Map(
      await Promise.all(needed.map(async (n) => [n, await (chunks.get(n) as Promise<Offer[]>)] as const)),
    );
    const offers: Offer[] = [];
    for (const doc of docs) {
      const offer = loaded.get(Math.floor(doc / chunkSize))?.[doc % chunkSize];
      if (offer) offers.push(offer);
    }
    return offers;
  }
  return offersOf;
}

function createOfferSource(engine: SearchEngine, fetchedAt: number, chunkSize: number) {
  const offersOf = createOfferReader(fetchedAt, chunkSize);
  return {
    engine,
    /** The snapshot this index was built from. */
    fetchedAt,
    async search(
      state: SearchState,
      limit: number,
      now: number,
      watchlist: Watchlist | null,
      context: SearchContext = {},
    ): Promise<LocalResults> {
      const watched =
        state.watching && watchlist
          ? (doc: number) =>
              isWatched(
                watchlist,
                offerKey({ id: engine.idOf(doc), source: engine.sourceOf(doc) }),
                engine.appKeyOf(doc) || null,
              )
          : null;
      // One app's docs found once by its code, not by unpacking every doc's app key per search.
      const ofApp = state.app ? new Set(engine.docsOfApp(state.app)) : null;
      const only =
        watched || ofApp ? (doc: number) => (!ofApp || ofApp.has(doc)) && (!watched || watched(doc)) : undefined;
      const rates = context.rates ?? (await currentRates());
      const { total, docs } = engine.query(state.query, {
        limit,
        now,
        filters: state,
        only,
        rates,
        sources: context.sources,
      });
      return { total, offers: await offersOf(docs), categories: engine.categories.slice(0, 200), geos: engine.geos };
    },
    offersOf,
    /**
     * The offers for the app of a store page, in the badge's order (lib/store-page/match.ts):
     * those for the page's (or the publisher's) country first, then those not expired, by payout.
     */
    async forStorePage(url: string, country: string | null, now: number): Promise<Offer[]> {
      const app = parseStoreUrl(url);
      if (!app) return [];
      const offers = await offersOf(engine.docsOfApp(storeKey(app)));
      return offersForStorePage(offers, url, { country, now });
    },
  };
}
