import { FeedError } from '../errors';
import type { ParsedFeed } from '../feed';
import {
  MAX_OFFER_PAGES,
  mergeOfferPages,
  type NetworkKind,
  type OfferPage,
  offerPageRequest,
  parseOfferPage,
  type SourceAccess,
} from '../networks';
import { type FetchOptions, fetchFeed, fetchJson } from './fetch-feed';

/** Everflow's limit (5 requests a second) is shared by every affiliate of a network: stay well under it. */
const PAGE_INTERVAL_MS: Record<NetworkKind, number> = { carrierapptraffic: 0, affise: 0, everflow: 400 };
/** A page answered 429 is asked again after the wait the server asked for, this many times at most. */
const RATE_LIMIT_TRIES = 3;
/** The longest wait inside one refresh; a server asking for more fails the refresh (its back-off waits). */
const RATE_LIMIT_WAIT_MAX_MS = 30_000;

export interface OffersFetch extends FetchOptions {
  /** Waits (tests make it instant). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

/**
 * One source's offers: the whole feed for CarrierAppTraffic, or its API's pages one at a time
 * (Affise `limit=500`, Everflow `page_size=500`) until the network says there are no more. A 429
 * is honoured: the page is asked again after the server's Retry-After (or a growing wait).
 */
export async function fetchSourceOffers(
  kind: NetworkKind,
  access: SourceAccess,
  options: OffersFetch = {},
): Promise<ParsedFeed> {
  const first = offerPageRequest(kind, access, 1);
  if (kind === 'carrierapptraffic') return fetchFeed(first.url, { ...options, headers: first.headers });
  const pages: OfferPage[] = [];
  for (let page = 1; page <= MAX_OFFER_PAGES; ) {
    const request = offerPageRequest(kind, access, page);
    const body = await askPolitely(() => fetchJson(request.url, { ...options, headers: request.headers }), options);
    const read = parseOfferPage(kind, body, page);
    pages.push(read);
    if (read.nextPage === null) break;
    page = read.nextPage;
    await wait(PAGE_INTERVAL_MS[kind], options);
  }
  return mergeOfferPages(pages);
}

/**
 * The bundled demo of a paged network: its file holds the API's answers, page after page, read
 * through the same adapter as a real account's.
 */
export async function fetchDemoPages(kind: NetworkKind, url: string, options: FetchOptions = {}): Promise<ParsedFeed> {
  const file = await fetchJson(url, options);
  if (!Array.isArray(file)) throw new FeedError('malformed');
  const pages: OfferPage[] = [];
  for (let page = 1; page <= file.length; page++) pages.push(parseOfferPage(kind, file[page - 1], page));
  return mergeOfferPages(pages);
}

async function askPolitely(ask: () => Promise<unknown>, options: OffersFetch): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await ask();
    } catch (error) {
      if (!(error instanceof FeedError) || error.code !== 'rate-limited' || attempt >= RATE_LIMIT_TRIES) throw error;
      const asked = error.retryAfterMs ?? 2 ** attempt * 1000;
      if (asked > RATE_LIMIT_WAIT_MAX_MS) throw error;
      await wait(Math.max(asked, 1000), options);
    }
  }
}

function wait(ms: number, options: OffersFetch): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  if (options.sleep) return options.sleep(ms, options.signal);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    options.signal?.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(options.signal?.reason);
    });
  });
}
