import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { ChangeRecord } from '../changes/log';
import type { Offer } from '../offer';
import type { SearchIndexData } from '../search/build';

/**
 * The extension's own IndexedDB: everything that is either big (the offers, their search index,
 * the change log) or must not be reachable from a web page's process (the API key, the approved
 * feed origins, the state the background acts on). IndexedDB is per origin, and a content
 * script's IndexedDB is the web page's, so only extension pages and the background open this one.
 *
 * Measured in Chromium: a 34 MB value in storage.local made the first storage.local read of every
 * extension page take ~3 s; IndexedDB is read by structured clone, in chunks when only some
 * offers are needed.
 */
export interface OfferLensDB extends DBSchema {
  /** Small records by name, each with its schema: see meta.ts. */
  meta: { key: string; value: unknown };
  /** Chunk number → offers [n × chunk, (n + 1) × chunk), chunk as stored with the index. */
  offers: { key: number; value: Offer[] };
  /** 'index' → the search index of the current snapshot, and the offers' chunk size. */
  search: { key: string; value: StoredSearchIndex };
  /** 'apiKey', 'approvedOrigins'. */
  secrets: { key: string; value: unknown };
  /** The change log: id (growing) → change; by offer for timelines. */
  changes: { key: number; value: ChangeRecord; indexes: { offerId: string } };
}

const DB_NAME = 'offer-lens';
const DB_VERSION = 3;
/**
 * Offers per stored chunk. A page of 100 results is scattered over the feed, so it reads up to
 * 100 chunks: at 32 offers a chunk that is at most 3,200 offers to deserialize (512 made it the
 * whole feed on broad queries), while 50,000 offers are still only 1,563 records to write.
 */
export const OFFER_CHUNK = 32;

export interface StoredSearchIndex {
  fetchedAt: number;
  data: SearchIndexData;
  /** The chunk size the offers were written with (512 before it was recorded). */
  offerChunk?: number;
}
export const STORES = ['meta', 'offers', 'search', 'secrets', 'changes'] as const;

let opened: Promise<IDBPDatabase<OfferLensDB>> | null = null;

export function db(): Promise<IDBPDatabase<OfferLensDB>> {
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
      if (oldVersion < 3) {
        const changes = database.createObjectStore('changes', { keyPath: 'id', autoIncrement: true });
        changes.createIndex('offerId', 'offerId');
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
