/**
 * Host-permission pattern for the origin of a feed URL template, e.g.
 * "https://feed.example.com/offers?key={apiKey}" → "https://feed.example.com/*".
 * Null for anything that is not an absolute http(s) URL.
 */
export function feedHostPermission(feedUrlTemplate: string): string | null {
  const url = safeUrl(feedUrlTemplate.replaceAll('{apiKey}', 'key'));
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) return null;
  // Match patterns carry no port: a pattern on a host covers every port of it.
  return `${url.protocol}//${url.hostname}/*`;
}

function safeUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}
