import type { SEARCH_INDEX_VERSION, SearchIndexData, WordIndex } from './data';
import { packStrings, type StoredStrings } from './packed';
import { parseQuery, type SearchState } from './query';

/** A word keeps this many of its docs in the first-query index: a page of results. */
export const QUICK_POSTINGS = 100;

/**
 * The first-query index: what a page needs to answer the first words typed while the full index
 * (megabytes more) loads. The full index's vocabulary with each word's QUICK_POSTINGS best docs
 * (most weight, then best payout, offers expired when it was built last), and the columns the
 * ranking of an unfiltered query reads (ids, expiries, the payout order). The same engine queries
 * it, so an app name or offer id finds what the full index puts first; what a filter or another
 * order asks for waits for the full index.
 */
export interface QuickIndexData extends WordIndex {
  version: typeof SEARCH_INDEX_VERSION;
  size: number;
  payoutOrder: Int32Array;
  payoutOrderRates: string | null;
  expiries: Float64Array;
  ids: StoredStrings;
}

/** The first-query index of a full one; `now` says which offers are expired already (they go last). */
export function buildQuickIndex(data: SearchIndexData, now: number): QuickIndexData {
  const rank = new Int32Array(data.size);
  data.payoutOrder.forEach((doc, i) => {
    rank[doc] = i;
  });
  const expired = (doc: number) => (data.expiries[doc] as number) <= now;
  const words = data.tokens.starts.length - 1;
  const offsets = new Int32Array(words + 1);
  const docs: number[] = [];
  const weights: number[] = [];
  for (let word = 0; word < words; word++) {
    offsets[word] = docs.length;
    for (const at of bestPostings(data, word, rank, expired)) {
      docs.push(data.docs[at] as number);
      weights.push(data.weights[at] as number);
    }
  }
  offsets[words] = docs.length;
  return {
    version: data.version,
    size: data.size,
    tokens: data.tokens,
    offsets,
    docs: Int32Array.from(docs),
    weights: Uint8Array.from(weights),
    byLength: data.byLength,
    lengthStarts: data.lengthStarts,
    payoutOrder: data.payoutOrder,
    payoutOrderRates: data.payoutOrderRates,
    expiries: data.expiries,
    ids: data.ids,
  };
}

/**
 * Positions of a word's best postings: all of them when they are few. Each posting's order as one
 * number (expired, then weight, then payout rank: ranks are unique, so keys are too), the
 * QUICK_POSTINGS-th smallest the cut.
 */
function bestPostings(
  data: SearchIndexData,
  word: number,
  rank: Int32Array,
  expired: (doc: number) => boolean,
): number[] {
  const from = data.offsets[word] as number;
  const to = data.offsets[word + 1] as number;
  const kept: number[] = [];
  if (to - from <= QUICK_POSTINGS) {
    for (let at = from; at < to; at++) kept.push(at);
    return kept;
  }
  const keys = new Float64Array(to - from);
  for (let at = from; at < to; at++) {
    const doc = data.docs[at] as number;
    keys[at - from] =
      (Number(expired(doc)) * 256 + 255 - (data.weights[at] as number)) * 2 ** 32 + (rank[doc] as number);
  }
  const cut = smallest(keys, QUICK_POSTINGS);
  for (let at = from; at < to; at++) if ((keys[at - from] as number) <= cut) kept.push(at);
  return kept;
}

/** The k-th smallest of `keys` (k ≤ its length): a max-heap of the k smallest seen, one pass. */
function smallest(keys: Float64Array, k: number): number {
  const heap = new Float64Array(k);
  let size = 0;
  for (const key of keys) {
    if (size === k && key >= (heap[0] as number)) continue;
    let at: number;
    if (size < k) {
      at = size++;
      // Sift up.
      while (at > 0 && (heap[(at - 1) >> 1] as number) < key) {
        heap[at] = heap[(at - 1) >> 1] as number;
        at = (at - 1) >> 1;
      }
    } else {
      // Replace the largest, sift down.
      at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= k) break;
        if (child + 1 < k && (heap[child + 1] as number) > (heap[child] as number)) child++;
        if ((heap[child] as number) <= key) break;
        heap[at] = heap[child] as number;
        at = child;
      }
    }
    heap[at] = key;
  }
  return heap[0] as number;
}

/**
 * Whether the first-query index answers this search as the full one would begin to: words typed,
 * in the best order, with no filter (a filter or another order needs columns it does not have).
 */
export function answersQuickly(state: SearchState): boolean {
  const q = parseQuery(state.query, state);
  const filtered =
    !!q.platform || !!q.geo || !!q.category || q.minPayout !== null || q.network !== null || q.networkName !== null;
  return q.words.length > 0 && !filtered && q.sort === 'best' && !state.watching && !state.app;
}

/**
 * The first-query index as the engine reads an index: the columns of the filters it never applies
 * are empty (every doc without platform, countries, categories, app or source).
 */
export function quickSearchData(quick: QuickIndexData): SearchIndexData {
  const n = quick.size;
  const none = packStrings([]);
  return {
    ...quick,
    nameOrder: quick.payoutOrder,
    expiryOrder: quick.payoutOrder,
    categories: [],
    geos: [],
    apps: none,
    appCodes: new Uint32Array(n),
    sources: none,
    sourceCodes: new Uint16Array(n),
    platforms: new Uint8Array(n),
    payouts: new Float64Array(n),
    currencies: none,
    currencyCodes: new Uint16Array(n),
    geoStarts: new Int32Array(n + 1),
    geoCodes: new Uint16Array(0),
    categoryStarts: new Int32Array(n + 1),
    categoryCodes: new Uint16Array(0),
  };
}
