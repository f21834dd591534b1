import type { Offer } from '../offer';
import type { Snapshot } from '../snapshot';
import { offerKey, parseOfferKey } from '../sources';
import { createStoreIndex, type StoreIndex } from '../store-page/match';

interface Loaded {
  snapshot: Snapshot | null;
  offers: Offer[];
  fetchedAt: number | null;
  byStore: StoreIndex;
  byKey: Map<string, Offer>;
}

/**
 * The background's view of the snapshot: loaded once per worker life and kept with its indexes
 * in memory. Store-page lookups are one Map.get. (Searches run where the publisher is: pages and
 * the address bar query the stored index through lib/storage/offer-source.ts.) A failed load is
 * not kept: the next call tries again.
 */
export function createOffers(loadSnapshot: () => Promise<Snapshot | null>) {
  let loaded: Promise<Loaded> | null = null;

  function state(): Promise<Loaded> {
    loaded ??= loadSnapshot().then(
      (snapshot) => {
        const offers = snapshot?.offers ?? [];
        return {
          snapshot,
          offers,
          fetchedAt: snapshot?.fetchedAt ?? null,
          byStore: createStoreIndex(offers),
          byKey: new Map(offers.map((o) => [offerKey(o), o])),
        };
      },
      (error: unknown) => {
        loaded = null;
        throw error;
      },
    );
    return loaded;
  }

  return {
    /** Forget the cached snapshot (a new one was saved). */
    invalidate(): void {
      loaded = null;
    },
    /** The snapshot in use (the previous one, while a refresh saves the next). */
    snapshot: async (): Promise<Snapshot | null> => (await state()).snapshot,
    storeIndex: async (): Promise<StoreIndex> => (await state()).byStore,
    /** An offer by its key (source and id; a bare id is the first source's). */
    byKey: async (key: string): Promise<Offer | null> => {
      const { source, id } = parseOfferKey(key);
      return (await state()).byKey.get(offerKey({ source, id })) ?? null;
    },
  };
}
