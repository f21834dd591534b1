import { offerKey } from '../sources';
import type { ChangeRecord } from './log';

/**
 * Whether a change is about something watched, apart from the watch rules (which word alerts):
 * the Changes view's list needs only this, and loads it with the popup.
 */

/** What the publisher watches: offers by key (lib/sources offerKey), and apps (their future offers too, on every network) by store key. */
export interface Watchlist {
  offers: string[];
  apps: string[];
}

/** `offerKey`: the offer's key (lib/sources offerKey). */
export function isWatched(watchlist: Watchlist, offerKey: string, appKey: string | null): boolean {
  // Stryker disable next-line ConditionalExpression: the null check is for the type; no app key in the list is null
  return watchlist.offers.includes(offerKey) || (appKey !== null && watchlist.apps.includes(appKey));
}

/** A change record's offer key (records from before sources are the first source's). */
export function recordKey(record: Pick<ChangeRecord, 'offerId' | 'source'>): string {
  return offerKey({ id: record.offerId, source: record.source });
}
