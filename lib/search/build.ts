import { compareText, type Offer, payoutAmount } from '../offer';
import { storeKey } from '../store-url';
import { fold, tokenize } from './query';

// Field weights, in halves (stored as bytes): what a publisher types is most often part of the
// offer's name or the app id.
const W_NAME = 6;
const W_APP = 5;
const W_CATEGORY = 4;
const W_ID = 4;
const W_DESCRIPTION = 2;
/** Stored weights are halves. */
export const WEIGHT_UNIT = 0.5;

export const PLATFORM_CODES = { android: 1, ios: 2 } as const;
/** Bumped with every change of SearchIndexData's shape. */
export const SEARCH_INDEX_VERSION = 5;

/**
 * Many strings stored as one UTF-8 byte array: from IndexedDB, bytes load far faster than 100,000
 * strings (and than one long string, which a single non-Latin letter makes two bytes a char).
 */
export interface StoredStrings {
  utf8: Uint8Array;
  /** String i is the decoded text's [starts[i] .. starts[i + 1]) (UTF-16 positions). */
  starts: Int32Array;
}

/** StoredStrings, decoded once for use. */
export interface PackedStrings {
  text: string;
  starts: Int32Array;
}

export function packStrings(list: string[]): StoredStrings {
  const starts = new Int32Array(list.length + 1);
  let at = 0;
  list.forEach((item, i) => {
    starts[i] = at;
    at += item.length;
  });
  starts[list.length] = at;
  return { utf8: new TextEncoder().encode(list.join('')), starts };
}

export function unpackStrings(stored: StoredStrings): PackedStrings {
  return { text: new TextDecoder().decode(stored.utf8), starts: stored.starts };
}

export function stringAt(packed: PackedStrings, i: number): string {
  return packed.text.slice(packed.starts[i], packed.starts[i + 1]);
}

/**
 * The search index as plain data: the sorted vocabulary with every word's postings packed in
 * typed arrays, the sort orders, and one column per filter (platform, payout, expiry, countries,
 * categories, id, app). Everything a query needs is here, ready to use: an extension page loads
 * it from IndexedDB and searches at once, without the offers, reading only the offers of the rows
 * it shows. Doc n is the snapshot's offer n. Building it is the costly part (about a second for
 * 50,000 offers): the background builds it once per feed and stores it next to the snapshot.
 */
export interface SearchIndexData {
  version: typeof SEARCH_INDEX_VERSION;
  size: number;
  /** Sorted vocabulary; word i's postings are docs/weights[offsets[i] .. offsets[i + 1]). */
  tokens: StoredStrings;
  offsets: Int32Array;
  docs: Int32Array;
  /** In WEIGHT_UNITs. */
  weights: Uint8Array;
  /** Token indices by length (numbers left out: never typo-corrected); length L is byLength[lengthStarts[L] .. lengthStarts[L + 1]). */
  byLength: Int32Array;
  lengthStarts: Int32Array;
  payoutOrder: Int32Array;
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
  /** 0 unknown, 1 Android, 2 iOS. */
  platforms: Uint8Array;
  /** Payout amount, -1 when unknown. */
  payouts: Float64Array;
  /** Epoch ms, Infinity when it never expires. */
  expiries: Float64Array;
  /** Doc n's countries are geos[geoCodes[geoStarts[n] .. geoStarts[n + 1])]. */
  geoStarts: Int32Array;
  geoCodes: Uint16Array;
  /** Doc n's categories are categories[categoryCodes[categoryStarts[n] .. categoryStarts[n + 1])]. */
  categoryStarts: Int32Array;
  categoryCodes: Uint16Array;
}

interface Postings {
  docs: number[];
  weights: number[];
}

