import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { changeFilter } from '../../lib/changes/filter';
import {
  type ChangesFirstScreen,
  EARLIER_CHANGES,
  isWholeList,
  type ScreenAnswer,
  screenRows,
  watchlistKey,
} from '../../lib/changes/first-screen';
import type { ChangeListRow } from '../../lib/changes/list';
import { type ChangeRecord, LOG_MAX_CHANGES } from '../../lib/changes/log';
import { isWatched, recordKey, type Watchlist } from '../../lib/changes/watched';
import { sendMessage } from '../../lib/messaging/client';
import type { SearchState } from '../../lib/search/query';
import { database } from '../../lib/storage/database';
import { useAsyncEffect } from '../use-async-effect';
import { whenIdle } from './use-offer-source';

/** The window is read this many changes at a time, so typing is answered between reads. */
const READ_PAGE = 2000;

/** What nets and sorts a whole window: loaded once the view needs it, not with the popup. */
const loadListCode = () =>
  Promise.all([import('../../lib/changes/net'), import('../../lib/changes/list')]).then(([net, list]) => ({
    netChanges: net.netChanges,
    changeListRows: list.changeListRows,
  }));
type ListCode = Awaited<ReturnType<typeof loadListCode>>;

/** A window of the change log, as its net changes per offer (before the filters). */
interface LogWindow {
  /** Which read of the log it answers (a new snapshot or "Mark all seen" reads it again). */
  read: string;
  /** Null while the earlier changes are not read yet (they are read when the view opens). */
  net: ChangeRecord[] | null;
  /** Nothing is unseen: these are the latest changes the publisher has already seen. */
  earlier: boolean;
  /** When the window starts: the snapshot its first change was compared with. */
  since: number | null;
  /** How many changes the log holds in the window (every step, before netting). */
  steps: number;
  code: ListCode;
}

export interface ChangesState {
  /** The tab's count: the unseen changes the view shows (net, after every filter). */
  unseenTotal: number;
  /** The rows shown: watched first, then by group, each header counting its rows. */
  rows: ChangeListRow[];
  /** How many changes the whole list shows (the rows may be only its first screen). */
  shown: number;
  /** How many changes the filters hide. */
  hidden: number;
  showingEarlier: boolean;
  since: number | null;
  /** How many steps the log holds in the window: 0 when nothing changed at all. */
  steps: number;
  loading: boolean;
}

/**
 * The Changes view's data, read from IndexedDB (no background involved): per offer, the net of
 * what changed since the publisher last looked, filtered like the offer list. First the first
 * screen the background wrote with the last save (lib/changes/first-screen.ts), painted at once
 * when it answers the filters exactly; then the whole window of the log, read and netted here,
 * whose first rows are the same. The unseen window is read once the page is idle (the tab's count
 * is of what the view would show); the earlier one only when the view is opened.
 */
