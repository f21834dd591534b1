import { normaliseCountry } from '../country';
import { foldedCategories, PLATFORM_CODES, type SearchIndexData, stringAt, unpackStrings, WEIGHT_UNIT } from './build';
import { type ParsedQuery, parseQuery, type SearchFilters } from './query';

// How much a partial match is worth against an exact word.
const PREFIX = 0.7;
const FUZZY = 0.45;

export interface QueryOptions {
  limit?: number;
  filters?: Partial<SearchFilters>;
  /** Only the docs this accepts (the "Watching" filter). */
  only?: (doc: number) => boolean;
  /** For expiry ranking; expired offers go last. 0: no expiry ranking. */
  now?: number;
}

export interface DocResult {
  total: number;
  docs: number[];
}

export type SearchEngine = ReturnType<typeof createSearchEngine>;

/**
 * The search itself, over the packed index only (no offers needed): exact words, prefixes
 * (binary search in the sorted vocabulary) and one or two typos (bounded edit distance over
 * words of similar length), then the filters, then the order. Answers doc numbers. Opening it
 * costs next to nothing: everything it looks things up in was built with the index.
 */
export function createSearchEngine(data: SearchIndexData) {
  const n = data.size;
  const count = data.tokens.starts.length - 1;
  const tokens = unpackStrings(data.tokens);
  const ids = unpackStrings(data.ids);
  const tokenAt = (i: number) => stringAt(tokens, i);
  const idOf = (doc: number) => stringAt(ids, doc);
  const apps = unpackStrings(data.apps);
  const appKeyOf = (doc: number) => {
    const code = data.appCodes[doc] as number;
    return code === 0 ? '' : stringAt(apps, code - 1);
  };
  const categoryNames = foldedCategories(data);
  const ranks: Partial<Record<'payout' | 'name' | 'expiry', Int32Array>> = {};
  /** Position of each doc in an order, computed the first time that order ranks a query. */
  const rankOf = (order: 'payout' | 'name' | 'expiry') => {
    let r = ranks[order];
    if (!r) {
      r = new Int32Array(n);
      for (let i = 0; i < n; i++) r[data[`${order}Order`][i] as number] = i;
      ranks[order] = r;
    }
    return r;
  };

  /** The first token not below `word` (binary search over the sorted vocabulary). */
  function lowerBound(word: string): number {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (tokenAt(mid) < word) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The doc whose id is `raw` (any case), if any: one pass over the ids, for a page opened on an offer. */
  function docWithId(raw: string): number | undefined {
    const id = raw.toLowerCase();
    for (let doc = 0; doc < n; doc++) if (idOf(doc).toLowerCase() === id) return doc;
    return undefined;
  }

  // Scratch space reused by every query (one query at a time, no allocation per keystroke).
  const total = new Float32Array(n);
  const wordScore = new Float32Array(n);
  const seen = new Uint32Array(n);
  let stamp = 0;

  function visit(i: number, factor: number, touched: number[]): void {
    for (let at = data.offsets[i] as number; at < (data.offsets[i + 1] as number); at++) {
      const doc = data.docs[at] as number;
      const score = (data.weights[at] as number) * WEIGHT_UNIT * factor;
      if (wordScore[doc] === 0) touched.push(doc);
      if (score > (wordScore[doc] as number)) wordScore[doc] = score;
    }
  }

  function matchWord(word: string, touched: number[]): void {
    // The word itself, then every word it begins (worth more the closer in length).
    for (let i = lowerBound(word); i < count; i++) {
      const token = tokenAt(i);
      if (!token.startsWith(word)) break;
      visit(i, token === word ? 1 : PREFIX * (0.5 + (0.5 * word.length) / token.length), touched);
    }
    // Typos only in longer words, where they are typos and not a different word; ids never.
    const maxEdits = word.includes('.') || isNumber(word) ? 0 : word.length >= 8 ? 2 : word.length >= 4 ? 1 : 0;
    const from = data.lengthStarts[Math.max(0, word.length - maxEdits)] ?? 0;
    const to = data.lengthStarts[Math.min(data.lengthStarts.length - 1, word.length + maxEdits + 1)] ?? 0;
    for (let k = from; maxEdits > 0 && k < to; k++) {
      const i = data.byLength[k] as number;
      const token = tokenAt(i);
      if (!token.startsWith(word) && withinEdits(word, token, maxEdits)) visit(i, FUZZY, touched);
    }
  }

  /** Every word, in any order, must match; the rarest first, so the candidates only narrow. */
  function matchAll(words: string[]): number[] {
    const postingsOf = (word: string) => {
      const i = lowerBound(word);
      return i < count && tokenAt(i) === word ? (data.offsets[i + 1] as number) - (data.offsets[i] as number) : 0;
    };
    let candidates: number[] = [];
    [...words]
      .sort((a, b) => postingsOf(a) - postingsOf(b))
      .forEach((word, w) => {
        if (w > 0 && candidates.length === 0) return;
        const touched: number[] = [];
        matchWord(word, touched);
        if (w === 0) {
          for (const doc of touched) total[doc] = wordScore[doc] as number;
          candidates = touched;
        } else {
          stamp++;
          for (const doc of touched) seen[doc] = stamp;
          candidates = candidates.filter((doc) => seen[doc] === stamp);
          for (const doc of candidates) total[doc] = (total[doc] as number) + (wordScore[doc] as number);
        }
        for (const doc of touched) wordScore[doc] = 0;
      });
    return candidates;
  }

  function filterFor(q: ParsedQuery, only: ((doc: number) => boolean) | undefined): ((doc: number) => boolean) | null {
    const platform = q.platform ? PLATFORM_CODES[q.platform] : 0;
    const geo = q.geo ? data.geos.indexOf(normaliseCountry(q.geo) ?? q.geo) : -2;
    const category = q.category;
    const categories = category
      ? new Set(categoryNames.flatMap((name, i) => (name.includes(category) ? [i] : [])))
      : null;
    const minPayout = q.minPayout;
    if (!platform && geo === -2 && !categories && minPayout === null && !only) return null;
    return (doc) =>
      (!platform || data.platforms[doc] === platform) &&
      (geo === -2 || listHas(data.geoStarts, data.geoCodes, doc, geo, true)) &&
      (!categories || listHasAny(data.categoryStarts, data.categoryCodes, doc, categories)) &&
      (minPayout === null || (data.payouts[doc] as number) >= minPayout) &&
      (!only || only(doc));
  }

  function query(text: string, options: QueryOptions = {}): DocResult {
    const limit = options.limit ?? 50;
    const now = options.now ?? 0;
    const q = parseQuery(text, options.filters);
    const passes = filterFor(q, options.only);
    const expired = (doc: number) => now > 0 && (data.expiries[doc] as number) <= now;
    const order = q.sort === 'name' ? 'name' : q.sort === 'expiry' ? 'expiry' : 'payout';

    if (q.words.length === 0) {
      // Browsing: walk the chosen order, expired offers after the others.
      const page: number[] = [];
      const late: number[] = [];
      let count = 0;
      for (const doc of data[`${order}Order`]) {
        if (passes && !passes(doc)) continue;
        count++;
        const list = expired(doc) ? late : page;
        if (list.length < limit) list.push(doc);
      }
      return { total: count, docs: page.concat(late).slice(0, limit) };
    }

    const matched = matchAll(q.words);
    const hits = passes ? matched.filter(passes) : matched;
    // An offer id typed in full comes first. Ids are indexed as words, so its offer is a hit.
    const raw = q.raw.toLowerCase();
    const exact = /\s/.test(raw) ? undefined : hits.find((doc) => idOf(doc).toLowerCase() === raw);
    const sortRank = rankOf(order);
    const byScore = q.sort === 'best';
    const compare = (a: number, b: number) =>
      Number(b === exact) - Number(a === exact) ||
      Number(expired(a)) - Number(expired(b)) ||
      (byScore ? (total[b] as number) - (total[a] as number) : 0) ||
      (sortRank[a] as number) - (sortRank[b] as number);
    return { total: hits.length, docs: topK(hits, limit, compare) };
  }

  let appCodeOf: Map<string, number> | null = null;
  /** The docs of one app (by storeKey), in feed order. */
  function docsOfApp(key: string): number[] {
    if (!appCodeOf) {
      appCodeOf = new Map();
      for (let i = 0; i < apps.starts.length - 1; i++) appCodeOf.set(stringAt(apps, i), i + 1);
    }
    const code = appCodeOf.get(key);
    const docs: number[] = [];
    if (code === undefined) return docs;
    for (let doc = 0; doc < n; doc++) if (data.appCodes[doc] === code) docs.push(doc);
    return docs;
  }

  return { query, size: n, categories: data.categories, geos: data.geos, idOf, appKeyOf, docWithId, docsOfApp };
}

/** Does doc's list hold `code` (or, with `emptyMeansAll`, is it empty — an offer listing no countries takes any)? */
function listHas(starts: Int32Array, codes: Uint16Array, doc: number, code: number, emptyMeansAll: boolean): boolean {
  const from = starts[doc] as number;
  const to = starts[doc + 1] as number;
  if (emptyMeansAll && from === to) return true;
  for (let i = from; i < to; i++) if (codes[i] === code) return true;
  return false;
}

function listHasAny(starts: Int32Array, codes: Uint16Array, doc: number, wanted: Set<number>): boolean {
  for (let i = starts[doc] as number; i < (starts[doc + 1] as number); i++)
    if (wanted.has(codes[i] as number)) return true;
  return false;
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

function isNumber(word: string): boolean {
  return /^\d+$/.test(word);
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
