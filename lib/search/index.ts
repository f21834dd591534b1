import { acceptsCountry, type Offer } from '../offer';
import { buildSearchIndexData, type SearchIndexData } from './build';
import { fold, type ParsedQuery, parseQuery, type SearchFilters } from './query';

export type { SearchFilters, SearchState, SortKey } from './query';

export interface SearchOptions {
  limit?: number;
  filters?: Partial<SearchFilters>;
  /** Only offers this accepts (the "Watching" filter). */
  only?: (offer: Offer) => boolean;
  /** For expiry ranking; expired offers go last. */
  now?: number;
}

export interface SearchResult {
  total: number;
  offers: Offer[];
}

export interface SearchIndex {
  search(query: string, limit?: number): Offer[];
  query(query: string, options?: SearchOptions): SearchResult;
  /** Categories by how many offers have them, most first. */
  categories: string[];
  geos: string[];
}

// How much a partial match is worth against an exact word.
const PREFIX = 0.7;
const FUZZY = 0.45;

interface PackedPostings {
  docs: Int32Array;
  weights: Float32Array;
}

/**
 * A purpose-built inverted index: exact words, prefixes (binary search in the sorted
 * vocabulary) and one or two typos (bounded edit distance over words of similar length).
 * `data` is a stored build of the same offers (see build.ts); without it, one is built.
 */
export function createSearchIndex(offers: Offer[], data: SearchIndexData = buildSearchIndexData(offers)): SearchIndex {
  const n = offers.length;
  const packed = new Map<string, PackedPostings>();
  data.tokens.forEach((token, i) => {
    const from = data.offsets[i] as number;
    const to = data.offsets[i + 1] as number;
    packed.set(token, { docs: data.docs.subarray(from, to), weights: data.weights.subarray(from, to) });
  });
  const vocab = data.tokens;
  const byLength: string[][] = [];
  for (const word of vocab) {
    // Numbers (offer and App Store ids) are matched exactly or by prefix, never "corrected".
    if (/^\d+$/.test(word)) continue;
    byLength[word.length] ??= [];
    byLength[word.length]?.push(word);
  }
  const byId = new Map<string, number>();
  const categoryText: string[] = new Array(n);
  offers.forEach((offer, doc) => {
    byId.set(offer.id.toLowerCase(), doc);
    categoryText[doc] = fold(offer.categories.join('\n'));
  });
  const rank = (order: Int32Array) => {
    const r = new Int32Array(n);
    order.forEach((doc, i) => {
      r[doc] = i;
    });
    return r;
  };
  const { payoutOrder, nameOrder, expiryOrder } = data;
  const payoutRank = rank(payoutOrder);
  const nameRank = rank(nameOrder);
  const expiryRank = rank(expiryOrder);
  const expiresAt = Float64Array.from(offers, (o) => o.expiresAt ?? Number.POSITIVE_INFINITY);

  // Scratch space reused by every query (one query at a time, no allocation per keystroke).
  const total = new Float32Array(n);
  const wordScore = new Float32Array(n);
  const seen = new Uint32Array(n);
  let stamp = 0;

  function matchWord(word: string, touched: number[]): void {
    const visit = (token: string, factor: number) => {
      const p = packed.get(token);
      if (!p) return;
      for (let i = 0; i < p.docs.length; i++) {
        const doc = p.docs[i] as number;
        const score = (p.weights[i] as number) * factor;
        if (wordScore[doc] === 0) touched.push(doc);
        if (score > (wordScore[doc] as number)) wordScore[doc] = score;
      }
    };
    visit(word, 1);
    // Prefixes: every vocabulary word that starts with the typed one.
    for (let i = lowerBound(vocab, word); i < vocab.length; i++) {
      const token = vocab[i] as string;
      if (!token.startsWith(word)) break;
      if (token !== word) visit(token, PREFIX * (0.5 + (0.5 * word.length) / token.length));
    }
    // Typos only in longer words, where they are typos and not a different word.
    const exactOnly = word.includes('.') || /^\d+$/.test(word); // ids: no typo correction
    const maxEdits = exactOnly ? 0 : word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
    if (maxEdits === 0) return;
    for (let len = word.length - maxEdits; len <= word.length + maxEdits; len++) {
      for (const token of byLength[len] ?? []) {
        if (token !== word && !token.startsWith(word) && withinEdits(word, token, maxEdits)) visit(token, FUZZY);
      }
    }
  }

  function query(text: string, options: SearchOptions = {}): SearchResult {
    const limit = options.limit ?? 50;
    const now = options.now ?? 0;
    const q = parseQuery(text, options.filters);
    const only = options.only;
    const passes = (doc: number) =>
      passesFilters(offers[doc] as Offer, categoryText[doc] as string, q) && (!only || only(offers[doc] as Offer));
    const exact = byId.get(q.raw.toLowerCase());

    if (q.words.length === 0) return browse(q, passes, limit, now);

    let candidates: number[] = [];
    // Rarest word first: the candidate list starts small and every later word only narrows it.
    const words = [...q.words].sort((a, b) => (packed.get(a)?.docs.length ?? 0) - (packed.get(b)?.docs.length ?? 0));
    for (let w = 0; w < words.length; w++) {
      const touched: number[] = [];
      matchWord(words[w] as string, touched);
      if (w === 0) {
        for (const doc of touched) total[doc] = wordScore[doc] as number;
        candidates = touched;
      } else {
        // Words in any order, all of them required: keep the docs every word hit.
        stamp++;
        for (const doc of touched) seen[doc] = stamp;
        candidates = candidates.filter((doc) => seen[doc] === stamp);
        for (const doc of candidates) total[doc] = (total[doc] as number) + (wordScore[doc] as number);
      }
      for (const doc of touched) wordScore[doc] = 0;
      if (candidates.length === 0) break;
    }

    const filtered = q.platform || q.geo || q.category || q.minPayout !== null || only;
    const hits = filtered ? candidates.filter(passes) : candidates;
    if (exact !== undefined && !hits.includes(exact) && passes(exact)) hits.push(exact);
    const sortRank = q.sort === 'name' ? nameRank : q.sort === 'expiry' ? expiryRank : payoutRank;
    const byScore = q.sort === 'best';
    // An exact id first, expired offers last, then relevance (for "best") and the chosen order.
    const compare = (a: number, b: number) =>
      (b === exact ? 1 : 0) - (a === exact ? 1 : 0) ||
      (isExpiredAt(a, now) ? 1 : 0) - (isExpiredAt(b, now) ? 1 : 0) ||
      (byScore ? (total[b] as number) - (total[a] as number) : 0) ||
      (sortRank[a] as number) - (sortRank[b] as number);
    return { total: hits.length, offers: topK(hits, limit, compare).map((d) => offers[d] as Offer) };
  }

  function isExpiredAt(doc: number, now: number): boolean {
    return now > 0 && (expiresAt[doc] as number) <= now;
  }

  function browse(q: ParsedQuery, passes: (doc: number) => boolean, limit: number, now: number): SearchResult {
    const order = q.sort === 'name' ? nameOrder : q.sort === 'expiry' ? expiryOrder : payoutOrder;
    const page: number[] = [];
    const late: number[] = [];
    let count = 0;
    for (const doc of order) {
      if (!passes(doc)) continue;
      count++;
      if (isExpiredAt(doc, now)) {
        if (late.length < limit) late.push(doc);
      } else if (page.length < limit) {
        page.push(doc);
      }
    }
    const docs = page.concat(late).slice(0, limit);
    return { total: count, offers: docs.map((d) => offers[d] as Offer) };
  }

  return {
    query,
    search: (text, limit) => query(text, { limit }).offers,
    categories: data.categories,
    geos: data.geos,
  };
}

