/**
 * How much of one offer Offer Lens keeps (DESIGN §4, "Hostile input stays cheap").
 *
 * A real offer's name is one line, its description a few paragraphs, its lists a few dozen
 * entries. A broken or hostile feed can send a 12 MB description or 150,000 categories, and every
 * later step pays for it on every refresh: the snapshot in IndexedDB, the search index, the diff,
 * the change log, the popup. These bounds sit far above any real offer, so they only ever clip
 * such a feed, and they keep the cost of one offer bounded whatever the network sends. A field
 * over its bound is clipped, never a reason to skip the offer: the offer itself may be real.
 */
export const FIELD_LIMITS = {
  /** UTF-16 units of a name, and of every other one-line text (id, min version, currency, one category or sub ID). */
  line: 1024,
  /** UTF-16 units of a description. */
  description: 64 * 1024,
  /** Entries of a list: categories, geos, each of the sub ID lists. */
  list: 1000,
  /** UTF-16 units of a list sent as one joined string ("US,GB,DE"), read before it is split. */
  joinedList: 64 * 1024,
} as const;

/**
 * `text` cut to at most `limit` UTF-16 units, never between the two halves of a surrogate pair.
 * A text over the limit comes back as a copy: V8 keeps a cut-out piece as a view into the whole
 * string, so a plain slice of a 12 MB description keeps all 12 MB alive for as long as the offer.
 */
export function clip(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const last = text.charCodeAt(limit - 1);
  const end = last >= 0xd800 && last <= 0xdbff ? limit - 1 : limit;
  return copyOf(text.slice(0, end));
}

/**
 * The same characters in a string of its own (see `clip`). Joining makes a new string, and cutting
 * the join copies its characters out of it (V8 and SpiderMonkey both flatten a joined string
 * before cutting it), so the result no longer points into the original. One copy, no per-character work.
 */
export function copyOf(text: string): string {
  return ` ${text}`.slice(1);
}
