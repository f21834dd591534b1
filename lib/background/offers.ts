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

export interface OffersStorage {
  loadSnapshot(): Promise<Snapshot | null>;
  /** The stored lookup's offers of these apps; null when no lookup is stored. */
  loadAppOffers(appKeys: string[]): Promise<Map<string, Offer[]> | null>;
  /** Store the lookup of the snapshot fetched at that time (if it is still the stored one). */
  saveAppLookup(fetchedAt: number, index: StoreIndex): Promise<void>;
}

/**
 * The background's view of the snapshot: loaded once per worker life and kept with its indexes
 * in memory. (Searches run where the publisher is: pages and the address bar query the stored
 * index through lib/storage/offer-source.ts.) A failed load is not kept: the next call tries again.
 *
 * A store page's offers need no snapshot: a worker woken by a store page (Chrome stops it after
 * 30 s idle) answers from the stored per-app lookup, one keyed read, instead of loading and
 * indexing every offer (1.4 s at 50,000). Missing (an update from a version that kept none), the
 * lookup is built from the snapshot on first need.
 */
export function createOffers(storage: OffersStorage) {
  let loaded: Promise<Loaded> | null = null;

  function state(): Promise<Loaded> {
    loaded ??= storage.loadSnapshot().then(
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

  /** The offers of these apps from the snapshot in memory, building the missing lookup once. */
  let rebuilding: Promise<void> | null = null;
  async function fromSnapshot(appKeys: string[]): Promise<StoreIndex> {
    const { byStore, snapshot } = await state();
    if (snapshot && !rebuilding) {
      rebuilding = storage
        .saveAppLookup(snapshot.fetchedAt, byStore)
        .catch((error: unknown) => console.warn('Offer Lens: the store pages’ lookup could not be saved', error));
    }
    return pick(byStore, appKeys);
  }

  return {
    /** Forget the cached snapshot (a new one was saved, with its lookup). */
    invalidate(): void {
      loaded = null;
      rebuilding = null;
    },
    /** The snapshot in use (the previous one, while a refresh saves the next). */
    snapshot: async (): Promise<Snapshot | null> => (await state()).snapshot,
    storeIndex: async (): Promise<StoreIndex> => (await state()).byStore,
    /** The offers of these apps (store keys), from memory when the snapshot is loaded, else from the lookup. */
    async appOffers(appKeys: string[]): Promise<StoreIndex> {
      if (loaded) return pick((await state()).byStore, appKeys);
      const stored = await storage.loadAppOffers(appKeys).catch(() => null);
      return stored ?? fromSnapshot(appKeys);
    },
    /** An offer by its key (source and id; a bare id is the first source's). */
    byKey: async (key: string): Promise<Offer | null> => {
      const { source, id } = parseOfferKey(key);
      return (await state()).byKey.get(offerKey({ source, id })) ?? null;
    },
  };
}

function pick(index: StoreIndex, appKeys: string[]): StoreIndex {
  const found = new Map<string, Offer[]>();
  for (const key of appKeys) {
    const offers = index.get(key);
    if (offers) found.set(key, offers);
  }
  return found;
}
