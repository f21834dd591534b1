/**
 * Feeds that a broken or hostile network could send, generated (never committed): the sizes
 * DESIGN.md §4 ("Hostile input stays cheap") names.
 */

interface RawFeed {
  message: unknown;
  offers: Record<string, unknown>[];
}

/** The top offer of the demo feed (the best payout, first in the popup). */
export const TOP_DEMO_OFFER = '4269';
/** Spotify's Android offer in the demo feed. */
export const SPOTIFY_DEMO_OFFER = '4100';

/**
 * The demo feed with a 12 MB description on its top offer and 150,000 categories on Spotify's
 * Android offer: far over the bounds (64 KB, 1,000), and over the ~120,000 arguments V8 takes
 * in one call, so spreading such a list into a call (`push(...categories)`) throws.
 */
export function withHostileFields(feed: RawFeed): RawFeed {
  const categories = Array.from({ length: 150_000 }, (_, i) => `Category ${i}`);
  return {
    ...feed,
    offers: feed.offers.map((offer) => {
      if (String(offer.id) === TOP_DEMO_OFFER) return { ...offer, description: 'x'.repeat(12 * 2 ** 20) };
      if (String(offer.id) === SPOTIFY_DEMO_OFFER) return { ...offer, categories };
      return offer;
    }),
  };
}

/**
 * `count` offers of a few fields each, ids `<prefix>0`…: a second feed with another prefix
 * changes every id, so a refresh logs each offer twice (gone and new). The payout grows with
 * the index, so the last offer is the best paid.
 */
export function tinyOffersFeed(prefix: string, count: number): RawFeed {
  const offers: Record<string, unknown>[] = [];
  for (let i = 0; i < count; i++) {
    offers.push({
      id: `${prefix}${i}`,
      name: `Tiny ${prefix} ${i}`,
      tracking_url: `https://trk.tiny.example/c?o=${prefix}${i}`,
      payout: { amount: (i + 1) / 100 },
    });
  }
  return { message: true, offers };
}
