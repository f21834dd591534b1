import { toUsd } from '../currency';
import { acceptsCountry } from '../offer';
import { fold, parseQuery, type SearchState, tokenize } from '../search/query';
import { type ChangeRecord, categoriesOf } from './log';
import { isWatched, recordKey, type Watchlist } from './watched';

/**
 * The popup's search box and filters, applied to changes as to the list: every typed word in
 * the offer's name, id or app; the platform; the country (an offer listing no countries takes
 * any); the category (a word inside one of its categories); the minimum payout (its USD
 * equivalent, so €2 passes "payout>2"); the app; and ★ Watching (watched offers and apps).
 * A change is judged on the offer's latest facts it carries (a gone offer's last known ones).
 * Undefined when nothing filters.
 */
export function changeFilter(
  search: SearchState,
  watchlist: Watchlist | null = null,
): ((change: ChangeRecord) => boolean) | undefined {
  const q = parseQuery(search.query, search);
  const { app, watching } = search;
  const category = q.category;
  const minPayout = q.minPayout;
  const filters = q.words.length > 0 || q.platform || q.geo || category || minPayout !== null || app || watching;
  if (!filters) return undefined;
  return (change) => {
    if (q.platform && change.platform !== q.platform) return false;
    if (q.geo && !acceptsCountry(change, q.geo)) return false;
    if (app && change.appKey !== app) return false;
    if (watching && !(watchlist && isWatched(watchlist, recordKey(change), change.appKey))) return false;
    // A record too old to know the offer's categories is not shown as being in one.
    if (category && !(categoriesOf(change) ?? []).some((name) => fold(name).includes(category))) return false;
    if (minPayout !== null && !paysAtLeast(change, minPayout)) return false;
    // Stryker disable next-line ConditionalExpression: a fast path; every() of no words is true too
    if (q.words.length === 0) return true;
    const text = new Set(tokenize(`${change.name} ${change.offerId} ${change.appKey ?? ''}`));
    const haystack = fold(`${change.name} ${change.offerId} ${change.appKey ?? ''}`);
    return q.words.every((word) => text.has(word) || haystack.includes(word));
  };
}

/** No payout, or one in a currency without a rate, never passes a minimum. */
function paysAtLeast(change: ChangeRecord, minUsd: number): boolean {
  const usd = change.payout ? toUsd(change.payout.amount, change.payout.currency) : null;
  return usd !== null && usd >= minUsd;
}
