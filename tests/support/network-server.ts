/**
 * A local stand-in for two networks' offer APIs, for tests and for trying sources by hand:
 *
 * - Affise's partner API: `GET /3.0/partner/offers?page=N&limit=L`, key in the `API-Key` header;
 *   answers `{ status: 1, offers, pagination: { per_page, total_count, page, next_page } }`.
 * - Everflow's affiliate API: `GET /v1/affiliates/offersrunnable?page=N&page_size=S`, key in the
 *   `X-Eflow-API-Key` header; answers `{ offers, paging: { page, page_size, total_count } }`.
 *
 * Each serves real pages over its list of raw offers (by default the demo pages in public/demo/).
 * A key anywhere but its own header is refused, and every request is recorded with the keys
 * redacted, so a test can assert where a key travelled. Modes switch the answers for the next
 * requests (`setMode`, or `POST /__mode/<mode>?times=N` by hand).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { listen } from './listen';

export const NETWORK_MODES = [
  'ok',
  '429', // Too Many Requests, with Retry-After
  '500',
  'refused', // Affise: 200 with status 2 and its words; Everflow: 403 with { error }
  'slow', // the right answer, after `slowMs`
] as const;
export type NetworkMode = (typeof NETWORK_MODES)[number];

export type Api = 'affise' | 'everflow';

export interface NetworkServerOptions {
  /** 0 (any free port) unless given; a port already taken fails the start at once. */
  port?: number;
  host?: string;
  affise?: ApiOptions;
  everflow?: ApiOptions;
  /** How long 'slow' waits before answering; 600 ms unless given. */
  slowMs?: number;
  /** Retry-After of a 429, in seconds; 30 unless given. */
  retryAfterSeconds?: number;
}

export interface ApiOptions {
  apiKey?: string;
  /** The raw offers the API lists, in order; the demo pages' offers unless given. */
  offers?: unknown[];
  /**
   * The most offers one page holds, whatever the request asks (the real APIs cap it too): the API's
   * own cap (Affise 500, Everflow 2,000) for given offers, the demo's 40 for the demo's.
   */
  maxPageSize?: number;
}

export interface RecordedRequest {
  api: Api | null;
  method: string;
  path: string;
  query: Record<string, string>;
  /** Header names lower-case, as received; any configured key's text replaced by "<key>". */
  headers: Record<string, string>;
  /** Where a configured key appeared: "header:<name>" or "query:<name>". */
  keyIn: string[];
}

export interface NetworkServer {
  /** http://127.0.0.1:<port>: the Affise host to enter, and the origin Everflow's paths are served on. */
  url: string;
  requests: RecordedRequest[];
  /** Answer the next `times` API requests so (every one until changed, when not given). */
  setMode(mode: NetworkMode, times?: number): void;
  setOffers(api: Api, offers: unknown[]): void;
  close(): Promise<void>;
}

/** The keys each API takes unless told otherwise. */
export const DEMO_KEYS: Readonly<Record<Api, string>> = { affise: 'affise-demo-key', everflow: 'everflow-demo-key' };
const KEY_HEADERS: Record<Api, string> = { affise: 'api-key', everflow: 'x-eflow-api-key' };
const PATHS: Record<string, Api> = { '/3.0/partner/offers': 'affise', '/v1/affiliates/offersrunnable': 'everflow' };
// Affise pages 100 offers unless asked; Everflow 50 (their docs). Both cap what a request may ask for.
const DEFAULT_PAGE_SIZE: Record<Api, number> = { affise: 100, everflow: 50 };
const MAX_PAGE_SIZE: Record<Api, number> = { affise: 500, everflow: 2000 };
/** The page size of public/demo's pages (scripts/make-demo-networks.ts). */
const DEMO_PAGE_SIZE = 40;

