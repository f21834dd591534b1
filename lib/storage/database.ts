import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { RejectedOffer } from '../feed';
import type { Offer } from '../offer';
import { EMPTY_STATUS, type RefreshStatus } from '../refresh/status';
import type { SearchIndexData } from '../search/build';
import { previewOf, type Snapshot, type SnapshotPreview, type SnapshotSource } from '../snapshot';

/**
 * The extension's own IndexedDB: everything that is either big (the offers, their search index)
 * or must not be reachable from a web page's process (the API key, the approved feed origins,
 * the refresh state the background acts on). IndexedDB is per origin, and a content script's
 * IndexedDB is the web page's, so only extension pages and the background can open this one.
 *
 * Measured in Chromium: a 34 MB value in storage.local made the first storage.local read of every
 * extension page take ~3 s; IndexedDB is read by structured clone, in chunks when only some
 * offers are needed.
 */

const DB_NAME = 'offer-lens';
const DB_VERSION = 2;
/** Offers per stored chunk: a page of results needs a few small reads, not the whole feed. */
export const OFFER_CHUNK = 512;

interface SnapshotMeta {
  fetchedAt: number;
  source: SnapshotSource;
  offerCount: number;
  rejected: RejectedOffer[];
}

/** A search's first results, for the snapshot and search they were made from (`key`). */
export interface LastResults {
  key: string;
  total: number;
  offers: Offer[];
}

interface OfferLensDB extends DBSchema {
  /** Small records by name: 'snapshot', 'preview', 'status', 'lastResults'. */
  meta: { key: string; value: unknown };
  /** Chunk number → offers [n × OFFER_CHUNK, (n + 1) × OFFER_CHUNK). */
  offers: { key: number; value: Offer[] };
  /** 'index' → the search index of the current snapshot. */
  search: { key: string; value: { fetchedAt: number; data: SearchIndexData } };
  /** 'apiKey', 'approvedOrigins'. */
  secrets: { key: string; value: unknown };
}

let opened: Promise<IDBPDatabase<OfferLensDB>> | null = null;

function db(): Promise<IDBPDatabase<OfferLensDB>> {
  opened ??= openDB<OfferLensDB>(DB_NAME, DB_VERSION, {
    upgrade(database, oldVersion) {
      // Version 1 (idb-keyval) kept the whole snapshot as one value: its data is refetched.
      if (oldVersion < 2) {
        for (const name of [...database.objectStoreNames]) database.deleteObjectStore(name);
        database.createObjectStore('meta');
        database.createObjectStore('offers');
        database.createObjectStore('search');
        database.createObjectStore('secrets');
      }
    },
    // Another page opened a newer version (an update): let it, and reopen on the next call.
    blocking() {
      void opened?.then((database) => database.close());
      opened = null;
    },
    terminated() {
      opened = null;
    },
  }).catch((error) => {
    opened = null;
    throw error;
  });
  return opened;
}

export const database = {
  /** The current snapshot, or null before the first good feed. */
  async loadSnapshot(): Promise<Snapshot | null> {
    const tx = (await db()).transaction(['meta', 'offers'], 'readonly');
    const [meta, chunks] = await Promise.all([
      tx.objectStore('meta').get('snapshot') as Promise<SnapshotMeta | undefined>,
      tx.objectStore('offers').getAll(),
    ]);
    if (!meta) return null;
    return { offers: chunks.flat(), rejected: meta.rejected, fetchedAt: meta.fetchedAt, source: meta.source };
  },

  /** Replace the snapshot and its search index in one transaction: readers see the old or the new, never half. */
  async saveSnapshot(snapshot: Snapshot, index: SearchIndexData): Promise<void> {
    const tx = (await db()).transaction(['meta', 'offers', 'search'], 'readwrite');
    const offers = tx.objectStore('offers');
    const meta: SnapshotMeta = {
      fetchedAt: snapshot.fetchedAt,
      source: snapshot.source,
      offerCount: snapshot.offers.length,
      rejected: snapshot.rejected,
    };
    const writes: Promise<unknown>[] = [offers.clear()];
    for (let chunk = 0; chunk * OFFER_CHUNK < snapshot.offers.length; chunk++) {
      writes.push(offers.put(snapshot.offers.slice(chunk * OFFER_CHUNK, (chunk + 1) * OFFER_CHUNK), chunk));
    }
    writes.push(
      tx.objectStore('meta').put(meta, 'snapshot'),
      tx.objectStore('meta').put(previewOf(snapshot), 'preview'),
      tx.objectStore('search').put({ fetchedAt: snapshot.fetchedAt, data: index }, 'index'),
      tx.done,
    );
    await Promise.all(writes);
  },

  /** The popup's first screen: best offers and skipped ones, without reading the snapshot. */
  async loadPreview(): Promise<SnapshotPreview | null> {
    return ((await (await db()).get('meta', 'preview')) as SnapshotPreview | undefined) ?? null;
  },

  /** The first results of the last search, so a popup reopened on it paints at once. */
  async loadLastResults(): Promise<LastResults | null> {
    return ((await (await db()).get('meta', 'lastResults')) as LastResults | undefined) ?? null;
  },
  async saveLastResults(results: LastResults): Promise<void> {
    await (await db()).put('meta', results, 'lastResults');
  },

  /** The stored search index, only if it was built from the snapshot fetched at `fetchedAt`. */
  async loadSearchIndex(fetchedAt: number): Promise<SearchIndexData | null> {
    const stored = await (await db()).get('search', 'index');
    return stored && stored.fetchedAt === fetchedAt && stored.data.version === 1 ? stored.data : null;
  },

  /** The background's own refresh state (the copy in storage.local is for display only). */
  async loadStatus(): Promise<RefreshStatus> {
    const stored = (await (await db()).get('meta', 'status')) as RefreshStatus | undefined;
    return { ...EMPTY_STATUS, ...stored };
  },
  async saveStatus(status: RefreshStatus): Promise<void> {
    await (await db()).put('meta', status, 'status');
  },

  async loadApiKey(): Promise<string> {
    const key = await (await db()).get('secrets', 'apiKey');
    return typeof key === 'string' ? key : '';
  },
  async saveApiKey(apiKey: string): Promise<void> {
    await (await db()).put('secrets', apiKey, 'apiKey');
  },

  /** Feed origins the publisher approved by saving them on the settings page. */
  async loadApprovedOrigins(): Promise<string[]> {
    const origins = await (await db()).get('secrets', 'approvedOrigins');
    return Array.isArray(origins) ? origins.filter((o): o is string => typeof o === 'string') : [];
  },
  async approveOrigin(origin: string): Promise<void> {
    const origins = await this.loadApprovedOrigins();
    if (!origins.includes(origin)) await (await db()).put('secrets', [...origins, origin], 'approvedOrigins');
  },

  /** Forget everything (tests). */
  async clear(): Promise<void> {
    const database = await db();
    const tx = database.transaction(['meta', 'offers', 'search', 'secrets'], 'readwrite');
    await Promise.all([...tx.objectStoreNames].map((name) => tx.objectStore(name).clear()).concat(tx.done));
  },
};
