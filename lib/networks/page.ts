import { duplicateReason, type ParsedFeed, type RejectedOffer } from '../feed';
import type { Offer } from '../offer';
import { toPageNumber } from './raw';

/** One answer of a network's offers API: its offers, the ones skipped, and the page to ask for next (null: done). */
export interface OfferPage {
  offers: Offer[];
  rejected: RejectedOffer[];
  nextPage: number | null;
}

/**
 * No account has more pages than this (1,000 pages of 500 offers is 500,000 offers): past it the
 * paging stops, so a server that always says "there is more" cannot keep a refresh going forever.
 */
export const MAX_OFFER_PAGES = 1000;

/** The page a network named as next, when it is a whole number after the one asked for and within the bound; else null. */
export function laterPage(next: unknown, page: number): number | null {
  const n = toPageNumber(next);
  return n !== null && n > page && n <= MAX_OFFER_PAGES ? n : null;
}

/**
 * The pages of one refresh as one list, as if the network had sent them in one answer: a
 * rejected offer's index counts from the first page's first offer, and an id already kept on an
 * earlier page is skipped as a duplicate (networks reorder between pages while they are read).
 */
export function mergeOfferPages(pages: readonly OfferPage[]): ParsedFeed {
  const merged: ParsedFeed = { offers: [], rejected: [] };
  const seen = new Set<string>();
  let offset = 0;
  for (const page of pages) {
    // Every entry of a page is either an offer or a rejection, in the page's order.
    const size = page.offers.length + page.rejected.length;
    const skipped = new Set(page.rejected.map((r) => r.index));
    let offerAt = 0;
    for (let index = 0; index < size; index++) {
      if (skipped.has(index)) continue;
      const offer = page.offers[offerAt++] as Offer;
      if (seen.has(offer.id)) {
        merged.rejected.push({ index: offset + index, id: offer.id, reason: duplicateReason(offer.id) });
      } else {
        seen.add(offer.id);
        merged.offers.push(offer);
      }
    }
    for (const r of page.rejected) merged.rejected.push({ ...r, index: offset + r.index });
    offset += size;
  }
  merged.rejected.sort((a, b) => a.index - b.index);
  return merged;
}