export async function createNetworkServer(options: NetworkServerOptions = {}): Promise<NetworkServer> {
  const keys: Record<Api, string> = {
    affise: options.affise?.apiKey ?? DEMO_KEYS.affise,
    everflow: options.everflow?.apiKey ?? DEMO_KEYS.everflow,
  };
  const offers: Record<Api, unknown[]> = {
    affise: options.affise?.offers ?? demoOffers('affise'),
    everflow: options.everflow?.offers ?? demoOffers('everflow'),
  };
  // Serving the demo, pages hold what the demo pages hold, so page N is public/demo's page N.
  const maxPageSize: Record<Api, number> = {
    affise: options.affise?.maxPageSize ?? (options.affise?.offers ? MAX_PAGE_SIZE.affise : DEMO_PAGE_SIZE),
    everflow: options.everflow?.maxPageSize ?? (options.everflow?.offers ? MAX_PAGE_SIZE.everflow : DEMO_PAGE_SIZE),
  };
  let mode: NetworkMode = 'ok';
  let modeLeft = Number.POSITIVE_INFINITY;
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const modeSwitch = /^\/__mode\/([\w-]+)$/.exec(url.pathname);
    if (modeSwitch && req.method === 'POST') {
      const next = modeSwitch[1] as NetworkMode;
      if (!NETWORK_MODES.includes(next)) return sendJson(res, 400, { error: `unknown mode ${next}` });
      state.setMode(next, url.searchParams.has('times') ? Number(url.searchParams.get('times')) : undefined);
      return sendJson(res, 200, { mode: next });
    }
    const api = PATHS[url.pathname] ?? null;
    state.requests.push(record(req, url, api, keys));
    if (!api || req.method !== 'GET') return sendJson(res, 404, { error: 'Not found' });
    const refusal = authRefusal(api, req, url, keys[api]);
    if (refusal) return sendJson(res, refusal.status, refusal.body);
    answer(api, url, res);
  });

  function answer(api: Api, url: URL, res: ServerResponse) {
    const current = mode;
    if (current !== 'ok' && --modeLeft <= 0) {
      mode = 'ok';
      modeLeft = Number.POSITIVE_INFINITY;
    }
    switch (current) {
      case 'ok':
        return sendJson(res, 200, page(api, url));
      case 'slow': {
        const timer = setTimeout(() => {
          timers.delete(timer);
          sendJson(res, 200, page(api, url));
        }, options.slowMs ?? 600);
        timers.add(timer);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case '429':
        res.setHeader('retry-after', String(options.retryAfterSeconds ?? 30));
        return sendJson(
          res,
          429,
          api === 'affise' ? { status: 2, error: 'Too many requests' } : { error: 'Rate limit exceeded' },
        );
      case '500':
        return sendJson(
          res,
          500,
          api === 'affise' ? { status: 2, error: 'Internal server error' } : { error: 'Internal Server Error' },
        );
      case 'refused':
        return api === 'affise'
          ? sendJson(res, 200, { status: 2, error: 'Your account is blocked' })
          : sendJson(res, 403, { error: 'Out of realm' });
    }
  }

  function page(api: Api, url: URL) {
    const sizeParam = api === 'affise' ? 'limit' : 'page_size';
    const number = wholeAtLeastOne(url.searchParams.get('page')) ?? 1;
    const asked = wholeAtLeastOne(url.searchParams.get(sizeParam)) ?? DEFAULT_PAGE_SIZE[api];
    const size = Math.min(asked, maxPageSize[api]);
    const list = offers[api];
    const slice = list.slice((number - 1) * size, number * size);
    if (api === 'everflow')
      return { offers: slice, paging: { page: number, page_size: size, total_count: list.length } };
    const hasMore = number * size < list.length;
    return {
      status: 1,
      offers: slice,
      pagination: { per_page: size, total_count: list.length, page: number, next_page: hasMore ? number + 1 : null },
    };
  }

  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  const state: NetworkServer = {
    url: `http://127.0.0.1:${port}`,
    requests: [],
    setMode(next, times) {
      mode = next;
      modeLeft = next === 'ok' || times === undefined || !(times > 0) ? Number.POSITIVE_INFINITY : times;
    },
    setOffers(api, list) {
      offers[api] = list;
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return state;
}

/** Why a request is refused before any offer is read: no key in the API's own header, or the wrong one. */
function authRefusal(api: Api, req: IncomingMessage, url: URL, key: string): { status: number; body: unknown } | null {
  const sent = req.headers[KEY_HEADERS[api]];
  if (sent === key) return null;
  if (api === 'everflow') {
    // Everflow: 401 and { "error": "…" } for a missing or invalid key (developers.everflow.io, "Errors").
    return { status: 401, body: { error: sent ? 'Invalid API key' : 'Missing X-Eflow-API-Key header' } };
  }
  // Affise answers with status 2 and its words; the HTTP status is not documented: 401 here, and 403
  // when the right key came somewhere else (a query parameter, another header), so a test can tell.
  const elsewhere = keyPlaces(req, url, [key]).length > 0;
  if (elsewhere) return { status: 403, body: { status: 2, error: 'API-Key must be sent in the API-Key header' } };
  return { status: 401, body: { status: 2, error: sent ? 'API-Key is incorrect' : 'API-Key is missing' } };
}

function record(req: IncomingMessage, url: URL, api: Api | null, keys: Record<Api, string>): RecordedRequest {
  const secrets = [keys.affise, keys.everflow];
  const redact = (text: string) => secrets.filter(Boolean).reduce((out, key) => out.split(key).join('<key>'), text);
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    headers[name] = redact(Array.isArray(value) ? value.join(', ') : (value ?? ''));
  }
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = redact(value);
  return { api, method: req.method ?? 'GET', path: url.pathname, query, headers, keyIn: keyPlaces(req, url, secrets) };
}

function keyPlaces(req: IncomingMessage, url: URL, secrets: string[]): string[] {
  const places: string[] = [];
  const keys = secrets.filter(Boolean);
  const carries = (text: string) => keys.some((key) => text.includes(key) || text.includes(encodeURIComponent(key)));
  for (const [name, value] of Object.entries(req.headers)) {
    if (carries(Array.isArray(value) ? value.join(', ') : (value ?? ''))) places.push(`header:${name}`);
  }
  for (const [name, value] of url.searchParams) if (carries(value)) places.push(`query:${name}`);
  if (carries(url.pathname)) places.push('path');
  return places;
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

function wholeAtLeastOne(text: string | null): number | null {
  const n = text === null ? Number.NaN : Number(text);
  return Number.isSafeInteger(n) && n >= 1 ? n : null;
}

/** The raw offers of the demo pages (public/demo/<api>.json, made by scripts/make-demo-networks.ts), in order. */
export function demoOffers(api: Api): unknown[] {
  const file = fileURLToPath(new URL(`../../public/demo/${api}.json`, import.meta.url));
  if (!existsSync(file)) return [];
  const pages = JSON.parse(readFileSync(file, 'utf8')) as { offers: unknown[] }[];
  return pages.flatMap((p) => p.offers);
}
