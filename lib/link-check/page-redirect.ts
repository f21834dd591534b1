/**
 * Where an HTML page sends the browser without a redirect: `<meta http-equiv="refresh"
 * content="0;url=…">`, or a script's `location = "…"` / `location.href = …` /
 * `location.replace("…")` / `window.location.assign("…")`. Read as text, never run or rendered.
 *
 * The page is the tracker's (or anyone's it redirects to), so it may be built to be slow to
 * read: only its first 64 KB are read, by scans that move forward (DESIGN §4), never by a
 * regular expression that can backtrack. Each character is looked at a bounded number of times.
 */

/** How much of a page is read: a redirect is in its head. */
export const PAGE_READ_CHARS = 64 * 1024;

export function pageRedirect(html: string): string | null {
  const head = html.slice(0, PAGE_READ_CHARS);
  const lower = lowerCase(head);
  return metaRefresh(head, lower) ?? scriptLocation(head, lower);
}

/** `text` in lower case, each character where it was (toLowerCase turns İ into two code units). */
function lowerCase(text: string): string {
  return text.replaceAll('\u0130', 'i').toLowerCase();
}

const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f';

function skipSpaces(text: string, from: number): number {
  let i = from;
  while (isSpace(text[i])) i++;
  return i;
}

/** The URL of the page's first refresh that names one, read as the HTML tokenizer reads tags. */
function metaRefresh(head: string, lower: string): string | null {
  let at = lower.indexOf('<meta');
  while (at !== -1) {
    const after = head[at + 5];
    if (after !== undefined && !isSpace(after) && after !== '/' && after !== '>') {
      at = lower.indexOf('<meta', at + 5); // <metadata>, not a meta tag
      continue;
    }
    const tag = readMetaTag(head, at + 5);
    // A tag left open runs to the end of what was read: nothing after it is a tag.
    if (!tag) return null;
    if (tag.httpEquiv?.trim().toLowerCase() === 'refresh' && tag.content !== null) {
      const url = refreshUrl(decodeEntities(tag.content));
      if (url) return url;
    }
    at = lower.indexOf('<meta', tag.end);
  }
  return null;
}

interface MetaTag {
  httpEquiv: string | null;
  content: string | null;
  /** Just after its `>`. */
  end: number;
}

/** The attributes of a tag from just after its name to its `>` (the first of a name counts); null when it never closes. */
function readMetaTag(text: string, from: number): MetaTag | null {
  const tag: MetaTag = { httpEquiv: null, content: null, end: 0 };
  let i = from;
  while (i < text.length) {
    const c = text[i];
    if (c === '>') {
      tag.end = i + 1;
      return tag;
    }
    if (isSpace(c) || c === '/') {
      i++;
      continue;
    }
    const nameStart = i;
    i++; // a name may start with "="
    while (i < text.length && !isSpace(text[i]) && !'/>='.includes(text[i] as string)) i++;
    const name = i - nameStart <= 10 ? text.slice(nameStart, i).toLowerCase() : '';
    i = skipSpaces(text, i);
    let value = '';
    if (text[i] === '=') {
      i = skipSpaces(text, i + 1);
      const quote = text[i];
      if (quote === '"' || quote === "'") {
        const close = text.indexOf(quote, i + 1);
        if (close === -1) return null;
        value = text.slice(i + 1, close);
        i = close + 1;
      } else {
        const start = i;
        while (i < text.length && !isSpace(text[i]) && text[i] !== '>') i++;
        value = text.slice(start, i);
      }
    }
    if (name === 'http-equiv') tag.httpEquiv ??= value;
    if (name === 'content') tag.content ??= value;
  }
  return null;
}

/**
 * The URL of a refresh's content, as the HTML standard's declarative refresh reads it: a delay
 * ("0", "2.5"), then `;` or `,` or a space, then the URL, after `url=` or not, maybe quoted.
 */
function refreshUrl(content: string): string | null {
  let i = skipSpaces(content, 0);
  const delayStart = i;
  while (isDigit(content[i])) i++;
  if (i === delayStart && content[i] !== '.') return null;
  while (isDigit(content[i]) || content[i] === '.') i++;
  if (i < content.length) {
    if (content[i] !== ';' && content[i] !== ',' && !isSpace(content[i])) return null;
    i = skipSpaces(content, i);
    if (content[i] === ';' || content[i] === ',') i++;
    i = skipSpaces(content, i);
  }
  let urlStart = i;
  if (content.slice(i, i + 3).toLowerCase() === 'url') {
    const eq = skipSpaces(content, i + 3);
    if (content[eq] === '=') urlStart = skipSpaces(content, eq + 1);
  }
  const quote = content[urlStart];
  let url = content.slice(urlStart);
  if (quote === '"' || quote === "'") {
    url = url.slice(1);
    const close = url.indexOf(quote);
    if (close !== -1) url = url.slice(0, close);
  }
  return url.trim() || null;
}

/** The first `location = "…"`, `location.href = "…"`, `location.replace("…")` or `.assign("…")` of the page. */
function scriptLocation(head: string, lower: string): string | null {
  let at = lower.indexOf('location');
  while (at !== -1) {
    const after = at + 'location'.length;
    // geolocation = "Spain" is not where the page goes.
    if (!isIdentifierChar(head[at - 1])) {
      const call = lower.startsWith('.replace(', after) ? 9 : lower.startsWith('.assign(', after) ? 8 : 0;
      let literal: Literal | null;
      if (call) {
        literal = readLiteral(head, skipSpaces(head, after + call));
      } else {
        const eq = skipSpaces(head, lower.startsWith('.href', after) ? after + 5 : after);
        literal = head[eq] === '=' && head[eq + 1] !== '=' ? readLiteral(head, skipSpaces(head, eq + 1)) : null;
      }
      // A string that never closes runs to the end: no later one can close either.
      if (literal === UNCLOSED) return null;
      if (literal && (!call || head[skipSpaces(head, literal.end)] === ')')) {
        return decodeEntities(literal.text.replaceAll('\\/', '/'));
      }
    }
    at = lower.indexOf('location', after);
  }
  return null;
}

function isIdentifierChar(c: string | undefined): boolean {
  if (c === undefined) return false;
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '_' || c === '$';
}

interface Literal {
  text: string;
  /** Just after its closing quote. */
  end: number;
}
const UNCLOSED: Literal = { text: '', end: -1 };

/** A non-empty string literal at `from` up to the next quote of either kind (as the old reader took it). */
function readLiteral(text: string, from: number): Literal | null {
  const quote = text[from];
  if (quote !== '"' && quote !== "'") return null;
  let i = from + 1;
  while (i < text.length && text[i] !== '"' && text[i] !== "'") i++;
  if (i >= text.length) return UNCLOSED;
  return i > from + 1 ? { text: text.slice(from + 1, i), end: i + 1 } : null;
}

/** The entities trackers write in a redirect's URL, decoded in one pass. */
const ENTITIES: [string, string][] = [
  ['&amp;', '&'],
  ['&quot;', '"'],
  ['&#34;', '"'],
  ['&apos;', "'"],
  ['&#39;', "'"],
  ['&#x27;', "'"],
  ['&#47;', '/'],
  ['&#x2f;', '/'],
];

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  let out = '';
  let from = 0;
  let at = text.indexOf('&');
  while (at !== -1) {
    const probe = text.slice(at, at + 6).toLowerCase();
    const entity = ENTITIES.find(([name]) => probe.startsWith(name));
    out += text.slice(from, at) + (entity ? entity[1] : '&');
    from = at + (entity ? entity[0].length : 1);
    at = text.indexOf('&', from);
  }
  return out + text.slice(from);
}
