import type { Offer } from '../offer';
import { buildSearchIndexData, type SearchIndexData } from './build';
import { createSearchEngine } from './engine';
import type { Rates, ToUsd } from './payout';
import type { SearchFilters, SourceNames } from './query';

export type { SearchFilters, SearchState, SortKey, SourceNames } from './query';

export interface SearchOptions {
  limit?: number;
  filters?: Partial<SearchFilters>;
  /** Only offers this accepts (the "Watching" filter). */
  only?: (offer: Offer) => boolean;
  /** For expiry ranking; expired offers go last. */
  now?: number;
  /** The rate table payouts are compared in; none: the converter's own. */
  rates?: Rates;
  /** The names each source answers to in a `net:` term. */
  sources?: SourceNames[];
}

export interface SearchResult {
  total: number;
  offers: Offer[];
}

export interface SearchIndex {
  /** The best matches now (expired offers last). */
  search(query: string, limit?: number): Offer[];
  query(query: string, options?: SearchOptions): SearchResult;
  /** Categories by how many offers have them, most first. */
  categories: string[];
  geos: string[];
}

/**
 * The offers' search (the contract other code relies on): the engine (engine.ts) over the packed
 * index of these offers (build.ts), answering offers. `data` is a stored build of the same
 * offers; without it, one is built. Payouts compare in USD with `toUsd` (lib/currency's), else by
 * amount as paid. Pages that do not hold the offers use the engine directly.
 */
export function createSearchIndex(
  offers: Offer[],
  data?: SearchIndexData,
  { toUsd }: { toUsd?: ToUsd } = {},
): SearchIndex {
  const engine = createSearchEngine(data ?? buildSearchIndexData(offers, { toUsd }), { toUsd });
  function query(text: string, options: SearchOptions = {}): SearchResult {
    const { only } = options;
    const result = engine.query(text, { ...options, only: only && ((doc) => only(offers[doc] as Offer)) });
    return { total: result.total, offers: result.docs.map((doc) => offers[doc] as Offer) };
  }
  return {
    query,
    search: (text, limit) => query(text, { limit, now: Date.now() }).offers,
    categories: engine.categories,
    geos: engine.geos,
  };
}
