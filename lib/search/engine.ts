import { normaliseCountry } from '../country';
import { foldedCategories, PLATFORM_CODES, type SearchIndexData } from './data';
import { createWordMatcher } from './match';
import { stringAt, unpackStrings } from './packed';
import { payoutOrder, type Rates, ratesKey, type ToUsd, usdValues } from './payout';
import { type ParsedQuery, parseQuery, type SearchFilters, type SourceNames, sourcesNamed } from './query';

export interface QueryOptions {
  limit?: number;
  filters?: Partial<SearchFilters>;
  /** Only the docs this accepts (the "Watching" filter). */
  only?: (doc: number) => boolean;
  /** For expiry ranking; expired offers go last. 0: no expiry ranking. */
  now?: number;
  /** The rate table payouts are compared in (sort, "best", `payout>`, Min $); none: the converter's own. */
  rates?: Rates;
  /** The names each source answers to in a `net:` term. */
  sources?: SourceNames[];
}

export interface EngineOptions {
  /** lib/currency's toUsd. Without it, payouts compare by amount as paid, whatever the currency. */
  toUsd?: ToUsd;
}

export interface DocResult {
  total: number;
  docs: number[];
}

export type SearchEngine = ReturnType<typeof createSearchEngine>;

/**
 * The search itself, over the packed index only (no offers needed): the words (match.ts), then
 * the filters, then the order. Answers doc numbers. Opening it costs next to nothing: everything
 * it looks things up in was built with the index.
 */
