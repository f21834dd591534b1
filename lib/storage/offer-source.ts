import { isWatched, type Watchlist } from '../changes/watch';
import type { Offer } from '../offer';
import { createSearchEngine, type SearchEngine } from '../search/engine';
import type { SearchState } from '../search/query';
import { db, OFFER_CHUNK } from './db';
import { snapshots } from './snapshots';

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
  return stored && createOfferSource(createSearchEngine(stored.data), stored.fetchedAt);
}

export type OfferSource = ReturnType<typeof createOfferSource>;

function createOfferSource(engine: SearchEngine, fetchedAt: number) {
  const chunks = new Map<number, Promise<Offer[]>>();
  const chunk = (n: number) => {
    let loaded = chunks.get(n);
    if (!loaded) {
      loaded = db().then((database) => database.get('offers', n).then((offers) => offers ?? []));
      chunks.set(n, loaded);
    }
    return loaded;
  };

  /** The offers of these docs, in their order. */
  async function offersOf(docs: number[]): Promise<Offer[]> {
    const needed = [...new Set(docs.map((doc) => Math.floor(doc / OFFER_CHUNK)))];
    const loaded = new Map(await Promise.all(needed.map(async (n) => [n, await chunk(n)] as const)));
    return docs.map((doc) => loaded.get(Math.floor(doc / OFFER_CHUNK))?.[doc % OFFER_CHUNK] as Offer);
  }

  return {
    engine,
    /** The snapshot this index was built from. */
    fetchedAt,
    async search(state: SearchState, limit: number, now: number, watchlist: Watchlist | null): Promise<LocalResults> {
      const only =
        state.watching && watchlist
          ? (doc: number) => isWatched(watchlist, engine.idOf(doc), engine.appKeyOf(doc) || null)
          : undefined;
      const { total, docs } = engine.query(state.query, { limit, now, filters: state, only });
      return { total, offers: await offersOf(docs), categories: engine.categories.slice(0, 200), geos: engine.geos };
    },
    offersOf,
  };
}
