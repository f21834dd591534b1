import type { RejectedOffer } from './feed';
import { isExpired, type Offer, sortByPayout } from './offer';

/** Whose offers a snapshot holds: the publisher's sources, or the bundled demo. */
export type SnapshotSource = 'feed' | 'demo';

/** One source's good refresh: its offers (not yet marked with the source) and the ones skipped. */
export interface SourceSnapshot {
  offers: Offer[];
  rejected: RejectedOffer[];
  fetchedAt: number;
}

/** What is kept of each source beside the offers: when it was fetched, and its skipped offers. */
export interface SourceFacts {
  fetchedAt: number;
  offerCount: number;
  rejectedCount: number;
  /** The first skipped offers with their reasons. */
  rejected: RejectedOffer[];
}

/**
 * The offers on show, every source's in one list (each offer marked with its source), as stored.
 * A source's part is replaced only by that source's successful refresh.
 */
export interface Snapshot {
  offers: Offer[];
  /** Every source's skipped offers (kept per source in `sources`). */
  rejected: RejectedOffer[];
  /** The newest of the sources' refreshes. */
  fetchedAt: number;
  source: SnapshotSource;
  /** Source id → its facts. */
  sources: Record<string, SourceFacts>;
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
    rejectedCount: Object.values(snapshot.sources).reduce((sum, facts) => sum + facts.rejectedCount, 0),
  };
}

export function previewOf(snapshot: Snapshot): SnapshotPreview {
  return {
    fetchedAt: snapshot.fetchedAt,
    top: sortByPayout(snapshot.offers.filter((offer) => !isExpired(offer, snapshot.fetchedAt))).slice(0, PREVIEW_TOP),
    rejected: snapshot.rejected.slice(0, PREVIEW_REJECTED),
  };
}

/**
 * The snapshot with one source's part replaced by its new refresh (its offers marked with the
 * source): the other sources' offers stay as they were. Pure.
 */
export function withSourcePart(
  current: Snapshot | null,
  sourceId: string,
  part: SourceSnapshot,
  world: SnapshotSource,
): Snapshot {
  const others = current ? current.offers.filter((offer) => (offer.source ?? '') !== sourceId) : [];
  const offers = others;
  for (const offer of part.offers) offers.push({ ...offer, source: sourceId });
  const sources = { ...current?.sources };
  sources[sourceId] = {
    fetchedAt: part.fetchedAt,
    offerCount: part.offers.length,
    rejectedCount: part.rejected.length,
    rejected: part.rejected.slice(0, PREVIEW_REJECTED),
  };
  return fromParts(offers, sources, world);
}

/** The snapshot without one source (removed by the publisher). Pure. */
export function withoutSource(current: Snapshot, sourceId: string): Snapshot {
  const sources = { ...current.sources };
  delete sources[sourceId];
  return fromParts(
    current.offers.filter((offer) => (offer.source ?? '') !== sourceId),
    sources,
    current.source,
  );
}

function fromParts(offers: Offer[], sources: Record<string, SourceFacts>, world: SnapshotSource): Snapshot {
  let fetchedAt = 0;
  const rejected: RejectedOffer[] = [];
  for (const facts of Object.values(sources)) {
    fetchedAt = Math.max(fetchedAt, facts.fetchedAt);
    for (const r of facts.rejected) rejected.push(r);
  }
  return { offers, rejected, fetchedAt, source: world, sources };
}
