import type { IDBPObjectStore } from 'idb';
import { type ChangeGroup, type ChangeRecord, LOG_MAX_AGE_MS, LOG_MAX_CHANGES } from '../changes/log';
import { SEARCH_INDEX_VERSION, type SearchIndexData } from '../search/data';
import { buildQuickIndex, sliceQuickIndex } from '../search/quick';
import { PREVIEW_REJECTED, previewOf, type Snapshot, type SnapshotPreview } from '../snapshot';
import { PRIMARY_SOURCE_ID } from '../sources';
import { createStoreIndex } from '../store-page/match';
import { APP_BUCKETS, APP_LOOKUP_MARK, type AppLookupMark, appBuckets } from './app-lookup';
import { db, OFFER_CHUNK, type OfferLensDB, QUICK_SLICE, type StoredQuickSlice, type StoredSearchIndex } from './db';
import { type ChangeBatch, checkMeta, meta as metaRecords, type SnapshotFacts } from './meta';

export const snapshots = {
  /** The current snapshot, or null before the first good feed. */
  async loadSnapshot(): Promise<Snapshot | null> {
    const tx = (await db()).transaction(['meta', 'offers'], 'readonly');
    const [raw, chunks] = await Promise.all([
      tx.objectStore('meta').get('snapshot'),
      tx.objectStore('offers').getAll(),
    ]);
    const meta = checkMeta('snapshot', raw);
    if (!meta) return null;
    const sources = sourcesOf(meta);
    const offers = chunks.flat();
    if (!meta.sources) for (const offer of offers) offer.source ??= PRIMARY_SOURCE_ID;
    return { offers, rejected: meta.rejected, fetchedAt: meta.fetchedAt, source: meta.source, sources };
  },

  /** Each source's facts (counts, when fetched) of the current snapshot, read without its offers. */
  async loadSourceFacts(): Promise<Snapshot['sources'] | null> {
    const meta = await metaRecords.get('snapshot');
    return meta ? sourcesOf(meta) : null;
  },

  /**
   * Replace the snapshot, its search index, and add the changes it brought, in one transaction:
   * a worker stopped mid-write leaves the old snapshot and log or the new ones, never a mix.
   * `resetLog` starts the change log over (the offers now come from another source). Each of
   * `changes` is given its id in the log.
   */
  async saveSnapshot(
    snapshot: Snapshot,
    index: SearchIndexData,
    changes: ChangeRecord[] = [],
    resetLog = false,
  ): Promise<SnapshotPreview> {
    const tx = (await db()).transaction(['meta', 'offers', 'search', 'changes', 'apps'], 'readwrite');
    const offers = tx.objectStore('offers');
    const apps = tx.objectStore('apps');
    const log = tx.objectStore('changes');
    const meta: SnapshotFacts = {
      fetchedAt: snapshot.fetchedAt,
      source: snapshot.source,
      offerCount: snapshot.offers.length,
      rejected: snapshot.rejected,
      sources: snapshot.sources,
    };
    const preview = previewOf(snapshot);
    const writes: Promise<unknown>[] = [offers.clear()];
    for (let chunk = 0; chunk * OFFER_CHUNK < snapshot.offers.length; chunk++) {
      writes.push(offers.put(snapshot.offers.slice(chunk * OFFER_CHUNK, (chunk + 1) * OFFER_CHUNK), chunk));
    }
    writes.push(
      tx.objectStore('meta').put(meta, 'snapshot'),
      tx.objectStore('meta').put(preview, 'preview'),
      tx.objectStore('search').put({ fetchedAt: snapshot.fetchedAt, data: index, offerChunk: OFFER_CHUNK }, 'index'),
      // What the index is, readable without loading its megabytes.
      tx.objectStore('meta').put({ version: index.version, fetchedAt: snapshot.fetchedAt }, 'searchIndex'),
    );
    // What a page answers its first typed words from: the first-query index in slices, read by
    // the words typed (a few kilobytes, where the whole of it is megabytes). 'quick' was its one
    // record before.
    const search = tx.objectStore('search');
    writes.push(search.delete(IDBKeyRange.bound('quick', 'quick\uffff')));
    for (const [key, slice] of sliceQuickIndex(buildQuickIndex(index, snapshot.fetchedAt)))
      writes.push(
        search.put(
          { fetchedAt: snapshot.fetchedAt, version: index.version, slice, offerChunk: OFFER_CHUNK },
          QUICK_SLICE + key,
        ),
      );
    // The store pages' lookup of these offers (app-lookup.ts): a woken background answers a store page from it.
    writes.push(apps.clear());
    for (const [n, bucket] of appBuckets(createStoreIndex(snapshot.offers))) writes.push(apps.put(bucket, n));
    writes.push(
      apps.put({ buckets: APP_BUCKETS, fetchedAt: snapshot.fetchedAt } satisfies AppLookupMark, APP_LOOKUP_MARK),
    );
    if (resetLog) writes.push(log.clear(), tx.objectStore('meta').delete('changesSeen'));
    const ids: number[] = [];
    // Each record learns its id, as the log now holds it (the Changes view's first screen is made of them).
    for (const change of changes)
      writes.push(
        log.add(change).then((id) => {
          ids.push(id);
          change.id = id;
        }),
      );
    await Promise.all(writes);
    if (ids.length) {
      const cutoff = snapshot.fetchedAt - LOG_MAX_AGE_MS;
      // Ids grow: a loop, not Math.max(...ids), which a feed of hundreds of thousands of changes overflows.
      let firstId = ids[0] as number;
      let lastId = firstId;
      for (const id of ids) {
        if (id < firstId) firstId = id;
        if (id > lastId) lastId = id;
      }
      const oldestKept = await pruneLog(log, lastId, cutoff);
      const meta = tx.objectStore('meta');
      const batches: ChangeBatch[] = resetLog ? [] : checkMeta('changeBatches', await meta.get('changeBatches'));
      batches.push({
        firstId,
        lastId,
        at: snapshot.fetchedAt,
        counts: countGroups(changes),
      });
      const kept = batches.filter((b) => b.lastId >= oldestKept);
      // The oldest batch may have lost its first changes: count what is left of it.
      const first = kept[0];
      if (first && first.firstId < oldestKept) {
        kept[0] = {
          ...first,
          firstId: oldestKept,
          counts: countGroups(await log.getAll(IDBKeyRange.bound(oldestKept, first.lastId))),
        };
      }
      await meta.put(kept, 'changeBatches');
    } else if (resetLog) {
      await tx.objectStore('meta').delete('changeBatches');
    }
    await tx.done;
    return preview;
  },

  /** The popup's first screen: best offers and skipped ones, without reading the snapshot. */
  async loadPreview(): Promise<SnapshotPreview | null> {
    return metaRecords.get('preview');
  },

  /** Whether a search index of this version of Offer Lens is stored (read without loading it). */
  async hasCurrentSearchIndex(): Promise<boolean> {
    return (await metaRecords.get('searchIndex'))?.version === SEARCH_INDEX_VERSION;
  },

  /**
   * The first-query index's slices (lib/search/quick.ts) with these keys and those that begin with
   * these prefixes, in one transaction (so all of one snapshot), whichever snapshot that is; none
   * of an older version.
   */
  async loadQuickSlices(keys: string[], prefixes: string[] = []): Promise<StoredQuickSlice[]> {
    const store = (await db()).transaction('search').objectStore('search');
    const found = await Promise.all([
      ...keys.map(async (key) => [await store.get(QUICK_SLICE + key)]),
      ...prefixes.map((prefix) =>
        store.getAll(IDBKeyRange.bound(QUICK_SLICE + prefix, `${QUICK_SLICE}${prefix}\uffff`)),
      ),
    ]);
    return (found.flat() as (StoredQuickSlice | undefined)[]).filter(
      (stored): stored is StoredQuickSlice => stored?.version === SEARCH_INDEX_VERSION && 'slice' in stored,
    );
  },

  /** The stored search index, whichever snapshot it was built from. */
  async loadStoredSearchIndex(): Promise<StoredSearchIndex | null> {
    return currentVersion(((await (await db()).get('search', 'index')) as StoredSearchIndex | undefined) ?? null);
  },
};

