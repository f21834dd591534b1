import { isWatched, type Watchlist } from '../changes/watch';
import { type Rates, toUsd } from '../currency';
import type { Offer } from '../offer';
import { createSearchEngine, type SearchEngine } from '../search/engine';
import type { SearchState, SourceNames } from '../search/query';
import { answersQuickly, QUICK_POSTINGS, quickSearchData } from '../search/quick';
import { offerKey } from '../sources';
import { offersForStorePage } from '../store-page/match';
import { parseStoreUrl, storeKey } from '../store-url';
import { db } from './db';
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

/** The first words typed, answered while the full index loads (openQuickSearch). */
export interface QuickSearch {
  /** The snapshot its index was built from. */
  fetchedAt: number;
  /**
   * The best offers for a search as the full index begins its answer (at most a page); null when
   * only the full index can say (a filter, another order) or when it found nothing (the full
   * index may: a word's docs past the page were left out).
   */
  search(state: SearchState, limit: number, now: number): Promise<LocalResults | null>;
}

/**
 * The first-query index (lib/search/quick.ts): one read of a third of the full index's size, so a
 * page answers its first typed words before the full index has loaded. Null when none is stored.
 */
export async function openQuickSearch(): Promise<QuickSearch | null> {
  const stored = await snapshots.loadQuickIndex();
  if (!stored) return null;
  const { engine, offersOf } = createOfferSource(
    createSearchEngine(quickSearchData(stored.data)),
    stored.fetchedAt,
    stored.offerChunk,
  );
  return {
    fetchedAt: stored.fetchedAt,
    async search(state, limit, now) {
      if (!answersQuickly(state)) return null;
      const { total, docs } = engine.query(state.query, { limit: Math.min(limit, QUICK_POSTINGS), now });
      if (total === 0) return null;
      return { total, offers: await offersOf(docs), categories: [], geos: [] };
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

function createOfferSource(engine: SearchEngine, fetchedAt: number, chunkSize: number) {
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
