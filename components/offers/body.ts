import type { SearchState } from '../../lib/search/query';

/** Check links: at most this many offers per run, each check is a real click at the network. */
export const CHECK_ALL_MAX = 50;

/** The two lists a surface shows under its search bar. */
export type View = 'offers' | 'changes';

/** What fills a surface under its search bar and filters. */
export type Body =
  | 'connect'
  | 'check-all'
  | 'changes'
  | 'feed-empty'
  | 'no-app-offers'
  | 'nothing-watched'
  | 'no-match'
  | 'list';

export interface BodyState {
  /** No key set and no offers stored: nothing to search yet. */
  noKey: boolean;
  checkingAll: boolean;
  view: View;
  /** How many offers the search matches; null before it (or the first page) answered. */
  matches: number | null;
  /** How many offers the feed lists; null before a snapshot is known. */
  feedOffers: number | null;
  search: SearchState | null;
}

/** Which body to show: first what blocks the list, then the view asked for, then why it is empty. */
export function bodyFor(state: BodyState): Body {
  const { noKey, checkingAll, view, matches, feedOffers, search } = state;
  if (noKey) return 'connect';
  if (view === 'changes') return 'changes';
  if (checkingAll) return 'check-all';
  if (matches !== 0) return 'list';
  if (feedOffers === 0) return 'feed-empty';
  if (search?.app) return 'no-app-offers';
  if (search?.watching && !search.query) return 'nothing-watched';
  return 'no-match';
}

/** A row's element id, which the search box points at (aria-activedescendant). */
export function optionId(view: View, index: number): string {
  return view === 'offers' ? `offer-${index}` : `change-${index}`;
}
