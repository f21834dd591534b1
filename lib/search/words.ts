import { compareText, type Offer } from '../offer';
import { groupByLength, WEIGHT_UNIT, type WordIndex } from './data';
import { packStrings } from './packed';
import { tokenize } from './query';

export { WEIGHT_UNIT, type WordIndex } from './data';

// Field weights. Offer names follow the network's pattern "App - Platform - GEOS - Event"
// ("Instagram - Android - AU/US/TH - Install + register"): what a publisher types is the app,
// while the platform, countries and event words are in nearly every name.
/** The whole app name as one word: "uber" for "Uber" above "uber" in "Uber Eats"; "tiktok" for "Tik Tok". */
const W_APP_NAME = 10;
const W_APP_WORD = 8;
/** A word inside an app name written as one: "vpn" in "NordVPN", "tok" in "TikTok". */
const W_APP_INNER_WORD = 7;
const W_APP_ID = 6;
const W_OFFER_ID = 6;
const W_CATEGORY = 4;
/** The name after the app: platform, countries, event. */
const W_NAME_REST = 3;
const W_DESCRIPTION = 2;

/** A word at most one offer in RARE has counts fully; one most offers have counts MIN_WORD_WEIGHT. */
const RARE = 50;
const MIN_WORD_WEIGHT = 0.15;
/** Longer app names are not joined into one word (a whole sentence is no app's name). */
const MAX_JOINED_WORDS = 6;
const MAX_JOINED_LENGTH = 40;

interface Postings {
  docs: number[];
  /** Field weights, until the word's own weight is known. */
  weights: number[];
}

/** The app's part of an offer name: before the first " - " ("Uber Eats - iOS - US - Install" → "Uber Eats"). */
export function splitName(name: string): { app: string; rest: string } {
  const hyphen = name.indexOf(' - ');
  const dash = name.indexOf(' – ');
  const cut = hyphen > 0 && (dash <= 0 || hyphen < dash) ? hyphen : dash;
  return cut > 0 ? { app: name.slice(0, cut), rest: name.slice(cut + 3) } : { app: name, rest: '' };
}

/**
 * How much a word says, from how many of the offers have it: fully for a word at most one offer in
 * 50 has (an app's name), down to MIN_WORD_WEIGHT for one nearly every offer has ("install",
 * "android", "us"). IDF-like, but bounded, so a rare word's typo never outweighs a common word typed right.
 */
function wordWeight(docsWithWord: number, size: number): number {
  return Math.min(1, Math.max(MIN_WORD_WEIGHT, Math.log(size / docsWithWord) / Math.log(RARE)));
}

interface AppWords {
  words: string[];
  /** Words inside the name's camel case, not already among `words`. */
  inner: string[];
  /** The whole name as one word, when it is short enough to be one. */
  joined: string | null;
  /** The joined name's own weight: that of its commonest word (known once every word is counted). */
  joinedWeight: number;
}

