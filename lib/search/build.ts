import { byPayout, compareText, type Offer } from '../offer';
import { tokenize } from './query';

// Field weights: what a publisher types is most often part of the offer's name or the app id.
const W_NAME = 3;
const W_APP = 2.5;
const W_CATEGORY = 2;
const W_ID = 2;
const W_DESCRIPTION = 1;

/**
 * The search index as plain data: the sorted vocabulary with every word's postings packed in
 * typed arrays, and the sort orders. Building it is the costly part (about a second for 50,000
 * offers), so the background builds it once per feed and stores it next to the snapshot;
 * a waking background restores it in milliseconds (typed arrays clone cheaply).
 */
export interface SearchIndexData {
  version: 1;
  size: number;
  /** Sorted vocabulary; word i's postings are docs/weights[offsets[i] .. offsets[i + 1]). */
  tokens: string[];
  offsets: Int32Array;
  docs: Int32Array;
  weights: Float32Array;
  payoutOrder: Int32Array;
  nameOrder: Int32Array;
  expiryOrder: Int32Array;
  /** Categories by how many offers have them, most first. */
  categories: string[];
  geos: string[];
}

interface Postings {
  docs: number[];
  weights: number[];
}

export function buildSearchIndexData(offers: Offer[]): SearchIndexData {
  const n = offers.length;
  const postings = new Map<string, Postings>();
  const categoryCount = new Map<string, number>();
  const geos = new Set<string>();

  const add = (token: string, doc: number, weight: number) => {
    let p = postings.get(token);
    if (!p) {
      p = { docs: [], weights: [] };
      postings.set(token, p);
    }
    const last = p.docs.length - 1;
    if (last >= 0 && p.docs[last] === doc) {
      if ((p.weights[last] as number) < weight) p.weights[last] = weight;
    } else {
      p.docs.push(doc);
      p.weights.push(weight);
    }
  };

  for (let doc = 0; doc < n; doc++) {
    const offer = offers[doc] as Offer;
    // Fields are added heaviest first, so the first weight a (token, doc) gets is its best.
    for (const t of tokenize(offer.name)) add(t, doc, W_NAME);
    if (offer.store) {
      add(offer.store.appId.toLowerCase(), doc, W_APP);
      // "com.spotify.music" also answers to "spotify" and "music"; the leading "com"/"org"
      // would match half the feed and mean nothing.
      const parts = tokenize(offer.store.appId);
      for (let i = offer.store.store === 'google-play' ? 1 : 0; i < parts.length; i++) {
        add(parts[i] as string, doc, W_APP);
      }
    }
    for (const t of tokenize(offer.id)) add(t, doc, W_ID);
    for (const c of offer.categories) {
      for (const t of tokenize(c)) add(t, doc, W_CATEGORY);
      categoryCount.set(c, (categoryCount.get(c) ?? 0) + 1);
    }
    for (const t of tokenize(offer.description)) add(t, doc, W_DESCRIPTION);
    for (const g of offer.geos) geos.add(g);
  }

  const tokens = [...postings.keys()].sort();
  const offsets = new Int32Array(tokens.length + 1);
  let length = 0;
  tokens.forEach((token, i) => {
    offsets[i] = length;
    length += (postings.get(token) as Postings).docs.length;
  });
  offsets[tokens.length] = length;
  const docs = new Int32Array(length);
  const weights = new Float32Array(length);
  tokens.forEach((token, i) => {
    const p = postings.get(token) as Postings;
    docs.set(p.docs, offsets[i]);
    weights.set(p.weights, offsets[i]);
  });

  // Orders for the sorts, computed once so a query only compares integers.
  const all = Array.from({ length: n }, (_, i) => i);
  const order = (compare: (a: number, b: number) => number) => Int32Array.from([...all].sort(compare));
  return {
    version: 1,
    size: n,
    tokens,
    offsets,
    docs,
    weights,
    payoutOrder: order((a, b) => byPayout(offers[a] as Offer, offers[b] as Offer) || a - b),
    nameOrder: order((a, b) => compareText(offers[a]?.name ?? '', offers[b]?.name ?? '') || a - b),
    expiryOrder: order((a, b) => expiryOf(offers[a]) - expiryOf(offers[b]) || a - b),
    categories: [...categoryCount.entries()].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).map(([c]) => c),
    geos: [...geos].sort(),
  };
}

function expiryOf(offer: Offer | undefined): number {
  return offer?.expiresAt ?? Number.MAX_SAFE_INTEGER;
}
