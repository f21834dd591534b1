import { FeedError } from '../errors';
import { type ParsedFeed, parseFeed } from '../feed';

export const FETCH_TIMEOUT_MS = 30_000;

/**
 * The largest feed Offer Lens reads: 128 MiB. A 100,000-offer feed is about 68 MB, so the
 * biggest feed we plan for fits with room to spare; parsing peaks at about 8× the body
 * (a 67 MB feed peaked at ~520 MB), so a larger body risks the browser killing the worker.
 */
export const MAX_FEED_BYTES = 128 * 2 ** 20;

export interface FetchOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
  maxBytes?: number;
  /** Changes the body before it is read as a feed (the demo's drift). */
  reshape?: (body: unknown) => unknown;
  /** Request headers besides Accept (a network's key header). */
  headers?: Record<string, string>;
}

/** GET the feed and normalise it (a CarrierAppTraffic feed, which comes in one answer). */
export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<ParsedFeed> {
  const body = await fetchJson(url, options);
  return parseFeed(options.reshape ? options.reshape(body) : body);
}

/**
 * GET a JSON answer of a feed or a network's API. Every failure is a FeedError whose words never
 * contain the URL (and so never the key): fetch's own errors are replaced by ours.
 */
export async function fetchJson(url: string, options: FetchOptions = {}): Promise<unknown> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  let text: string;
  try {
    const response = await (options.fetch ?? fetch)(url, {
      signal,
      cache: 'no-store',
      credentials: 'omit',
      headers: withAccept(options.headers),
      // The key travels in the URL (or a header): a redirect would carry it to wherever the
      // server points. Never followed; the publisher is told to use the final address.
      redirect: 'manual',
    });
    if (isRedirect(response) || !sameOrigin(response.url, url)) {
      await response.body?.cancel().catch(() => undefined);
      throw new FeedError('redirected', { httpStatus: response.status || null });
    }
    if (!response.ok) throw httpError(response, Date.now());
    text = await readText(response, maxBytes);
  } catch (error) {
    if (error instanceof FeedError) throw error;
    // (A request superseded by a new one ends here too; the refresher knows it aborted it.)
    if (timeout.aborted) throw new FeedError('timeout', { timeoutMs });
    throw new FeedError('network');
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new FeedError('not-json');
  }
}

/** The body as text, refusing (before reading it, when the server says its size) anything over `maxBytes`. */
async function readText(response: Response, maxBytes: number): Promise<string> {
  const tooLarge = () => new FeedError('too-large', { limitBytes: maxBytes });
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  // No body at all (a 204): nothing to read, which JSON.parse then calls "not JSON".
  const reader = response.body?.getReader();
  if (!reader) return '';
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(decoder.decode(value, { stream: true }));
  }
  parts.push(decoder.decode());
  return parts.join('');
}

/** A redirect answer: in a browser an opaque one (status 0, no Location), in Node a 3xx. */
function isRedirect(response: Response): boolean {
  return response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400);
}

/** The answer came from the origin asked (an empty URL is a test's hand-made Response). */
function sameOrigin(answered: string, asked: string): boolean {
  if (!answered) return true;
  try {
    return new URL(answered).origin === new URL(asked).origin;
  } catch {
    return false;
  }
}

function httpError(response: Response, now: number): FeedError {
  const { status } = response;
  const details = { httpStatus: status, retryAfterMs: retryAfterMs(response, now) };
  if (status === 401 || status === 403) return new FeedError('auth', details);
  if (status === 404 || status === 410) return new FeedError('not-found', details);
  if (status === 429) return new FeedError('rate-limited', details);
  if (status >= 500) return new FeedError('server', details);
  return new FeedError('http', details);
}

/** Retry-After in seconds or as an HTTP date; only 429 and 503 are honoured. */
function retryAfterMs(response: Response, now: number): number | null {
  if (response.status !== 429 && response.status !== 503) return null;
  const header = response.headers.get('retry-after') ?? '';
  if (/^\d+$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

/** The request's headers, asking for JSON unless they already say what they accept. */
function withAccept(headers: Record<string, string> = {}): Headers {
  const all = new Headers(headers);
  if (!all.has('accept')) all.set('accept', 'application/json');
  return all;
}