export function useChanges(
  search: SearchState | null,
  active: boolean,
  snapshotAt: number | null,
  watchlist: Watchlist | undefined,
) {
  const [logWindow, setLogWindow] = useState<LogWindow | null>(null);
  const [screen, setScreen] = useState<{ read: string; screen: ChangesFirstScreen | null } | null>(null);
  /** Bumped to read the log again (after "Mark all seen"). */
  const [reads, setReads] = useState(0);
  const reported = useRef(false);
  // The log is read when the page is idle (the list paints and the search index loads first), or
  // at once when the view is opened: a window of 50,000 changes takes most of a second to read.
  const [idle, setIdle] = useState(false);
  useEffect(() => whenIdle(() => setIdle(true), 2000), []);
  const wanted = active || idle;
  const read = `${snapshotAt}|${reads}`;

  // The first screen first: one record.
  useAsyncEffect(
    () =>
      snapshotAt === null || !wanted
        ? undefined
        : database.changes
            .loadFirstScreen()
            .catch(() => null)
            .then((found) => ({ read: `${snapshotAt}|${reads}`, screen: found })),
    setScreen,
    [snapshotAt, reads, wanted],
  );
  const current = screen?.read === read ? screen.screen : null;
  const screenRead = screen?.read === read;
  // The whole window, unless the first screen already is all of it (and marks the same watched).
  const needsWhole =
    screenRead && !(current && isWholeList(current) && current.watchlist === watchlistKey(watchlist ?? null));

  // Again whenever a refresh brings a new snapshot.
  useAsyncEffect(
    () => (snapshotAt === null || !wanted || !needsWhole ? undefined : readUnseen(`${snapshotAt}|${reads}`)),
    setLogWindow,
    [snapshotAt, reads, wanted, needsWhole],
  );

  // The read the earlier window is for, when the view needs it.
  const earlierFor = active && logWindow?.earlier === true && logWindow.net === null ? logWindow.read : null;
  useAsyncEffect(
    () =>
      earlierFor === null
        ? undefined
        : database.changes.earlierFrom(EARLIER_CHANGES).then((after) => readWindow(earlierFor, after, true)),
    // Only onto the window it was read for: a newer read of the log may have come first.
    (earlier) => setLogWindow((now) => (now?.earlier && now.net === null && now.read === earlier.read ? earlier : now)),
    [earlierFor],
  );

  const keep = useMemo(() => (search ? changeFilter(search, watchlist ?? null) : undefined), [search, watchlist]);
  const net = logWindow?.net ?? null;
  const shown = useMemo(() => (net && search ? (keep ? net.filter(keep) : net) : []), [net, search, keep]);
  const watched = useCallback(
    (change: ChangeRecord) => !!watchlist && isWatched(watchlist, recordKey(change), change.appKey),
    [watchlist],
  );
  const wholeRows = useMemo(
    () => (net && logWindow ? logWindow.code.changeListRows(shown, watched) : null),
    [net, logWindow, shown, watched],
  );
  // Not before the watchlist is read: the screen's watched rows may not be watched any more.
  const fromScreen = useMemo(
    () => (current && search && watchlist ? screenRows(current, watchlist, keep) : null),
    [current, search, watchlist, keep],
  );

  // The whole window of this read, else the first screen, else (until this read answers) the last one.
  const whole = wholeRows && logWindow && (logWindow.read === read || !fromScreen) ? { ...logWindow, wholeRows } : null;
  const answer: (ScreenAnswer & { earlier: boolean; since: number | null; steps: number }) | null =
    whole && search
      ? {
          rows: whole.wholeRows,
          shown: shown.length,
          hidden: (net?.length ?? 0) - shown.length,
          earlier: whole.earlier,
          since: whole.since,
          steps: whole.steps,
        }
      : fromScreen && current
        ? { ...fromScreen, earlier: current.earlier, since: current.since, steps: current.steps }
        : null;
  const loading = answer === null || search === null;
  /** Whether the rows are the whole list (an export holds it all). */
  const complete = !!answer && (!!whole || (!!current && isWholeList(current)));
  const rows = answer?.rows ?? EMPTY;
  const showingEarlier = answer?.earlier ?? logWindow?.earlier ?? false;

  // "Export" waits for the whole list when only its first screen is shown.
  const waiting = useRef<((changes: ChangeRecord[]) => void)[]>([]);
  useEffect(() => {
    if (!complete || waiting.current.length === 0) return;
    const list = changesOf(rows);
    for (const resolve of waiting.current.splice(0)) resolve(list);
  }, [complete, rows]);

  // Opening the view is seeing the toolbar's count of watched changes. Told once the view has
  // painted: the message may wake the background, which should not compete with the first paint.
  useEffect(() => {
    if (!active || loading || reported.current) return;
    reported.current = true;
    void sendMessage('changesViewed', {}).catch(() => undefined);
  }, [active, loading]);

  const state: ChangesState = {
    unseenTotal: showingEarlier || loading ? 0 : (answer?.shown ?? 0),
    rows,
    shown: loading ? 0 : (answer?.shown ?? 0),
    hidden: loading ? 0 : (answer?.hidden ?? 0),
    showingEarlier,
    since: answer?.since ?? null,
    steps: answer?.steps ?? 0,
    loading,
  };
  return {
    ...state,
    /** What the view shows, in its order (all of it, not only the rows on screen), for export. */
    all: (): Promise<ChangeRecord[]> =>
      complete ? Promise.resolve(changesOf(rows)) : new Promise((resolve) => waiting.current.push(resolve)),
    async markAllSeen() {
      const upTo = await database.changes.latestId();
      await sendMessage('markChangesSeen', { upTo });
      setReads((n) => n + 1);
    },
  };
}

const EMPTY: ChangeListRow[] = [];

function changesOf(rows: readonly ChangeListRow[]): ChangeRecord[] {
  return rows.flatMap((row) => (row.type === 'change' ? [row.change] : []));
}

/** The changes after the last one seen; when there are none, the earlier window waits for the view. */
async function readUnseen(read: string): Promise<LogWindow> {
  const [seen, latest, code] = await Promise.all([
    database.changes.loadSeenId(),
    database.changes.latestId(),
    loadListCode(),
  ]);
  if (latest <= seen) return { read, net: null, earlier: true, since: null, steps: 0, code };
  return readWindow(read, seen, false, code);
}

async function readWindow(read: string, after: number, earlier: boolean, loaded?: ListCode): Promise<LogWindow> {
  const [records, code] = await Promise.all([
    database.changes.load({ after, limit: LOG_MAX_CHANGES, pageSize: READ_PAGE }),
    loaded ?? loadListCode(),
  ]);
  let since: number | null = null;
  for (const record of records) if (since === null || record.previousAt < since) since = record.previousAt;
  return { read, net: code.netChanges(records), earlier, since, steps: records.length, code };
}