/** The snapshot's facts by source; stored before several sources, every offer was the first source's. */
function sourcesOf(meta: SnapshotFacts): Snapshot['sources'] {
  return (
    meta.sources ?? {
      [PRIMARY_SOURCE_ID]: {
        fetchedAt: meta.fetchedAt,
        offerCount: meta.offerCount,
        rejectedCount: meta.rejected.length,
        rejected: meta.rejected.slice(0, PREVIEW_REJECTED),
      },
    }
  );
}

/** An index stored by an older version of Offer Lens is not used (the next refresh rebuilds it). */
export function currentVersion<T extends { data: SearchIndexData } | null>(stored: T): T | null {
  return stored && stored.data.version === SEARCH_INDEX_VERSION ? stored : null;
}

type ChangeStore = IDBPObjectStore<
  OfferLensDB,
  ('meta' | 'offers' | 'search' | 'changes' | 'apps')[],
  'changes',
  'readwrite'
>;

/** Keep the newest LOG_MAX_CHANGES changes of the last 90 days; the oldest go first. Answers the oldest id kept. */
async function pruneLog(log: ChangeStore, lastId: number, cutoff: number): Promise<number> {
  let oldestKept = Math.max(1, lastId - LOG_MAX_CHANGES + 1);
  await log.delete(IDBKeyRange.upperBound(oldestKept, true));
  // Ids grow with time: the expired changes are the first ones.
  let cursor = await log.openCursor();
  while (cursor && cursor.value.at < cutoff) {
    oldestKept = (cursor.value.id as number) + 1;
    cursor = await cursor.continue();
  }
  await log.delete(IDBKeyRange.upperBound(oldestKept, true));
  return oldestKept;
}

function countGroups(changes: ChangeRecord[]): Partial<Record<ChangeGroup, number>> {
  const counts: Partial<Record<ChangeGroup, number>> = {};
  for (const { group } of changes) counts[group] = (counts[group] ?? 0) + 1;
  return counts;
}
