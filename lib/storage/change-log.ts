import type { ChangesFirstScreen } from '../changes/first-screen';
import { CHANGE_GROUPS, type ChangeGroup, type ChangeRecord } from '../changes/log';
import type { Offer } from '../offer';
import { PRIMARY_SOURCE_ID, parseOfferKey } from '../sources';
import { db } from './db';
import { checkMeta, meta } from './meta';

async function newestId(store: {
  openKeyCursor(query: null, direction: 'prev'): Promise<{ key: IDBValidKey } | null>;
}) {
  const cursor = await store.openKeyCursor(null, 'prev');
  return (cursor?.key as number | undefined) ?? 0;
}

/** Changes read per request when a read is filtered or paged. */
const PAGE_SIZE = 2000;

/** The change log in IndexedDB, as the Changes view, the timelines and the watch rules read it. */
export const changeLog = {
  /**
   * Changes newest first: those with an id above `after` (the last one seen; 0 for all) and below
   * `before` (for the next page), at most `limit`, keeping only those `keep` accepts.
   */
  async load(options: {
    after?: number;
    before?: number;
    limit: number;
    keep?: (change: ChangeRecord) => boolean;
    /**
     * Changes read per request. Each page is read apart, so a long read (the Changes view's
     * window can hold 50,000) leaves the page free to answer typing between pages.
     */
    pageSize?: number;
  }): Promise<ChangeRecord[]> {
    const { after = 0, limit, keep } = options;
    const store = (await db()).transaction('changes').store;
    // Ids are consecutive (only the oldest are ever deleted): read back from the newest in pages,
    // each one request, rather than one request a change.
    let before = Math.min(options.before ?? Number.POSITIVE_INFINITY, (await newestId(store)) + 1);
    const found: ChangeRecord[] = [];
    const pageSize = options.pageSize ?? (keep ? PAGE_SIZE : limit);
    if (!keep && before - after - 1 <= limit) {
      // The range cannot hold more than `limit` (the Changes view's window: the log keeps 50,000):
      // every page is asked for at once, with no round trip between them; each still answers apart.
      const pages: Promise<ChangeRecord[]>[] = [];
      for (let to = before; to > after + 1; to -= pageSize)
        pages.push(store.getAll(IDBKeyRange.bound(Math.max(after, to - pageSize - 1), to, true, true)));
      for (const page of await Promise.all(pages))
        for (let i = page.length - 1; i >= 0; i--) found.push(page[i] as ChangeRecord);
      return found;
    }
    while (found.length < limit && before > after + 1) {
      const from = Math.max(after, before - pageSize - 1);
      const page = await store.getAll(IDBKeyRange.bound(from, before, true, true));
      for (let i = page.length - 1; i >= 0 && found.length < limit; i--) {
        const change = page[i] as ChangeRecord;
        if (!keep || keep(change)) found.push(change);
      }
      before = from + 1;
    }
    return found;
  },

  /**
   * How many changes of each group came after the change `after` (a refresh's last change, as
   * "Mark all seen" records it). Read from the per-refresh counts kept with the log: counting a
   * 50,000-change log would take a second.
   */
  async countByGroup(after: number): Promise<Record<ChangeGroup, number>> {
    const counts = Object.fromEntries(CHANGE_GROUPS.map((group) => [group, 0])) as Record<ChangeGroup, number>;
    for (const batch of await meta.get('changeBatches')) {
      if (batch.lastId <= after) continue;
      for (const group of CHANGE_GROUPS) counts[group] += batch.counts[group] ?? 0;
    }
    return counts;
  },

  /**
   * Where the Changes view's window starts when nothing is unseen (the id it reads after): the
   * latest refreshes' changes, whole refreshes, newest back until about `limit` changes — so
   * the net of that window is what those refreshes changed together.
   */
  async earlierFrom(limit: number): Promise<number> {
    const batches = await meta.get('changeBatches');
    if (batches.length === 0) return Math.max(0, (await changeLog.latestId()) - limit);
    let from = 0;
    let count = 0;
    for (let i = batches.length - 1; i >= 0 && count < limit; i--) {
      const batch = batches[i] as (typeof batches)[number];
      count += batch.lastId - batch.firstId + 1;
      from = batch.firstId - 1;
    }
    return from;
  },

  /** An offer's changes (by key: source and id), oldest first, for its timeline. */
  async forOffer(key: string): Promise<ChangeRecord[]> {
    const { source, id } = parseOfferKey(key);
    const all = await (await db()).getAllFromIndex('changes', 'offerId', id);
    return all.filter((change) => (change.source ?? PRIMARY_SOURCE_ID) === source);
  },

  /** The newest change of each offer (by key: source and id) that has one. */
  async latestFor(offerKeys: string[]): Promise<Map<string, ChangeRecord>> {
    const index = (await db()).transaction('changes').store.index('offerId');
    const latest = new Map<string, ChangeRecord>();
    await Promise.all(
      offerKeys.map(async (key) => {
        const { source, id } = parseOfferKey(key);
        // Newest first; the same id may be another source's offer.
        for (
          let cursor = await index.openCursor(IDBKeyRange.only(id), 'prev');
          cursor;
          cursor = await cursor.continue()
        ) {
          if ((cursor.value.source ?? PRIMARY_SOURCE_ID) === source) {
            latest.set(key, cursor.value);
            return;
          }
        }
      }),
    );
    return latest;
  },

  /** A gone offer's last known state (by key) and when it went; null when it is not gone. */
  async lastKnown(key: string): Promise<{ offer: Offer; goneAt: number } | null> {
    const changes = await changeLog.forOffer(key);
    const last = changes.findLast((c) => c.kind === 'gone' || c.kind === 'new');
    return last?.kind === 'gone' ? { offer: last.before as Offer, goneAt: last.at } : null;
  },

  /** The newest change's id (0 for an empty log). */
  async latestId(): Promise<number> {
    return newestId((await db()).transaction('changes').store);
  },

  /** Forget a removed source's changes (a scan: sources are removed rarely). */
  async removeSource(source: string): Promise<void> {
    const tx = (await db()).transaction('changes', 'readwrite');
    let cursor = await tx.store.openCursor();
    while (cursor) {
      if (cursor.value.source === source) await cursor.delete();
      cursor = await cursor.continue();
    }
    await tx.done;
  },

  /**
   * The Changes view's first screen while it is still true — made of the log and the last look as
   * they are now — else null: one request for it and two for the facts that say so.
   */
  async loadFirstScreen(): Promise<ChangesFirstScreen | null> {
    const tx = (await db()).transaction(['meta', 'changes']);
    const [raw, seen, latest] = await Promise.all([
      tx.objectStore('meta').get('changesFirstScreen'),
      tx.objectStore('meta').get('changesSeen'),
      newestId(tx.objectStore('changes')),
    ]);
    const screen = checkMeta('changesFirstScreen', raw);
    return screen && screen.seenId === checkMeta('changesSeen', seen) && screen.latestId === latest ? screen : null;
  },
  saveFirstScreen: (screen: ChangesFirstScreen) => meta.set('changesFirstScreen', screen),

  /** Each refresh's changes counted by group, oldest first. */
  loadBatches: () => meta.get('changeBatches'),

  /** The newest change the publisher has seen (the Changes view was open with it). */
  loadSeenId: () => meta.get('changesSeen'),
  markSeen: (id: number) => meta.set('changesSeen', id),

  /** Watch alerts raised (key → when), so each is raised once. */
  loadAlertsSent: () => meta.get('alertsSent'),
  saveAlertsSent: (sent: Record<string, number>) => meta.set('alertsSent', sent),

  /** Changes to watched things not seen yet (the toolbar's count). */
  loadWatchedUnseen: () => meta.get('watchedUnseen'),
  saveWatchedUnseen: (count: number) => meta.set('watchedUnseen', count),

  /** When the log started (the first snapshot of its source): offers older than it were "seen since". */
  loadStartedAt: () => meta.get('logStartedAt'),
};
