import type { Offer } from '../offer';
import type { StoreIndex } from '../store-page/match';
import { db } from './db';

/**
 * The store pages' lookup: store key → that app's offers, kept beside the snapshot (written in
 * the same transaction as its offers), so a background woken by a store page answers it with one
 * keyed read instead of loading every offer. Apps are spread over a fixed number of buckets:
 * one record per app would make a save write tens of thousands of records, one bucket holds
 * ~50 offers at 50,000.
 */
export const APP_BUCKETS = 1024;

/** One bucket: store key → the app's offers. */
export type AppBucket = Record<string, Offer[]>;

/** The `apps` store's marker: the lookup is there, built with this many buckets from this snapshot. */
export interface AppLookupMark {
  buckets: number;
  fetchedAt: number;
}
export const APP_LOOKUP_MARK = 'appLookup';

/** The bucket of a store key (FNV-1a, so every context spreads the same way). */
export function appBucketOf(appKey: string, buckets = APP_BUCKETS): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < appKey.length; i++) {
    hash ^= appKey.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % buckets;
}

/** The buckets of an index, by number (only the buckets that hold an app). */
export function appBuckets(index: StoreIndex, buckets = APP_BUCKETS): Map<number, AppBucket> {
  const out = new Map<number, AppBucket>();
  for (const [key, offers] of index) {
    const n = appBucketOf(key, buckets);
    const bucket = out.get(n) ?? {};
    bucket[key] = offers;
    out.set(n, bucket);
  }
  return out;
}

export const appLookup = {
  /**
   * The offers of these apps by store key, read from the lookup; null when there is none (an
   * update from a version that kept no lookup, or no snapshot yet): then the snapshot answers.
   */
  async loadAppOffers(appKeys: string[]): Promise<Map<string, Offer[]> | null> {
    const tx = (await db()).transaction('apps', 'readonly');
    const store = tx.objectStore('apps');
    const numbers = [...new Set(appKeys.map((key) => appBucketOf(key)))];
    const [mark, ...buckets] = await Promise.all([
      store.get(APP_LOOKUP_MARK) as Promise<AppLookupMark | undefined>,
      ...numbers.map((n) => store.get(n) as Promise<AppBucket | undefined>),
    ]);
    if (mark?.buckets !== APP_BUCKETS) return null;
    const found = new Map<string, Offer[]>();
    for (const key of appKeys) {
      const offers = buckets[numbers.indexOf(appBucketOf(key))]?.[key];
      if (offers) found.set(key, offers);
    }
    return found;
  },

  /**
   * Build the lookup of a snapshot loaded without one. Written only while that snapshot is still
   * the stored one (a save that came meanwhile wrote its own lookup).
   */
  async saveAppLookup(fetchedAt: number, index: StoreIndex): Promise<void> {
    const tx = (await db()).transaction(['meta', 'apps'], 'readwrite');
    const snapshot = (await tx.objectStore('meta').get('snapshot')) as { fetchedAt?: number } | undefined;
    if (snapshot?.fetchedAt === fetchedAt) {
      const apps = tx.objectStore('apps');
      const writes: Promise<unknown>[] = [apps.clear()];
      for (const [n, bucket] of appBuckets(index)) writes.push(apps.put(bucket, n));
      writes.push(apps.put({ buckets: APP_BUCKETS, fetchedAt } satisfies AppLookupMark, APP_LOOKUP_MARK));
      await Promise.all(writes);
    }
    await tx.done;
  },
};
