import { type ChangesFirstScreen, FIRST_SCREEN_ROWS, watchlistKey } from './first-screen';
import { changeListRows } from './list';
import type { ChangeRecord } from './log';
import { netChanges } from './net';
import { isWatched, recordKey, type Watchlist } from './watched';

/**
 * The Changes view's first screen for a window of the log (`records`: the changes after
 * `seenId`, or the latest refreshes' when `earlier`): the first rows of exactly the list the view
 * makes of the same window and watchlist, with its counts. Pure.
 */
export function firstScreenOf(
  records: readonly ChangeRecord[],
  window: { seenId: number; latestId: number; earlier: boolean },
  watchlist: Watchlist | null,
): ChangesFirstScreen {
  let since: number | null = null;
  for (const record of records) if (since === null || record.previousAt < since) since = record.previousAt;
  const net = netChanges(records);
  const rows = changeListRows(net, (change) => !!watchlist && isWatched(watchlist, recordKey(change), change.appKey));
  return {
    ...window,
    since,
    steps: records.length,
    total: net.length,
    rows: rows.slice(0, FIRST_SCREEN_ROWS),
    watchlist: watchlistKey(watchlist),
  };
}