export function buildSearchIndexData(offers: Offer[]): SearchIndexData {
  const n = offers.length;
  const postings = new Map<string, Postings>();
  const categoryCount = new Map<string, number>();
  const geoSet = new Set<string>();

  const add = (token: string, doc: number, weight: number) => {
    let p = postings.get(token);
    if (!p) {
      p = { docs: [], weights: [] };
      postings.set(token, p);
    }
    // Fields are added heaviest first, so a (token, doc) pair keeps the first weight it gets.
    if (p.docs[p.docs.length - 1] !== doc) {
      p.docs.push(doc);
      p.weights.push(weight);
    }
  };

  for (let doc = 0; doc < n; doc++) {
    const offer = offers[doc] as Offer;
    for (const t of tokenize(offer.name)) add(t, doc, W_NAME);
    if (offer.store) {
      add(offer.store.appId.toLowerCase(), doc, W_APP);
      // "com.spotify.music" also answers to "spotify" and "music"; the leading "com"/"org"
      // would match half the feed and mean nothing.
      const parts = tokenize(offer.store.appId);
      for (const part of offer.store.store === 'google-play' ? parts.slice(1) : parts) add(part, doc, W_APP);
    }
    for (const t of tokenize(offer.id)) add(t, doc, W_ID);
    for (const c of offer.categories) {
      for (const t of tokenize(c)) add(t, doc, W_CATEGORY);
      categoryCount.set(c, (categoryCount.get(c) ?? 0) + 1);
    }
    for (const t of tokenize(offer.description)) add(t, doc, W_DESCRIPTION);
    for (const g of offer.geos) geoSet.add(g);
  }

  const tokens = [...postings.keys()].sort(compareText);
  const offsets = new Int32Array(tokens.length + 1);
  let length = 0;
  tokens.forEach((token, i) => {
    offsets[i] = length;
    length += (postings.get(token) as Postings).docs.length;
  });
  offsets[tokens.length] = length;
  const docs = new Int32Array(length);
  const weights = new Uint8Array(length);
  tokens.forEach((token, i) => {
    const p = postings.get(token) as Postings;
    docs.set(p.docs, offsets[i]);
    weights.set(p.weights, offsets[i]);
  });

  const categories = [...categoryCount.entries()]
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .map(([c]) => c);
  const geos = [...geoSet].sort();
  const categoryCode = new Map(categories.map((c, i) => [c, i]));
  const geoCode = new Map(geos.map((g, i) => [g, i]));

  // Orders for the sorts, computed once so a query only compares integers. String comparisons are
  // the slow part of sorting 100,000 offers: names are ranked once, and the payout order (the same
  // as byPayout: payout, name, id) compares the ranks.
  const all = Array.from({ length: n }, (_, i) => i);
  const order = (compare: (a: number, b: number) => number) => Int32Array.from([...all].sort(compare));
  const ids = offers.map((o) => o.id);
  const names = offers.map((o) => o.name);
  const nameOrder = order((a, b) => compareText(names[a] as string, names[b] as string) || a - b);
  const nameRank = new Int32Array(n);
  nameOrder.forEach((doc, i) => {
    // Equal names share a rank, so the id decides between them.
    const previous = nameOrder[i - 1];
    nameRank[doc] = previous !== undefined && names[previous] === names[doc] ? (nameRank[previous] as number) : i;
  });
  const payouts = Float64Array.from(offers, payoutAmount);
  const expiries = Float64Array.from(offers, expiryOf);
  return {
    version: SEARCH_INDEX_VERSION,
    size: n,
    tokens: packStrings(tokens),
    offsets,
    docs,
    weights,
    ...groupByLength(tokens),
    payoutOrder: order(
      (a, b) =>
        (payouts[b] as number) - (payouts[a] as number) ||
        (nameRank[a] as number) - (nameRank[b] as number) ||
        compareText(ids[a] as string, ids[b] as string) ||
        a - b,
    ),
    nameOrder,
    expiryOrder: order((a, b) => (expiries[a] as number) - (expiries[b] as number) || a - b),
    categories,
    geos,
    ids: packStrings(ids),
    ...packApps(offers),
    platforms: Uint8Array.from(offers, (o) => (o.platform ? PLATFORM_CODES[o.platform] : 0)),
    payouts,
    expiries,
    ...packLists(offers, (o) => o.geos.map((g) => geoCode.get(g) as number), 'geo'),
    ...packLists(offers, (o) => o.categories.map((c) => categoryCode.get(c) as number), 'category'),
  } as SearchIndexData;
}

/** Folded category names, for the category filter (a filter word matches inside a name). */
export function foldedCategories(data: SearchIndexData): string[] {
  return data.categories.map(fold);
}

function packLists<K extends 'geo' | 'category'>(offers: Offer[], codes: (offer: Offer) => number[], kind: K) {
  const starts = new Int32Array(offers.length + 1);
  const all: number[] = [];
  offers.forEach((offer, doc) => {
    starts[doc] = all.length;
    all.push(...codes(offer));
  });
  starts[offers.length] = all.length;
  return { [`${kind}Starts`]: starts, [`${kind}Codes`]: Uint16Array.from(all) } as Record<`${K}Starts`, Int32Array> &
    Record<`${K}Codes`, Uint16Array>;
}

/** Token indices grouped by length (numbers left out: they are never typo-corrected). */
function groupByLength(tokens: string[]): Pick<SearchIndexData, 'byLength' | 'lengthStarts'> {
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

function packApps(offers: Offer[]): Pick<SearchIndexData, 'apps' | 'appCodes'> {
  const codes = new Map<string, number>();
  const appCodes = Uint32Array.from(offers, (offer) => {
    if (!offer.store) return 0;
    const key = storeKey(offer.store);
    let code = codes.get(key);
    if (code === undefined) {
      code = codes.size + 1;
      codes.set(key, code);
    }
    return code;
  });
  return { apps: packStrings([...codes.keys()]), appCodes };
}

function expiryOf(offer: Offer): number {
  return offer.expiresAt ?? Number.POSITIVE_INFINITY;
}
