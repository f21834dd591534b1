import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { ChangeRecord } from '../changes/log';
import type { Offer } from '../offer';
import type { SearchIndexData } from '../search/data';
import type { QuickSlice } from '../search/quick';
import type { AppBucket, AppLookupMark } from './app-lookup';

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
  /**
   * 'index' → the search index of the current snapshot, and the offers' chunk size;
   * 'quick:' + a slice key → that slice of its first-query index (lib/search/quick.ts).
   */
  search: { key: string; value: StoredSearchIndex | StoredQuickSlice };
  /** 'apiKey', 'approvedOrigins'. */
  secrets: { key: string; value: unknown };
  /** The change log: id (growing) → change; by offer for timelines. */
  changes: { key: number; value: ChangeRecord; indexes: { offerId: string } };
  /** Bucket number → store key → that app's offers; 'appLookup' → its marker (app-lookup.ts). */
  apps: { key: number | string; value: AppBucket | AppLookupMark };
}

const DB_NAME = 'offer-lens';
const DB_VERSION = 4;
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
/** A slice of the first-query index (lib/search/quick.ts), stored beside the full index. */
export interface StoredQuickSlice {
  fetchedAt: number;
  version: number;
  slice: QuickSlice;
  offerChunk: number;
}
/** Where the first-query index's slices are kept in the `search` store: 'quick:' + slice key. */
export const QUICK_SLICE = 'quick:';
export const STORES = ['meta', 'offers', 'search', 'secrets', 'changes', 'apps'] as const;

/**
 * Two worlds, each its own database of the same shape: the publisher's offers ('real', the
 * database that also holds the secrets) and the bundled demo ('demo'). "Try with demo data"
 * switches the world; the publisher's snapshot, change log, history and watch state are never
 * touched by it, and switching back finds them as they were.
 */
export type World = 'real' | 'demo';
const DB_NAMES: Record<World, string> = { real: DB_NAME, demo: `${DB_NAME}-demo` };
const opened = new Map<World, Promise<IDBPDatabase<OfferLensDB>>>();
let world: World | null = null;
let worldRead: Promise<World> | null = null;
/** Pages and the background learn of a switch at once (a BroadcastChannel reaches every extension page, not web pages). */
let channel: BroadcastChannel | null = null;
const WORLD_CHANNEL = 'offer-lens-world';

function open(which: World): Promise<IDBPDatabase<OfferLensDB>> {
  let handle = opened.get(which);
  if (handle) return handle;
  handle = openDB<OfferLensDB>(DB_NAMES[which], DB_VERSION, {
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
      // Version 4 adds the store pages' lookup; the snapshot stays, and its lookup is built on
      // first need (lib/background/offers.ts).
      if (oldVersion < 4) database.createObjectStore('apps');
    },
    // Another page opened a newer version (an update): let it, and reopen on the next call.
    blocking() {
      void opened.get(which)?.then((database) => database.close());
      opened.delete(which);
    },
    terminated() {
      opened.delete(which);
    },
  }).catch((error) => {
    opened.delete(which);
    throw error;
  });
  opened.set(which, handle);
  return handle;
}

/** The publisher's database: the secrets (key, settings, approvals, sources) and their offers. */
export function mainDb(): Promise<IDBPDatabase<OfferLensDB>> {
  return open('real');
}

/** The database of the world on show: offers, index, change log and the records about them. */
export async function db(): Promise<IDBPDatabase<OfferLensDB>> {
  return open(await currentWorld());
}

export function currentWorld(): Promise<World> {
  if (world) return Promise.resolve(world);
  if (!channel && typeof BroadcastChannel !== 'undefined') {
    channel = new BroadcastChannel(WORLD_CHANNEL);
    channel.onmessage = (event: MessageEvent<{ world?: unknown }>) => {
      if (event.data?.world === 'real' || event.data?.world === 'demo') world = event.data.world;
    };
  }
  worldRead ??= mainDb()
    .then((database) => database.get('secrets', 'world'))
    .then(
      (stored) => {
        world ??= stored === 'demo' ? 'demo' : 'real';
        return world;
      },
      (error: unknown) => {
        worldRead = null;
        throw error;
      },
    );
  return worldRead;
}

/** Show the other world (the background does, for "Try with demo data" and "Back to my offers"). */
export async function setWorld(next: World): Promise<void> {
  await (await mainDb()).put('secrets', next, 'world');
  world = next;
  worldRead = Promise.resolve(next);
  channel?.postMessage({ world: next });
}

/** Forget both worlds' data and the switch (tests). */
export async function clearWorlds(): Promise<void> {
  for (const which of ['real', 'demo'] as const) {
    const tx = (await open(which)).transaction([...STORES], 'readwrite');
    await Promise.all([...STORES.map((name) => tx.objectStore(name).clear()), tx.done]);
  }
  world = 'real';
  worldRead = Promise.resolve<World>('real');
}