export function createSearchEngine(data: SearchIndexData, { toUsd }: EngineOptions = {}) {
  const n = data.size;
  const words = createWordMatcher(data, n);
  const ids = unpackStrings(data.ids);
  const idOf = (doc: number) => stringAt(ids, doc);
  const apps = unpackStrings(data.apps);
  const appKeyOf = (doc: number) => {
    const code = data.appCodes[doc] as number;
    return code === 0 ? '' : stringAt(apps, code - 1);
  };
  const categoryNames = foldedCategories(data);
  const ranks = new WeakMap<Int32Array, Int32Array>();
  /** Position of each doc in an order, computed the first time that order ranks a query. */
  const rankOf = (order: Int32Array) => {
    let r = ranks.get(order);
    if (!r) {
      r = new Int32Array(n);
      for (let i = 0; i < n; i++) r[order[i] as number] = i;
      ranks.set(order, r);
    }
    return r;
  };

  const packedCurrencies = unpackStrings(data.currencies);
  const currencies = Array.from({ length: packedCurrencies.starts.length - 1 }, (_, i) =>
    stringAt(packedCurrencies, i),
  );
  /** Payouts in USD and their order with one rate table, each worked out the first time a query needs it. */
  let inUsd: { key: string; values: Float64Array | null; order: Int32Array | null } = {
    key: '',
    values: null,
    order: null,
  };
  const withRates = (rates: Rates | undefined) => {
    const key = ratesKey(rates);
    if (inUsd.key !== key) inUsd = { key, values: null, order: null };
    return inUsd;
  };
  function payoutsIn(rates: Rates | undefined): Float64Array {
    if (!toUsd) return data.payouts;
    const usd = withRates(rates);
    usd.values ??= usdValues(data.payouts, data.currencyCodes, currencies, toUsd, rates);
    return usd.values;
  }
  /** The build's order when it used the same table (a page's first screen needs no conversion). */
  function payoutOrderIn(rates: Rates | undefined): Int32Array {
    if (!toUsd) return data.payoutOrder;
    const usd = withRates(rates);
    usd.order ??=
      data.payoutOrderRates === usd.key ? data.payoutOrder : payoutOrder(payoutsIn(rates), rankOf(data.nameOrder));
    return usd.order;
  }

  const sources = unpackStrings(data.sources);
  const sourceCode = new Map<string, number>([['', 0]]);
  for (let i = 0; i < sources.starts.length - 1; i++) sourceCode.set(stringAt(sources, i), i + 1);
  /** The source (network account) a doc's offer came from, '' when it named none. */
  const sourceOf = (doc: number) => {
    const code = data.sourceCodes[doc] as number;
    return code === 0 ? '' : stringAt(sources, code - 1);
  };

  /**
   * The doc whose id is `raw` (any case), from `source` when given (ids repeat across sources),
   * if any: one pass over the ids, for a page opened on an offer.
   */
  function docWithId(raw: string, source?: string): number | undefined {
    const id = raw.toLowerCase();
    const code = source === undefined ? -1 : sourceCode.get(source);
    if (code === undefined) return undefined;
    for (let doc = 0; doc < n; doc++)
      if ((code === -1 || data.sourceCodes[doc] === code) && idOf(doc).toLowerCase() === id) return doc;
    return undefined;
  }

  /** The source codes a query keeps (null: all): a typed `net:` by name, else the network control by id. */
  function sourcesFor(q: ParsedQuery, names: SourceNames[]): Set<number> | null {
    const ids = q.networkName !== null ? sourcesNamed(q.networkName, names) : q.network !== null ? [q.network] : null;
    if (!ids) return null;
    const codes = new Set<number>();
    for (const id of ids) {
      const code = sourceCode.get(id);
      if (code !== undefined) codes.add(code);
    }
    return codes;
  }

  function filterFor(
    q: ParsedQuery,
    only: ((doc: number) => boolean) | undefined,
    payouts: () => Float64Array,
    kept: Set<number> | null,
  ): ((doc: number) => boolean) | null {
    const platform = q.platform ? PLATFORM_CODES[q.platform] : 0;
    const geo = q.geo ? data.geos.indexOf(normaliseCountry(q.geo) ?? q.geo) : -2;
    const category = q.category;
    const categories = category
      ? new Set(categoryNames.flatMap((name, i) => (name.includes(category) ? [i] : [])))
      : null;
    const minPayout = q.minPayout;
    const usd = minPayout === null ? null : payouts();
    if (!platform && geo === -2 && !categories && minPayout === null && !kept && !only) return null;
    return (doc) =>
      (!platform || data.platforms[doc] === platform) &&
      (!kept || kept.has(data.sourceCodes[doc] as number)) &&
      (geo === -2 || listHas(data.geoStarts, data.geoCodes, doc, geo, true)) &&
      (!categories || listHasAny(data.categoryStarts, data.categoryCodes, doc, categories)) &&
      (minPayout === null || ((usd as Float64Array)[doc] as number) >= minPayout) &&
      (!only || only(doc));
  }

  function query(text: string, options: QueryOptions = {}): DocResult {
    const limit = options.limit ?? 50;
    const now = options.now ?? 0;
    const q = parseQuery(text, options.filters);
    const { rates } = options;
    const passes = filterFor(q, options.only, () => payoutsIn(rates), sourcesFor(q, options.sources ?? []));
    const expired = (doc: number) => now > 0 && (data.expiries[doc] as number) <= now;
    const order = q.sort === 'name' ? data.nameOrder : q.sort === 'expiry' ? data.expiryOrder : payoutOrderIn(rates);

    if (q.words.length === 0) {
      // Browsing: walk the chosen order, expired offers after the others.
      const page: number[] = [];
      const late: number[] = [];
      let count = 0;
      for (const doc of order) {
        if (passes && !passes(doc)) continue;
        count++;
        const list = expired(doc) ? late : page;
        if (list.length < limit) list.push(doc);
      }
      return { total: count, docs: page.concat(late).slice(0, limit) };
    }

    const { docs: matched, score } = words.match(q.words);
    const hits = passes ? matched.filter(passes) : matched;
    // An offer id typed in full comes first. Ids are indexed as words, so its offer is a hit.
    const raw = q.raw.toLowerCase();
    const exact = /\s/.test(raw) ? undefined : hits.find((doc) => idOf(doc).toLowerCase() === raw);
    const sortRank = rankOf(order);
    const byScore = q.sort === 'best';
    const compare = (a: number, b: number) =>
      Number(b === exact) - Number(a === exact) ||
      Number(expired(a)) - Number(expired(b)) ||
      (byScore ? (score[b] as number) - (score[a] as number) : 0) ||
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

  return {
    query,
    size: n,
    categories: data.categories,
    geos: data.geos,
    idOf,
    appKeyOf,
    sourceOf,
    docWithId,
    docsOfApp,
  };
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
