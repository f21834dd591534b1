import type { StoredStrings } from './packed';
import { fold } from './query';

/** Stored weights are sixteenths (bytes: the heaviest, 10, is 160). */
export const WEIGHT_UNIT = 1 / 16;

/** The vocabulary part of the index: every word with the docs it is in and how much it weighs there. */
export interface WordIndex {
  /** Sorted vocabulary; word i's postings are docs/weights[offsets[i] .. offsets[i + 1]). */
  tokens: StoredStrings;
  offsets: Int32Array;
  docs: Int32Array;
  /** In WEIGHT_UNITs: the field's weight times the word's own (rarer words weigh more). */
  weights: Uint8Array;
  /** Token indices by length (numbers left out: never typo-corrected); length L is byLength[lengthStarts[L] .. lengthStarts[L + 1]). */
  byLength: Int32Array;
  lengthStarts: Int32Array;
}

export const PLATFORM_CODES = { android: 1, ios: 2 } as const;
/** Bumped with every change of SearchIndexData's shape. */
export const SEARCH_INDEX_VERSION = 8;

/**
 * The search index as plain data: the sorted vocabulary with every word's postings packed in
 * typed arrays, the sort orders, and one column per filter (platform, payout, expiry, countries,
 * categories, id, app). Everything a query needs is here, ready to use: an extension page loads
 * it from IndexedDB and searches at once, without the offers, reading only the offers of the rows
 * it shows. Doc n is the snapshot's offer n. Building it (build.ts) is the costly part (about a second
 * for 50,000 offers): the background builds it once per feed and stores it next to the snapshot.
 * Pages read this shape without the build's code.
 */
export interface SearchIndexData extends WordIndex {
  version: typeof SEARCH_INDEX_VERSION;
  size: number;
  /** By USD equivalent with the rates `payoutOrderRates` names (ratesKey), or by amount as paid when null. */
  payoutOrder: Int32Array;
  payoutOrderRates: string | null;
  /** By name, then id. */
  nameOrder: Int32Array;
  expiryOrder: Int32Array;
  /** Categories by how many offers have them, most first. */
  categories: string[];
  /** Every country any offer lists, sorted. */
  geos: string[];
  /** Columns, one entry per doc. */
  ids: StoredStrings;
  /** The apps (storeKeys), packed like the ids (33,000 strings cost ~60 ms to load one by one); doc n's is app appCodes[n] - 1, 0 when it has none. */
  apps: StoredStrings;
  appCodes: Uint32Array;
  /** The sources (network accounts) offers come from; doc n's is sources[sourceCodes[n] - 1], 0 for '' (none named). */
  sources: StoredStrings;
  sourceCodes: Uint16Array;
  /** 0 unknown, 1 Android, 2 iOS. */
  platforms: Uint8Array;
  /** Payout amount as the network pays it, -1 when unknown. */
  payouts: Float64Array;
  /** The currencies payouts are in; doc n's is currencies[currencyCodes[n] - 1], 0 when it has no payout. */
  currencies: StoredStrings;
  currencyCodes: Uint16Array;
  /** Epoch ms, Infinity when it never expires. */
  expiries: Float64Array;
  /** Doc n's countries are geos[geoCodes[geoStarts[n] .. geoStarts[n + 1])]. */
  geoStarts: Int32Array;
  geoCodes: Uint16Array;
  /** Doc n's categories are categories[categoryCodes[categoryStarts[n] .. categoryStarts[n + 1])]. */
  categoryStarts: Int32Array;
  categoryCodes: Uint16Array;
}

/** Folded category names, for the category filter (a filter word matches inside a name). */
export function foldedCategories(data: SearchIndexData): string[] {
  return data.categories.map(fold);
}

/** Token indices grouped by length (numbers left out: they are never typo-corrected). */
export function groupByLength(tokens: string[]): Pick<WordIndex, 'byLength' | 'lengthStarts'> {
  const buckets: number[][] = [];
  tokens.forEach((token, i) => {
    if (/^\d+$/.test(token)) return;
    buckets[token.length] ??= [];
    buckets[token.length]?.push(i);
  });
  const lengthStarts = new Int32Array(buckets.length + 1);
  const byLength: number[] = [];
  for (let len = 0; len < buckets.length; len++) {
    lengthStarts[len] = byLength.length;
    for (const i of buckets[len] ?? []) byLength.push(i);
  }
  lengthStarts[buckets.length] = byLength.length;
  return { byLength: Int32Array.from(byLength), lengthStarts };
}