/** The best `k` of `items` in order, without sorting them all (a keystroke may hit 50,000). */
function topK(items: number[], k: number, compare: (a: number, b: number) => number): number[] {
  const top: number[] = [];
  for (const item of items) {
    if (top.length === k && compare(item, top[k - 1] as number) >= 0) continue;
    let lo = 0;
    let hi = top.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(top[mid] as number, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    top.splice(lo, 0, item);
    if (top.length > k) top.pop();
  }
  return top;
}

function passesFilters(offer: Offer, categories: string, q: ParsedQuery): boolean {
  if (q.platform && offer.platform !== q.platform) return false;
  if (q.geo && !acceptsCountry(offer, q.geo)) return false;
  if (q.minPayout !== null && (offer.payout?.amount ?? -1) < q.minPayout) return false;
  if (q.category && !categories.includes(q.category)) return false;
  return true;
}

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as string) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Rows of the edit-distance table, reused by every call (words are short).
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal-string-alignment distance ≤ max (a swap of two letters counts as one edit). */
export function withinEdits(a: string, b: string, max: number): boolean {
  if (Math.abs(a.length - b.length) > max) return false;
  if (b.length + 1 > rowA.length) {
    rowA = new Int32Array(b.length + 1);
    rowB = new Int32Array(b.length + 1);
    rowC = new Int32Array(b.length + 1);
  }
  let prevPrev = rowA;
  let prev = rowB;
  let row = rowC;
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    row[0] = i;
    let best = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + (ca === cb ? 0 : 1),
      );
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) {
        v = Math.min(v, (prevPrev[j - 2] as number) + 1);
      }
      row[j] = v;
      if (v < best) best = v;
    }
    if (best > max) return false;
    const oldest = prevPrev;
    prevPrev = prev;
    prev = row;
    row = oldest;
  }
  return (prev[b.length] as number) <= max;
}
