import type { Offer } from '../offer';
import { createSearchIndex, type SearchIndex, type SearchResult } from '../search';
import type { SearchIndexData } from '../search/build';
import type { SearchState } from '../search/query';
import type { Snapshot } from '../snapshot';
import { createStoreIndex, type StoreIndex } from '../store-page/match';

interface Loaded {
  snapshot: Snapshot | null;
  offers: Offer[];
  fetchedAt: number | null;
  byStore: StoreIndex;
  byId: Map<string, Offer>;
}

/**
 * The background's view of the snapshot: loaded once per worker life and kept with its indexes
 * in memory. Store-page lookups are one Map.get; the search index is restored (or built) on the
 * first search only, since content scripts never need it. A failed load is not kept: the next
 * call tries again.
 */
export function createOffers(
  loadSnapshot: () => Promise<Snapshot | null>,
  loadIndexData: (fetchedAt: number) => Promise<SearchIndexData | null>,
) {
  let loaded: Promise<Loaded> | null = null;
  let search: Promise<SearchIndex> | null = null;

  function state(): Promise<Loaded> {
    loaded ??= loadSnapshot().then(
      (snapshot) => {
        const offers = snapshot?.offers ?? [];
        return {
          snapshot,
          offers,
          fetchedAt: snapshot?.fetchedAt ?? null,
          byStore: createStoreIndex(offers),
          byId: new Map(offers.map((o) => [o.id, o])),
        };
      },
      (error: unknown) => {
        loaded = null;
        throw error;
      },
    );
    return loaded;
  }

  function searchIndex(): Promise<SearchIndex> {
    search ??= state()
      .then(async ({ offers, fetchedAt }) => {
        const data = fetchedAt === null ? null : await loadIndexData(fetchedAt).catch(() => null);
        return createSearchIndex(offers, data ?? undefined);
      })
      .catch((error: unknown) => {
        search = null;
        throw error;
      });
    return search;
  }

  return {
    /** Forget the cached snapshot (a new one was saved). */
    invalidate(): void {
      loaded = null;
      search = null;
    },
    /** The snapshot in use (the previous one, while a refresh saves the next). */
    snapshot: async (): Promise<Snapshot | null> => (await state()).snapshot,
    storeIndex: async (): Promise<StoreIndex> => (await state()).byStore,
    byId: async (id: string): Promise<Offer | null> => (await state()).byId.get(id) ?? null,
    async search(
      state: SearchState,
      limit: number,
      now: number,
      only?: (offer: Offer) => boolean,
    ): Promise<SearchResult & { categories: string[]; geos: string[] }> {
      const index = await searchIndex();
      const result = index.query(state.query, { limit, now, filters: state, only: state.watching ? only : undefined });
      return { ...result, categories: index.categories.slice(0, 200), geos: index.geos };
    },
  };
}
