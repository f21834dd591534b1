import type { ChangeListRow } from './list';
import type { ChangeRecord } from './log';
import type { Watchlist } from './watched';

/**
 * The Changes view's first screen, made by the background when it saves a refresh or the
 * publisher marks all seen (lib/changes/first-screen-of.ts), kept as one `meta` record: the view
 * paints it at once and reads the whole log after (50,000 changes take a second or two to read
 * and net). This half is what the popup needs to use it, and loads with the popup.
 */
export interface ChangesFirstScreen {
  /** The log it was made of: the changes after `seenId` up to `latestId` (or, `earlier`, the latest refreshes'). */
  seenId: number;
  latestId: number;
  earlier: boolean;
  since: number | null;
  /** How many changes the log holds in the window (every step, before netting). */
  steps: number;
  /** How many net changes the whole list has (before the filters). */
  total: number;
  /** The first rows of the whole list, headers counting their whole sections. */
  rows: ChangeListRow[];
  /** The watchlist the rows were sorted and marked with (watchlistKey). */
  watchlist: string;
}

/** When nothing is unseen, the view shows the latest refreshes' changes, about this many. */
export const EARLIER_CHANGES = 400;

/** Rows kept in the first screen: a few screens' worth, whatever the popup's height. */
export const FIRST_SCREEN_ROWS = 200;

/** The watchlist as the first screen records it: equal keys mark the same changes watched. */
export function watchlistKey(watchlist: Watchlist | null | undefined): string {
  const offers = [...(watchlist?.offers ?? [])].sort();
  const apps = [...(watchlist?.apps ?? [])].sort();
  return JSON.stringify([offers, apps]);
}

/** Whether the first screen holds every row of the list (nothing more to read for it). */
export function isWholeList(screen: ChangesFirstScreen): boolean {
  return changeCount(screen.rows) === screen.total;
}

export interface ScreenAnswer {
  rows: ChangeListRow[];
  /** The changes the whole list shows (after the filters), and how many the filters hide. */
  shown: number;
  hidden: number;
}

/**
 * The rows the first screen answers exactly, for this watchlist and filter; null when only the
 * whole log can (the watchlist changed since, or a filter is set and the screen is not the
 * whole list: the filtered list's first rows may lie past it).
 */
export function screenRows(
  screen: ChangesFirstScreen,
  watchlist: Watchlist | null | undefined,
  keep: ((change: ChangeRecord) => boolean) | undefined,
): ScreenAnswer | null {
  if (screen.watchlist !== watchlistKey(watchlist)) return null;
  if (!keep) return { rows: screen.rows, shown: screen.total, hidden: 0 };
  if (!isWholeList(screen)) return null;
  // The order stays; each section's header counts what is left under it.
  const rows: ChangeListRow[] = [];
  let header: ChangeListRow | null = null;
  let under: ChangeListRow[] = [];
  const close = () => {
    if (header && under.length > 0) rows.push({ ...header, count: under.length } as ChangeListRow, ...under);
  };
  for (const row of screen.rows) {
    if (row.type === 'header') {
      close();
      header = row;
      under = [];
    } else if (keep(row.change)) under.push(row);
  }
  close();
  const shown = changeCount(rows);
  return { rows, shown, hidden: screen.total - shown };
}

function changeCount(rows: readonly ChangeListRow[]): number {
  let count = 0;
  for (const row of rows) if (row.type === 'change') count++;
  return count;
}
