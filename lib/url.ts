/**
 * The one home of "is this a link Offer Lens may use". Feed text is untrusted: only absolute
 * http(s) URLs are ever stored as links, shown or opened, and never one whose authority has a
 * user-info part (`https://trusted.example@evil.test/` goes to evil.test, not trusted.example).
 */

/** The URL when `text` is an absolute http: or https: URL, else null. Never throws. */
export function parseHttpUrl(text: unknown): URL | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  if (!trimmed || trimmed.length > 8192) return null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

/**
 * True when the text names a user (and maybe a password) before the host. Checked on the text,
 * not only the parsed URL: the parser drops an empty "user:@" silently.
 */
export function hasUserInfo(text: string): boolean {
  if (!text.includes('@')) return false; // no user-info without an "@": every link of a feed, nearly
  const afterScheme = /^[a-z][a-z0-9+.-]*:[/\\]*/i.exec(text.trim());
  const rest = afterScheme ? text.trim().slice(afterScheme[0].length) : text;
  const authority = rest.split(/[/\\?#]/, 1)[0] ?? '';
  return authority.includes('@');
}

/** An absolute http(s) link without user-info, as the text it was (trimmed), or null. */
export function safeHttpUrl(text: string | null | undefined): string | null {
  if (!text || hasUserInfo(text) || !parseHttpUrl(text)) return null;
  return text.trim();
}

/** "trk.example.com": where a link goes, to show beside it. Empty for a non-link. */
export function linkHost(text: string): string {
  return parseHttpUrl(text)?.host ?? '';
}

/** localhost, 127.0.0.0/8 and [::1]: the only hosts plain http: is allowed for. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
