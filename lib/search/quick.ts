import { groupByLength, SEARCH_INDEX_VERSION, type SearchIndexData, type WordIndex } from './data';
import { packStrings, type StoredStrings, stringAt, unpackStrings } from './packed';
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

/**
 * One slice of the first-query index: the words that begin with the same two characters (or the
 * one-character word itself), with their postings, over the docs those postings name only. A
 * page reads the slices of the words typed, a few kilobytes each, instead of the whole index.
 */
export interface QuickSlice {
  /** Sorted; word i's postings are docs/weights[offsets[i] .. offsets[i + 1]). */
  words: string[];
  offsets: Int32Array;
  /** Into `docIds`: the slice's own numbering. */
  docs: Int32Array;
  weights: Uint8Array;
  /** Slice doc → snapshot doc. */
  docIds: Int32Array;
  /** Each slice doc's place in the best-payout order, its expiry and its offer id. */
  ranks: Int32Array;
  expiries: Float64Array;
  ids: string[];
}

/**
 * The slice a word is kept in: its first three characters; four for a number (offer and app ids
 * share their first digits by the thousand); six for a word with a dot after three, an app's
 * package name ("com.du" — a fifth of all words begin "com."). A shorter word is its own key.
 */
export function sliceKey(word: string): string {
  return word.slice(0, keyLength(word));
}

function keyLength(word: string): number {
  return /^\d\d/.test(word) ? 4 : word[3] === '.' ? 6 : 3;
}

/** The first-query index cut into slices by sliceKey (each slice's words sorted). */
export function sliceQuickIndex(quick: QuickIndexData): [string, QuickSlice][] {
  const tokens = unpackStrings(quick.tokens);
  const count = quick.tokens.starts.length - 1;
  const rank = new Int32Array(quick.size);
  quick.payoutOrder.forEach((doc, i) => {
    rank[doc] = i;
  });
  const ids = unpackStrings(quick.ids);
  const byKey = new Map<string, number[]>();
  for (let word = 0; word < count; word++) {
    const key = sliceKey(stringAt(tokens, word));
    const list = byKey.get(key);
    if (list) list.push(word);
    else byKey.set(key, [word]);
  }
  return [...byKey].map(([key, list]) => {
    const local = new Map<number, number>();
    const docIds: number[] = [];
    const docs: number[] = [];
    const weights: number[] = [];
    const offsets = new Int32Array(list.length + 1);
    list.forEach((word, i) => {
      offsets[i] = docs.length;
      for (let at = quick.offsets[word] as number; at < (quick.offsets[word + 1] as number); at++) {
        docs.push(numberOf(local, docIds, quick.docs[at] as number));
        weights.push(quick.weights[at] as number);
      }
    });
    offsets[list.length] = docs.length;
    const slice: QuickSlice = {
      words: list.map((word) => stringAt(tokens, word)),
      offsets,
      docs: Int32Array.from(docs),
      weights: Uint8Array.from(weights),
      docIds: Int32Array.from(docIds),
      ranks: Int32Array.from(docIds, (doc) => rank[doc] as number),
      expiries: Float64Array.from(docIds, (doc) => quick.expiries[doc] as number),
      ids: docIds.map((doc) => stringAt(ids, doc)),
    };
    return [key, slice];
  });
}

/**
 * The slices a query's words need: for a word long enough to say its key, that key; for a shorter
 * one (`prefixes`), every key it begins, for it may begin any of their words ("co" begins
 * "com.duolingo"), and so may the words it is joined with ("u ber" is read as "uber").
 */
export function slicesFor(words: string[]): { keys: string[]; prefixes: string[] } {
  const keys = new Set<string>();
  const prefixes = new Set<string>();
  for (const word of words) {
    if (word.length >= Math.max(4, keyLength(word))) keys.add(sliceKey(word));
    else prefixes.add(word);
  }
  const covered = (key: string) => [...prefixes].some((prefix) => key.startsWith(prefix));
  return { keys: [...keys].filter((key) => !covered(key)), prefixes: [...prefixes] };
}

/**
 * Slices (any order, each once) as one index the engine queries, with `docIds` to take its docs
 * back to the snapshot's. Its payout order is the full index's, among the docs it holds.
 */
export function mergeSlices(slices: QuickSlice[]): { data: SearchIndexData; docIds: Int32Array } {
  // Every word is in one slice; the engine's binary search wants them all in one order.
  const entries = slices.flatMap((slice) => slice.words.map((word, i) => ({ word, slice, i })));
  entries.sort((a, b) => compareKeys(a.word, b.word));
  const merged = new Map<number, number>();
  const docIds: number[] = [];
  const ranks: number[] = [];
  const expiries: number[] = [];
  const ids: string[] = [];
  const words: string[] = [];
  const offsets: number[] = [];
  const docs: number[] = [];
  const weights: number[] = [];
  for (const { word, slice, i } of entries) {
    words.push(word);
    offsets.push(docs.length);
    for (let at = slice.offsets[i] as number; at < (slice.offsets[i + 1] as number); at++) {
      const local = slice.docs[at] as number;
      const known = docIds.length;
      const mine = numberOf(merged, docIds, slice.docIds[local] as number);
      if (docIds.length > known) {
        ranks.push(slice.ranks[local] as number);
        expiries.push(slice.expiries[local] as number);
        ids.push(slice.ids[local] as string);
      }
      docs.push(mine);
      weights.push(slice.weights[at] as number);
    }
  }
  offsets.push(docs.length);
  const order = Int32Array.from(docIds.keys()).sort((a, b) => (ranks[a] as number) - (ranks[b] as number));
  const quick: QuickIndexData = {
    version: SEARCH_INDEX_VERSION,
    size: docIds.length,
    tokens: packStrings(words),
    offsets: Int32Array.from(offsets),
    docs: Int32Array.from(docs),
    weights: Uint8Array.from(weights),
    ...groupByLength(words),
    payoutOrder: order,
    payoutOrderRates: null,
    expiries: Float64Array.from(expiries),
    ids: packStrings(ids),
  };
  return { data: quickSearchData(quick), docIds: Int32Array.from(docIds) };
}

/** The vocabulary's order (UTF-16 code units, as the engine's binary search compares). */
function compareKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Doc's number in a numbering of docs in the order first seen (`docIds` lists them): a slice's or a merge's own. */
function numberOf(numbers: Map<number, number>, docIds: number[], doc: number): number {
  let mine = numbers.get(doc);
  if (mine === undefined) {
    mine = docIds.length;
    numbers.set(doc, mine);
    docIds.push(doc);
  }
  return mine;
}
