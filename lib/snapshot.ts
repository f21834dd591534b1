import type { RejectedOffer } from './feed';
import { byPayout, isExpired, type Offer } from './offer';

export type SnapshotSource = 'feed' | 'demo';

/** The last good feed, as stored. Replaced only by a successful refresh. */
export interface Snapshot {
  offers: Offer[];
  rejected: RejectedOffer[];
  fetchedAt: number;
  source: SnapshotSource;
}

/**
 * The few facts every page shows at once ("223 offers · updated 5 min ago"). Mirrored into
 * storage.local for live updates, so it holds counts and dates only: nothing a page could be
 * misled by if something else wrote it (see docs/architecture.md, "Trust boundary").
 */
export interface SnapshotSummary {
  fetchedAt: number;
  source: SnapshotSource;
  offerCount: number;
  rejectedCount: number;
}

/** What the popup paints before it has searched: kept next to the snapshot in IndexedDB. */
export interface SnapshotPreview {
  fetchedAt: number;
  /** The best-paying offers that have not expired, in the popup's "best" order. */
  top: Offer[];
  /** The first skipped offers with their reasons, for "M offers skipped". */
  rejected: RejectedOffer[];
}

export const PREVIEW_TOP = 60;
export const PREVIEW_REJECTED = 100;

export function summarise(snapshot: Snapshot): SnapshotSummary {
  return {
    fetchedAt: snapshot.fetchedAt,
    source: snapshot.source,
    offerCount: snapshot.offers.length,
    rejectedCount: snapshot.rejected.length,
  };
}

export function previewOf(snapshot: Snapshot): SnapshotPreview {
  return {
    fetchedAt: snapshot.fetchedAt,
    top: snapshot.offers
      .filter((offer) => !isExpired(offer, snapshot.fetchedAt))
      .sort(byPayout)
      .slice(0, PREVIEW_TOP),
    rejected: snapshot.rejected.slice(0, PREVIEW_REJECTED),
  };
}
