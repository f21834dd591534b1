import { normaliseCountry } from '../country';
import { messageTable } from '../i18n/lazy';
import type { Platform } from '../offer';

/** The orders a list can have, the one definition every surface and message uses. */
export const SORT_KEYS = ['best', 'payout', 'name', 'expiry'] as const;
export type SortKey = (typeof SORT_KEYS)[number];

export const SORT_LABELS: Readonly<Record<SortKey, string>> = messageTable({
  best: 'searchSortBest',
  payout: 'searchSortPayout',
  name: 'searchSortName',
  expiry: 'searchSortExpiry',
});

export interface SearchFilters {
  platform: Platform | null;
  geo: string | null;
  category: string | null;
  /** In USD (payouts in other currencies compare by their USD equivalent). */
  minPayout: number | null;
  /** Only this source's offers (a source id; '' for offers that name none). */
  network: string | null;
  sort: SortKey;
}

/** What a source (a network account) answers to in a `net:` term: its network's names, its label. */
export interface SourceNames {
  id: string;
  names: string[];
}

/** A search as the publisher left it: the text typed and the filter controls (null = any). */
export interface SearchState extends SearchFilters {
  query: string;
  /** Only what the publisher watches. */
  watching: boolean;
  /** Only this app's offers (its storeKey): a right-click on a store link, or "On this page". */
  app: string | null;
}

export const DEFAULT_SEARCH_STATE: SearchState = {
  query: '',
  watching: false,
  app: null,
  platform: null,
  geo: null,
  category: null,
  minPayout: null,
  network: null,
  sort: 'best',
};

export interface ParsedQuery extends SearchFilters {
  /** Free-text words, lower-cased and folded. */
  words: string[];
  /** A `net:` term, folded: the sources with a name it begins (overrides `network`). */
  networkName: string | null;
  /** The query as typed, trimmed, for the exact-id check. */
  raw: string;
}

const PACKAGE_RE = /^[a-z][\w]*(\.[\w]+)+$/i;
// Stryker disable next-line Regex: without the final $ the greedy (.+) still reaches the end
const TERM_RE = /^(geo|country|platform|os|cat|category|net|network|sort):(.+)$/i;
const PAYOUT_RE = /^payout(>=?)(\d+(?:[.,]\d+)?)$/i;
type FilterKey = keyof SearchFilters;

/**
 * Split a query into words and power-user terms: `geo:US`, `platform:ios`, `cat:games`,
 * `payout>1.5` (also `>=`), `net:affise`, `sort:payout`. Terms override the control values in `base`.
 */
export function parseQuery(query: string, base: Partial<SearchFilters> = {}): ParsedQuery {
  const parsed: ParsedQuery = {
    platform: base.platform ?? null,
    geo: normaliseCountry(base.geo),
    category: base.category ? base.category.toLowerCase() : null,
    minPayout: base.minPayout ?? null,
    network: base.network ?? null,
    sort: base.sort ?? 'best',
    words: [],
    networkName: null,
    raw: query.trim(),
  };
  // An empty token (white space at either end) is no term, no package and no word.
  // Stryker disable next-line Regex: runs of white space only add more empty tokens
  for (const token of query.split(/\s+/)) {
    const term = readTerm(token);
    if (term) Object.assign(parsed, term.value);
    else if (PACKAGE_RE.test(token)) {
      // A package name is one word: "com.king.candycrushsaga" means that app, not "com" + "king".
      parsed.words.push(token.toLowerCase());
    } else {
      parsed.words.push(...tokenize(token));
    }
  }
  return parsed;
}

/** A power-user term's filter, or null when the token is a plain word. */
function readTerm(token: string): { key: FilterKey; value: Partial<ParsedQuery> } | null {
  const payout = PAYOUT_RE.exec(token);
  if (payout) return { key: 'minPayout', value: { minPayout: Number((payout[2] ?? '0').replace(',', '.')) } };
  const term = TERM_RE.exec(token);
  if (!term) return null;
  const key = (term[1] ?? '').toLowerCase();
  const value = term[2] ?? '';
  const lower = value.toLowerCase();
  if (key === 'geo' || key === 'country')
    return { key: 'geo', value: { geo: normaliseCountry(value) ?? value.toUpperCase() } };
  if (key === 'platform' || key === 'os') {
    const platform = lower.startsWith('and')
      ? 'android'
      : ['ios', 'iphone', 'ipad', 'apple'].includes(lower)
        ? 'ios'
        : null;
    return { key: 'platform', value: { platform } };
  }
  if (key === 'cat' || key === 'category') return { key: 'category', value: { category: lower.replace(/_/g, ' ') } };
  if (key === 'net' || key === 'network')
    return { key: 'network', value: { networkName: fold(value).replace(/_/g, ' ') } };
  return { key: 'sort', value: (SORT_KEYS as readonly string[]).includes(lower) ? { sort: lower as SortKey } : {} };
}

/**
 * The filters in force: the controls, overridden by terms typed in the query (what the controls
 * show). A typed `net:` shows as its source when it names exactly one of `sources`.
 */
export function effectiveFilters(state: SearchState, sources: SourceNames[] = []): SearchFilters {
  const { platform, geo, category, minPayout, network, networkName, sort } = parseQuery(state.query, state);
  const named = networkName === null ? [] : sourcesNamed(networkName, sources);
  return {
    platform,
    geo,
    category,
    minPayout,
    network: networkName === null ? network : named.length === 1 ? (named[0] as string) : null,
    sort,
  };
}

/** The ids of the sources with a name that begins with `text` (folded: any case, no accents). */
export function sourcesNamed(text: string, sources: SourceNames[]): string[] {
  const wanted = fold(text);
  return sources.filter((source) => source.names.some((name) => fold(name).startsWith(wanted))).map((s) => s.id);
}

/**
 * Set one filter from its control. A term for the same filter typed in the query would
 * override the control, so it is taken out of the query text.
 */
export function withFilter<K extends FilterKey>(state: SearchState, key: K, value: SearchFilters[K]): SearchState {
  const tokens = state.query.trim().split(/\s+/);
  const kept = tokens.filter((token) => readTerm(token)?.key !== key);
  // Text the publisher typed stays as typed, unless a term had to come out of it.
  const query = kept.length === tokens.length ? state.query : kept.join(' ');
  return { ...state, query, [key]: value };
}

/** Lower-case, strip accents, split on anything that is not a letter or digit. */
export function tokenize(text: string): string[] {
  const folded = fold(text);
  return (ASCII_RE.test(folded) ? folded.split(/[^a-z0-9]+/) : folded.split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
}

export function fold(text: string): string {
  // Most feed text is ASCII: skip the (costly) Unicode decomposition for it.
  // Stryker disable next-line ConditionalExpression: a fast path; decomposing ASCII changes nothing
  if (ASCII_RE.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

// Stryker disable next-line Regex: only chooses the fast path; both paths fold ASCII the same
const ASCII_RE = /^[ -~\t\n\r]*$/; // printable ASCII and common white space
