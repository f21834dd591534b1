import { parseFeed } from '../feed';
import { parseAffisePage } from './affise';
import { parseEverflowPage } from './everflow';
import type { NetworkKind } from './kinds';
import type { OfferPage } from './page';

/**
 * Several networks (DESIGN §5): one pure adapter per kind turns one answer of its API into
 * offers by the feed's rules (lib/feed/fields.ts: usable links, store URLs, country codes, plain
 * text, bounded fields). The background asks for the pages (`offerPageRequest`) and reads them
 * here, one at a time, until `nextPage` is null.
 */
export function parseOfferPage(kind: NetworkKind, body: unknown, page: number): OfferPage {
  switch (kind) {
    case 'carrierapptraffic':
      // The feed comes whole in one answer.
      return { ...parseFeed(body), nextPage: null };
    case 'affise':
      return parseAffisePage(body, page);
    case 'everflow':
      return parseEverflowPage(body, page);
  }
}

export type { RejectedOffer } from '../feed';
export { htmlToText } from './html-text';
export {
  apiHostProblem,
  NETWORK_KIND_NAMES,
  NETWORK_KINDS,
  type NetworkKind,
  type NetworkKindInfo,
  offerPageRequest,
  type PageRequest,
  type SourceAccess,
  sourceAddressProblem,
  sourceHostPattern,
} from './kinds';
export { MAX_OFFER_PAGES, mergeOfferPages, type OfferPage } from './page';
