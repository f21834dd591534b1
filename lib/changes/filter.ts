import { acceptsCountry } from '../offer';
import { fold, parseQuery, type SearchState, tokenize } from '../search/query';
import type { ChangeRecord } from './log';

/**
 * The popup's search box and filters, applied to changes: every typed word in the offer's name,
 * id or app; the platform; the country (an offer listing no countries takes any).
 */
export function changeFilter(search: SearchState): ((change: ChangeRecord) => boolean) | undefined {
  const q = parseQuery(search.query, search);
  if (q.words.length === 0 && !q.platform && !q.geo) return undefined;
  return (change) => {
    if (q.platform && change.platform !== q.platform) return false;
    if (q.geo && !acceptsCountry(change, q.geo)) return false;
    // Stryker disable next-line ConditionalExpression: a fast path; every() of no words is true too
    if (q.words.length === 0) return true;
    const text = new Set(tokenize(`${change.name} ${change.offerId} ${change.appKey ?? ''}`));
    const haystack = fold(`${change.name} ${change.offerId} ${change.appKey ?? ''}`);
    return q.words.every((word) => text.has(word) || haystack.includes(word));
  };
}
