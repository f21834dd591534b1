import type { FeedErrorInfo } from './errors';
import type { Offer, RejectedOffer } from './feed';
import { isExpired } from './offer';

export type SnapshotSource = 'feed' | 'demo';

/** The last good feed, as stored. Replaced only by a successful refresh. */
export interface Snapshot {
  offers: Offer[];
  rejected: RejectedOffer[];
  fetchedAt: number;
  source: SnapshotSource;
}

/** What the popup and options need at first paint, without reading the whole snapshot. */
export interface SnapshotSummary {
  fetchedAt: number;
  source: SnapshotSource;
  offerCount: number;
  rejectedCount: number;
  /** The first skipped offers with reasons, for "M offers skipped". */
  rejected: RejectedOffer[];
  /** The best-paying offers, so the popup can list something before the index is ready. */
  top: Offer[];
}

export interface RefreshStatus {
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** When the next automatic attempt is due; null = none planned (no key, or key rejected). */
  nextAttemptAt: number | null;
  /** Failures in a row, for the back-off. */
  failures: number;
  refreshing: boolean;
  error: FeedErrorInfo | null;
}

export const EMPTY_STATUS: RefreshStatus = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  nextAttemptAt: null,
  failures: 0,
  refreshing: false,
  error: null,
};

export const SUMMARY_TOP = 60;
export const SUMMARY_REJECTED = 100;

export function summarise(snapshot: Snapshot): SnapshotSummary {
  return {
    fetchedAt: snapshot.fetchedAt,
    source: snapshot.source,
    offerCount: snapshot.offers.length,
    rejectedCount: snapshot.rejected.length,
    rejected: snapshot.rejected.slice(0, SUMMARY_REJECTED),
    // The popup's first screen before the search index answers: same order as its "best" sort.
    top: snapshot.offers
      .filter((offer) => !isExpired(offer, snapshot.fetchedAt))
      .sort(byPayoutDesc)
      .slice(0, SUMMARY_TOP),
  };
}

export function byPayoutDesc(a: Offer, b: Offer): number {
  return (b.payout?.amount ?? -1) - (a.payout?.amount ?? -1) || a.name.localeCompare(b.name);
}
