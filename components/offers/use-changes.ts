import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { changeFilter } from '../../lib/changes/filter';
import { type ChangeListRow, changeListRows, changesOf } from '../../lib/changes/list';
import { type ChangeRecord, LOG_MAX_CHANGES } from '../../lib/changes/log';
import { netChanges } from '../../lib/changes/net';
import { isWatched, recordKey, type Watchlist } from '../../lib/changes/watch';
import { sendMessage } from '../../lib/messaging/client';
import type { SearchState } from '../../lib/search/query';
import { database } from '../../lib/storage/database';
import { useAsyncEffect } from '../use-async-effect';
import { whenIdle } from './use-offer-source';

/** When nothing is unseen, the view shows the latest refreshes' changes, about this many. */
const EARLIER_CHANGES = 400;
/** The window is read this many changes at a time, so typing is answered between reads. */
const READ_PAGE = 2000;

/** A window of the change log, as its net changes per offer (before the filters). */
interface LogWindow {
  /** Null while the earlier changes are not read yet (they are read when the view opens). */
  net: ChangeRecord[] | null;
  /** Nothing is unseen: these are the latest changes the publisher has already seen. */
  earlier: boolean;
  /** When the window starts: the snapshot its first change was compared with. */
  since: number | null;
  /** How many changes the log holds in the window (every step, before netting). */
  steps: number;
}

export interface ChangesState {
  /** The tab's count: the unseen changes the view shows (net, after every filter). */
  unseenTotal: number;
  /** The rows shown: watched first, then by group, each header counting its rows. */
  rows: ChangeListRow[];
  /** How many changes the filters hide. */
  hidden: number;
  showingEarlier: boolean;
  since: number | null;
  /** How many steps the log holds in the window: 0 when nothing changed at all. */
  steps: number;
  loading: boolean;
}

/**
 * The Changes view's data, read from the change log in IndexedDB (no background involved):
 * per offer, the net of what changed since the publisher last looked, filtered like the offer
 * list. The unseen window is read once the page is idle (the tab's count is of what the view
 * would show); the earlier one only when the view is opened.
 */
export function useChanges(
  search: SearchState | null,
  active: boolean,
  snapshotAt: number | null,
  watchlist: Watchlist | undefined,
) {
  const [logWindow, setLogWindow] = useState<LogWindow | null>(null);
  /** Bumped to read the log again (after "Mark all seen"). */
  const [reads, setReads] = useState(0);
  const reported = useRef(false);
  // The log is read when the page is idle (the list paints and the search index loads first), or
  // at once when the view is opened: a window of 50,000 changes takes most of a second to read.
  const [idle, setIdle] = useState(false);
  useEffect(() => whenIdle(() => setIdle(true), 2000), []);
  const wanted = active || idle;

  // Again whenever a refresh brings a new snapshot.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `reads` is how "Mark all seen" asks for the log again
  useAsyncEffect(() => (snapshotAt === null || !wanted ? undefined : readUnseen()), setLogWindow, [
    snapshotAt,
    reads,
    wanted,
  ]);

  const needsEarlier = active && logWindow?.earlier === true && logWindow.net === null;
  useAsyncEffect(
    () =>
      needsEarlier ? database.changes.earlierFrom(EARLIER_CHANGES).then((after) => readWindow(after, true)) : undefined,
    // Only onto the window it was read for: a newer read of the log may have come first.
    (earlier) => setLogWindow((current) => (current?.earlier && current.net === null ? earlier : current)),
    [needsEarlier],
  );

  const keep = useMemo(() => (search ? changeFilter(search, watchlist ?? null) : undefined), [search, watchlist]);
  const net = logWindow?.net ?? null;
  const shown = useMemo(() => (net && search ? (keep ? net.filter(keep) : net) : []), [net, search, keep]);
  const watched = useCallback(
    (change: ChangeRecord) => !!watchlist && isWatched(watchlist, recordKey(change), change.appKey),
    [watchlist],
  );
  const rows = useMemo(() => changeListRows(shown, watched), [shown, watched]);
  const loading = net === null || search === null;
  const showingEarlier = logWindow?.earlier ?? false;

  // Opening the view is seeing the toolbar's count of watched changes. Told once the view has
  // painted: the message may wake the background, which should not compete with the first paint.
  useEffect(() => {
    if (!active || loading || reported.current) return;
    reported.current = true;
    void sendMessage('changesViewed', {}).catch(() => undefined);
  }, [active, loading]);

  const state: ChangesState = {
    unseenTotal: showingEarlier || loading ? 0 : shown.length,
    rows,
    hidden: net && !loading ? net.length - shown.length : 0,
    showingEarlier,
    since: logWindow?.since ?? null,
    steps: logWindow?.steps ?? 0,
    loading,
  };
  return {
    ...state,
    /** What the view shows, in its order (all of it, not only the rows on screen), for export. */
    all: () => Promise.resolve(changesOf(rows)),
    async markAllSeen() {
      const upTo = await database.changes.latestId();
      await sendMessage('markChangesSeen', { upTo });
      setReads((n) => n + 1);
    },
  };
}

/** The changes after the last one seen; when there are none, the earlier window waits for the view. */
async function readUnseen(): Promise<LogWindow> {
  const [seen, latest] = await Promise.all([database.changes.loadSeenId(), database.changes.latestId()]);
  if (latest <= seen) return { net: null, earlier: true, since: null, steps: 0 };
  return readWindow(seen, false);
}

async function readWindow(after: number, earlier: boolean): Promise<LogWindow> {
  const records = await database.changes.load({ after, limit: LOG_MAX_CHANGES, pageSize: READ_PAGE });
  let since: number | null = null;
  for (const record of records) if (since === null || record.previousAt < since) since = record.previousAt;
  return { net: netChanges(records), earlier, since, steps: records.length };
}