export function buildWordIndex(offers: Offer[]): WordIndex {
  const n = offers.length;
  const postings = new Map<string, Postings>();
  /** Once per distinct app name (an app has many offers). */
  const appWords = new Map<string, AppWords>();
  /** Doc n's app name, for docs whose name is also indexed joined. */
  const joinedApp: AppWords[] = new Array(n);

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
    const { app, rest } = splitName(offer.name);
    let known = appWords.get(app);
    if (!known) {
      const words = tokenize(app);
      known = {
        words,
        inner: innerWords(app).filter((word) => !words.includes(word)),
        joined:
          words.length > 0 && words.length <= MAX_JOINED_WORDS ? words.join('').slice(0, MAX_JOINED_LENGTH) : null,
        joinedWeight: 1,
      };
      appWords.set(app, known);
    }
    if (known.joined !== null) {
      // Negative: weighed apart below. It is the doc's first word, so it always lands.
      add(known.joined, doc, -W_APP_NAME);
      joinedApp[doc] = known;
    }
    for (const t of known.words) add(t, doc, W_APP_WORD);
    for (const t of known.inner) add(t, doc, W_APP_INNER_WORD);
    if (offer.store) {
      add(offer.store.appId.toLowerCase(), doc, W_APP_ID);
      // "com.spotify.music" also answers to "spotify" and "music"; the leading "com"/"org"
      // would match half the feed and mean nothing.
      const parts = tokenize(offer.store.appId);
      for (const part of offer.store.store === 'google-play' ? parts.slice(1) : parts) add(part, doc, W_APP_ID);
    }
    for (const t of tokenize(offer.id)) add(t, doc, W_OFFER_ID);
    for (const c of offer.categories) for (const t of tokenize(c)) add(t, doc, W_CATEGORY);
    for (const t of tokenize(rest)) add(t, doc, W_NAME_REST);
    for (const t of tokenize(offer.description)) add(t, doc, W_DESCRIPTION);
  }

  // A joined app name is rarer than any of its words, but says no more than its commonest one:
  // "spotifyfamily" must not outweigh "spotify" when "spot" is typed.
  for (const known of appWords.values()) {
    for (const word of known.words)
      known.joinedWeight = Math.min(known.joinedWeight, wordWeight((postings.get(word) as Postings).docs.length, n));
  }

  const tokens = [...postings.keys()].sort(compareText);
  const lists = tokens.map((token) => postings.get(token) as Postings);
  const offsets = new Int32Array(tokens.length + 1);
  let length = 0;
  for (let i = 0; i < lists.length; i++) {
    offsets[i] = length;
    length += (lists[i] as Postings).docs.length;
  }
  offsets[tokens.length] = length;
  const docs = new Int32Array(length);
  const weights = new Uint8Array(length);
  for (let i = 0; i < lists.length; i++) {
    const p = lists[i] as Postings;
    const weight = wordWeight(p.docs.length, n);
    const at = offsets[i] as number;
    docs.set(p.docs, at);
    for (let k = 0; k < p.docs.length; k++) {
      const field = p.weights[k] as number;
      const own = field < 0 ? Math.min(weight, (joinedApp[p.docs[k] as number] as AppWords).joinedWeight) : weight;
      weights[at + k] = Math.max(1, Math.round((Math.abs(field) * own) / WEIGHT_UNIT));
    }
  }
  return { tokens: packStrings(tokens), offsets, docs, weights, ...groupByLength(tokens) };
}

const isUpper = (c: number) => c >= 65 && c <= 90;
const isLowerOrDigit = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);
const isLower = (c: number) => c >= 97 && c <= 122;

/**
 * The words inside names written as one, where the case changes: "TikTok" → tik, tok;
 * "ExpressVPN" → express, vpn; "VPNPro" → vpn, pro. Single letters ("iPhone"'s i) are left out.
 */
export function innerWords(text: string): string[] {
  const found: string[] = [];
  let word = 0;
  while (word < text.length) {
    // One run of ASCII letters and digits, cut where a capital starts a part.
    let end = word;
    const cuts = [word];
    while (end < text.length && (isUpper(text.charCodeAt(end)) || isLowerOrDigit(text.charCodeAt(end)))) {
      const c = text.charCodeAt(end);
      const before = end > word ? text.charCodeAt(end - 1) : -1;
      const after = end + 1 < text.length ? text.charCodeAt(end + 1) : -1;
      if (isUpper(c) && (isLowerOrDigit(before) || (isUpper(before) && isLower(after)))) cuts.push(end);
      end++;
    }
    cuts.push(end);
    for (let i = 0; cuts.length > 2 && i + 1 < cuts.length; i++) {
      const from = cuts[i] as number;
      const to = cuts[i + 1] as number;
      if (to - from >= 2) found.push(text.slice(from, to).toLowerCase());
    }
    word = end + 1;
  }
  return found;
}
