import { clear, createStore, get, set, type UseStore } from 'idb-keyval';
import type { SearchIndexData } from './search-build';
import type { Snapshot } from './snapshot';

/**
 * The snapshot lives in IndexedDB, not in storage.local: measured in Chromium, a 34 MB value
 * in storage.local made the first storage.local read of every extension page take ~3 s, so
 * the popup could not open fast. IndexedDB is read by the background only (structured clone,
 * no JSON), and storage.local keeps just the small items every page reads.
 */
const KEY = 'snapshot-v1';
const INDEX_KEY = 'search-index-v1';
let db: UseStore | null = null;
const store = () => {
  db ??= createStore('offer-lens', 'snapshot');
  return db;
};

export const snapshotStore = {
  async load(): Promise<Snapshot | null> {
    return (await get<Snapshot>(KEY, store())) ?? null;
  },
  save(snapshot: Snapshot): Promise<void> {
    return set(KEY, snapshot, store());
  },
  /** The search index built from the snapshot fetched at `fetchedAt`. */
  saveIndex(fetchedAt: number, data: SearchIndexData): Promise<void> {
    return set(INDEX_KEY, { fetchedAt, data }, store());
  },
  /** The stored search index, only if it was built from that snapshot. */
  async loadIndex(fetchedAt: number): Promise<SearchIndexData | null> {
    const stored = await get<{ fetchedAt: number; data: SearchIndexData }>(INDEX_KEY, store());
    return stored && stored.fetchedAt === fetchedAt && stored.data.version === 1 ? stored.data : null;
  },
  clear(): Promise<void> {
    return clear(store());
  },
};
