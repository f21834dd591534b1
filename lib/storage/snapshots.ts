import type { IDBPObjectStore } from 'idb';
import { type ChangeRecord, LOG_MAX_AGE_MS, LOG_MAX_CHANGES } from '../changes/log';
import type { RejectedOffer } from '../feed';
import type { Offer } from '../offer';
import type { SearchIndexData } from '../search/build';
import { previewOf, type Snapshot, type SnapshotPreview, type SnapshotSource } from '../snapshot';
import { db, OFFER_CHUNK, type OfferLensDB } from './db';

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

export const snapshots = {
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

  /**
   * Replace the snapshot, its search index, and add the changes it brought, in one transaction:
   * a worker stopped mid-write leaves the old snapshot and log or the new ones, never a mix.
   * `resetLog` starts the change log over (the offers now come from another source).
   */
  async saveSnapshot(
    snapshot: Snapshot,
    index: SearchIndexData,
    changes: ChangeRecord[] = [],
    resetLog = false,
  ): Promise<void> {
    const tx = (await db()).transaction(['meta', 'offers', 'search', 'changes'], 'readwrite');
    const offers = tx.objectStore('offers');
    const log = tx.objectStore('changes');
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
    );
    if (resetLog) writes.push(log.clear(), tx.objectStore('meta').delete('changesSeen'));
    let lastId = 0;
    for (const change of changes) writes.push(log.add(change).then((id) => (lastId = id)));
    await Promise.all(writes);
    if (lastId) await pruneLog(log, lastId, snapshot.fetchedAt - LOG_MAX_AGE_MS);
    await tx.done;
  },

  /** The popup's first screen: best offers and skipped ones, without reading the snapshot. */
  async loadPreview(): Promise<SnapshotPreview | null> {
    return ((await (await db()).get('meta', 'preview')) as SnapshotPreview | undefined) ?? null;
  },

  /** The stored search index, only if it was built from the snapshot fetched at `fetchedAt`. */
  async loadSearchIndex(fetchedAt: number): Promise<SearchIndexData | null> {
    const stored = await (await db()).get('search', 'index');
    return stored && stored.fetchedAt === fetchedAt && stored.data.version === 1 ? stored.data : null;
  },

  /** The first results of the last search, so a popup reopened on it paints at once. */
  async loadLastResults(): Promise<LastResults | null> {
    return ((await (await db()).get('meta', 'lastResults')) as LastResults | undefined) ?? null;
  },
  async saveLastResults(results: LastResults): Promise<void> {
    await (await db()).put('meta', results, 'lastResults');
  },
};

type ChangeStore = IDBPObjectStore<OfferLensDB, ('meta' | 'offers' | 'search' | 'changes')[], 'changes', 'readwrite'>;

/** Keep the newest LOG_MAX_CHANGES changes of the last 90 days; the oldest go first. */
async function pruneLog(log: ChangeStore, lastId: number, cutoff: number): Promise<void> {
  if (lastId > LOG_MAX_CHANGES) await log.delete(IDBKeyRange.upperBound(lastId - LOG_MAX_CHANGES));
  // Ids grow with time: the expired changes are the first ones.
  let cursor = await log.openCursor();
  let expiredUpTo: number | null = null;
  while (cursor && cursor.value.at < cutoff) {
    expiredUpTo = cursor.value.id as number;
    cursor = await cursor.continue();
  }
  if (expiredUpTo !== null) await log.delete(IDBKeyRange.upperBound(expiredUpTo));
}
