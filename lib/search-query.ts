import type { Platform } from './feed';

export type SortKey = 'best' | 'payout' | 'name' | 'expiry';

export interface SearchFilters {
  platform: Platform | null;
  geo: string | null;
  category: string | null;
  minPayout: number | null;
  sort: SortKey;
}

export interface ParsedQuery extends SearchFilters {
  /** Free-text words, lower-cased and folded. */
  words: string[];
  /** The query as typed, trimmed, for the exact-id check. */
  raw: string;
}

const PACKAGE_RE = /^[a-z][\w]*(\.[\w]+)+$/i;
const SORTS = new Set<SortKey>(['best', 'payout', 'name', 'expiry']);

/**
 * Split a query into words and power-user terms: `geo:US`, `platform:ios`, `cat:games`,
 * `payout>1.5` (also `>=`), `sort:payout`. Terms override the control values in `base`.
 */
export function parseQuery(query: string, base: Partial<SearchFilters> = {}): ParsedQuery {
  const parsed: ParsedQuery = {
    platform: base.platform ?? null,
    geo: base.geo ? base.geo.toUpperCase() : null,
    category: base.category ? base.category.toLowerCase() : null,
    minPayout: base.minPayout ?? null,
    sort: base.sort ?? 'best',
    words: [],
    raw: query.trim(),
  };
  for (const token of query.trim().split(/\s+/)) {
    if (!token) continue;
    const term = /^(geo|country|platform|os|cat|category|sort):(.+)$/i.exec(token);
    const payout = /^payout(>=?)(\d+(?:[.,]\d+)?)$/i.exec(token);
    if (term) {
      const [, key = '', value = ''] = term;
      applyTerm(parsed, key.toLowerCase(), value);
    } else if (payout) {
      parsed.minPayout = Number((payout[2] ?? '0').replace(',', '.'));
    } else if (PACKAGE_RE.test(token)) {
      // A package name is one word: "com.king.candycrushsaga" means that app, not "com" + "king".
      parsed.words.push(token.toLowerCase());
    } else {
      parsed.words.push(...tokenize(token));
    }
  }
  return parsed;
}

function applyTerm(parsed: ParsedQuery, key: string, value: string): void {
  const lower = value.toLowerCase();
  if (key === 'geo' || key === 'country') {
    parsed.geo = lower === 'uk' ? 'GB' : value.toUpperCase();
  } else if (key === 'platform' || key === 'os') {
    if (lower.startsWith('and')) parsed.platform = 'android';
    else if (['ios', 'iphone', 'ipad', 'apple'].includes(lower)) parsed.platform = 'ios';
  } else if (key === 'cat' || key === 'category') {
    parsed.category = lower.replace(/_/g, ' ');
  } else if (key === 'sort' && SORTS.has(lower as SortKey)) {
    parsed.sort = lower as SortKey;
  }
}

/** Lower-case, strip accents, split on anything that is not a letter or digit. */
export function tokenize(text: string): string[] {
  const folded = fold(text);
  return (ASCII_RE.test(folded) ? folded.split(/[^a-z0-9]+/) : folded.split(/[^\p{L}\p{N}]+/u)).filter(Boolean);
}

export function fold(text: string): string {
  // Most feed text is ASCII: skip the (costly) Unicode decomposition for it.
  if (ASCII_RE.test(text)) return text.toLowerCase();
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const ASCII_RE = /^[ -~\t\n\r]*$/; // printable ASCII and common white space
