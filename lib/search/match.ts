import { WEIGHT_UNIT, type WordIndex } from './data';
import { stringAt, unpackStrings } from './packed';

// How much a partial match is worth against an exact word.
const PREFIX = 0.7;
const FUZZY = 0.45;
/** Queries longer than this are not tried with their words joined (each join is one more pass). */
const MAX_JOINED_QUERY_WORDS = 6;

/** A word of a query, or adjacent words joined ("tik tok" as "tiktok"), which counts as `words` words. */
interface QueryWord {
  text: string;
  words: number;
}

export interface WordMatches {
  /** The docs every word matched, in no order. */
  docs: number[];
  /** Each of those docs' score (valid for them only, until the next match). */
  score: Float32Array;
}

export type WordMatcher = ReturnType<typeof createWordMatcher>;

/**
 * Free-text matching over the vocabulary: exact words, prefixes (binary search in the sorted
 * vocabulary) and one or two typos (bounded edit distance over words of similar length). A query
 * also matches with two adjacent words joined, or all of them ("tik tok" finds "TikTok",
 * "uber eats" finds "Uber Eats" as one name), when the vocabulary has a word so spelt.
 */
export function createWordMatcher(data: WordIndex, n: number) {
  const count = data.tokens.starts.length - 1;
  const tokens = unpackStrings(data.tokens);
  const tokenAt = (i: number) => stringAt(tokens, i);

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

  const startsSomeToken = (word: string) => {
    const i = lowerBound(word);
    return i < count && tokenAt(i).startsWith(word);
  };

  // Scratch space reused by every query (one query at a time, no allocation per keystroke).
  const total = new Float32Array(n);
  const wordScore = new Float32Array(n);
  const best = new Float32Array(n);
  const seen = new Uint32Array(n);
  const inBest = new Uint32Array(n);
  let stamp = 0;
  let bestStamp = 0;

  /** The tokens a word matches and what each is worth, once per query even when tried again joined differently. */
  function tokensFor(word: QueryWord, memo: Map<string, number[]>): number[] {
    const key = `${word.words}:${word.text}`;
    const known = memo.get(key);
    if (known) return known;
    const text = word.text;
    // Pairs: token index, factor.
    const found: number[] = [];
    // The word itself, then every word it begins (worth more the closer in length).
    for (let i = lowerBound(text); i < count; i++) {
      const token = tokenAt(i);
      if (!token.startsWith(text)) break;
      found.push(i, (token === text ? 1 : PREFIX * (0.5 + (0.5 * text.length) / token.length)) * word.words);
    }
    // Typos only in longer words, where they are typos and not a different word; ids never;
    // joined words never (a join that needs a typo to match is a guess on a guess).
    const maxEdits =
      word.words > 1 || text.includes('.') || isNumber(text) ? 0 : text.length >= 8 ? 2 : text.length >= 4 ? 1 : 0;
    const from = data.lengthStarts[Math.max(0, text.length - maxEdits)] ?? 0;
    const to = data.lengthStarts[Math.min(data.lengthStarts.length - 1, text.length + maxEdits + 1)] ?? 0;
    for (let k = from; maxEdits > 0 && k < to; k++) {
      const i = data.byLength[k] as number;
      const token = tokenAt(i);
      if (!token.startsWith(text) && withinEdits(text, token, maxEdits)) found.push(i, FUZZY);
    }
    memo.set(key, found);
    return found;
  }

  /** Each doc's best score for one word, in wordScore; the docs it touched in `touched`. */
  function visit(found: number[], touched: number[]): void {
    for (let f = 0; f < found.length; f += 2) {
      const i = found[f] as number;
      const factor = (found[f + 1] as number) * WEIGHT_UNIT;
      for (let at = data.offsets[i] as number; at < (data.offsets[i + 1] as number); at++) {
        const doc = data.docs[at] as number;
        const score = (data.weights[at] as number) * factor;
        if (wordScore[doc] === 0) touched.push(doc);
        if (score > (wordScore[doc] as number)) wordScore[doc] = score;
      }
    }
  }

  /** Every word, in any order, must match; the rarest first, so the candidates only narrow. Scores in `total`. */
  function matchAll(words: QueryWord[], memo: Map<string, number[]>): number[] {
    const postingsOf = (word: QueryWord) => {
      const i = lowerBound(word.text);
      return i < count && tokenAt(i) === word.text ? (data.offsets[i + 1] as number) - (data.offsets[i] as number) : 0;
    };
    let candidates: number[] = [];
    const byRarity = words.map((word) => ({ word, postings: postingsOf(word) }));
    byRarity.sort((a, b) => a.postings - b.postings);
    for (let w = 0; w < byRarity.length; w++) {
      if (w > 0 && candidates.length === 0) break;
      const touched: number[] = [];
      visit(tokensFor((byRarity[w] as (typeof byRarity)[number]).word, memo), touched);
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
    }
    return candidates;
  }

  /** The ways to read the query with words joined that the vocabulary can answer. */
  function joinings(words: string[]): QueryWord[][] {
    const ways: QueryWord[][] = [];
    if (words.length < 2 || words.length > MAX_JOINED_QUERY_WORDS) return ways;
    const single = (text: string): QueryWord => ({ text, words: 1 });
    for (let i = 0; i + 1 < words.length; i++) {
      const joined = `${words[i]}${words[i + 1]}`;
      if (startsSomeToken(joined))
        ways.push([...words.slice(0, i).map(single), { text: joined, words: 2 }, ...words.slice(i + 2).map(single)]);
    }
    const whole = words.join('');
    if (words.length > 2 && startsSomeToken(whole)) ways.push([{ text: whole, words: words.length }]);
    return ways;
  }

  /** The docs matching every word (or joined words), each with its best score. */
  function match(words: string[]): WordMatches {
    const memo = new Map<string, number[]>();
    const docs = matchAll(
      words.map((text) => ({ text, words: 1 })),
      memo,
    );
    const ways = joinings(words);
    if (ways.length === 0) return { docs, score: total };
    bestStamp++;
    for (const doc of docs) {
      best[doc] = total[doc] as number;
      inBest[doc] = bestStamp;
    }
    for (const way of ways) {
      for (const doc of matchAll(way, memo)) {
        if (inBest[doc] !== bestStamp) {
          inBest[doc] = bestStamp;
          best[doc] = total[doc] as number;
          docs.push(doc);
        } else if ((total[doc] as number) > (best[doc] as number)) best[doc] = total[doc] as number;
      }
    }
    return { docs, score: best };
  }

  return { match, tokenAt, lowerBound, count };
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
