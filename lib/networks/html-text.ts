import { clip, FIELD_LIMITS } from '../feed/bounds';
import { isWhiteSpace, toText } from '../feed/fields';

/**
 * An HTML description (Everflow's `html_description`) as the plain text a reader sees: tags and
 * comments removed (with what is inside <script> and <style>), entities decoded, white space
 * collapsed to single spaces. One pass over the text with indexOf and character tests, no
 * regular expression, so a hostile description costs time in proportion to its length.
 * The result is text only: it is never rendered as HTML.
 */
export function htmlToText(value: unknown): string {
  if (typeof value !== 'string') return toText(value);
  // Markup runs a few times longer than the text it wraps: read enough for a full-length description.
  const html = clip(value, MAX_HTML_LENGTH);
  const text = new TextBuilder();
  let i = 0;
  while (i < html.length && !text.isFull()) {
    const code = html.charCodeAt(i);
    if (code === LT && startsTag(html, i + 1)) {
      const tag = readTag(html, i);
      if (BLOCK_TAGS.has(tag.name)) text.space();
      const isRawText = !tag.isClosing && (tag.name === 'script' || tag.name === 'style');
      i = isRawText ? skipRawText(html, tag.end, tag.name) : tag.end;
    } else if (code === AMP) {
      const entity = readEntity(html, i);
      text.append(entity.text);
      i = entity.end;
    } else {
      const end = nextSpecial(html, i + 1);
      text.append(html.slice(i, end));
      i = end;
    }
  }
  return text.done();
}

const MAX_HTML_LENGTH = 4 * FIELD_LIMITS.description;
const LT = 60; // <
const GT = 62; // >
const AMP = 38; // &

// Tags that end a line or a block when rendered: without a space, "<p>Install</p><p>Open</p>" would read "InstallOpen".
const BLOCK_TAGS = new Set(
  'address article aside blockquote br dd div dl dt figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section table tbody td tfoot th thead tr ul'.split(
    ' ',
  ),
);

/** Collapses white space as it goes and stops growing at the description's bound. */
class TextBuilder {
  private readonly parts: string[] = [];
  private length = 0;
  private pendingSpace = false;

  append(piece: string): void {
    for (let i = 0; i < piece.length && this.length < FIELD_LIMITS.description; ) {
      if (isWhiteSpace(piece.charCodeAt(i))) {
        this.space();
        i++;
        continue;
      }
      let end = i + 1;
      while (end < piece.length && !isWhiteSpace(piece.charCodeAt(end))) end++;
      if (this.pendingSpace && this.length > 0) this.push(' ');
      this.pendingSpace = false;
      this.push(piece.slice(i, end));
      i = end;
    }
  }

  space(): void {
    this.pendingSpace = true;
  }

  isFull(): boolean {
    return this.length >= FIELD_LIMITS.description;
  }

  done(): string {
    return clip(this.parts.join(''), FIELD_LIMITS.description).trimEnd();
  }

  private push(piece: string): void {
    this.parts.push(piece);
    this.length += piece.length;
  }
}

/** After a "<", a letter, "/", "!" or "?" opens a tag or comment; anything else ("< 5 min") is text. */
function startsTag(html: string, at: number): boolean {
  const code = html.charCodeAt(at);
  return isLetter(code) || code === 0x2f || code === 0x21 || code === 0x3f;
}

interface Tag {
  /** Lower case; "" for comments and declarations. */
  name: string;
  isClosing: boolean;
  /** Just past its ">". */
  end: number;
}

/** The tag starting at `start` (its "<"). */
function readTag(html: string, start: number): Tag {
  if (html.startsWith('<!--', start)) {
    const close = html.indexOf('-->', start + 4);
    return { name: '', isClosing: false, end: close === -1 ? html.length : close + 3 };
  }
  const isClosing = html.charCodeAt(start + 1) === 0x2f; // "</p>" ends a block as "<p>" starts one
  let at = isClosing ? start + 2 : start + 1;
  const nameStart = at;
  while (at < html.length && isNameChar(html.charCodeAt(at))) at++;
  const name = html.slice(nameStart, at).toLowerCase();
  // The tag ends at the first ">" outside a quoted attribute value.
  let quote = 0;
  for (; at < html.length; at++) {
    const code = html.charCodeAt(at);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === 0x22 || code === 0x27) {
      quote = code;
    } else if (code === GT) {
      return { name, isClosing, end: at + 1 };
    }
  }
  return { name: '', isClosing, end: html.length };
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isNameChar(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57);
}

/** Past the closing tag of a <script> or <style> whose content starts at `from` (its content is never text). */
function skipRawText(html: string, from: number, name: string): number {
  for (let at = html.indexOf('</', from); at !== -1; at = html.indexOf('</', at + 2)) {
    if (html.slice(at + 2, at + 2 + name.length).toLowerCase() === name) {
      const close = html.indexOf('>', at);
      return close === -1 ? html.length : close + 1;
    }
  }
  return html.length;
}

function nextSpecial(html: string, from: number): number {
  let at = from;
  while (at < html.length) {
    const code = html.charCodeAt(at);
    if (code === LT || code === AMP) break;
    at++;
  }
  return at;
}

/** The character an entity at `start` ("&") stands for, and where it ends; a lone "&" is itself. */
function readEntity(html: string, start: number): { text: string; end: number } {
  const literal = { text: '&', end: start + 1 };
  // Look for the ";" only a few characters on: an indexOf to the end from every "&" would be quadratic.
  let semi = start + 1;
  const last = Math.min(html.length, start + MAX_ENTITY_LENGTH);
  while (semi < last && html.charCodeAt(semi) !== 0x3b) semi++;
  if (semi >= last) return literal;
  const name = html.slice(start + 1, semi);
  if (name.charCodeAt(0) !== 0x23) {
    const named = NAMED_ENTITIES[name];
    return named === undefined ? literal : { text: named, end: semi + 1 };
  }
  const hex = name.charCodeAt(1) === 0x78 || name.charCodeAt(1) === 0x58; // &#x…; or &#X…;
  const digits = name.slice(hex ? 2 : 1);
  if (!digits || !isDigits(digits, hex)) return literal;
  const codePoint = Number.parseInt(digits, hex ? 16 : 10);
  const usable = codePoint > 0 && codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
  return { text: usable ? String.fromCodePoint(codePoint) : '\uFFFD', end: semi + 1 };
}

const MAX_ENTITY_LENGTH = 32;

function isDigits(text: string, hex: boolean): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isHexLetter = (code >= 65 && code <= 70) || (code >= 97 && code <= 102);
    if (!(code >= 48 && code <= 57) && !(hex && isHexLetter)) return false;
  }
  return true;
}

// The entities offer descriptions use; any other name is left as written.
const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  shy: '',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  deg: '°',
  times: '×',
  divide: '÷',
  agrave: 'à',
  aacute: 'á',
  auml: 'ä',
  Auml: 'Ä',
  ccedil: 'ç',
  egrave: 'è',
  eacute: 'é',
  Eacute: 'É',
  iacute: 'í',
  ntilde: 'ñ',
  oacute: 'ó',
  ouml: 'ö',
  Ouml: 'Ö',
  uacute: 'ú',
  uuml: 'ü',
  Uuml: 'Ü',
  szlig: 'ß',
};
