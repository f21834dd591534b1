/**
 * The demo and test feed server: serves public/demo-feed.json at /offers?apikey=<its key>
 * (`demo` unless told otherwise) and 401 for any other key, on a free port unless told one
 * (`npm run feed-server`: 8787; the e2e build's: E2E_FEED_PORT). A taken port fails at once.
 *
 * Fault modes (for tests and for trying the error states by hand) are switched with
 * `POST /__mode/<mode>` or `createFeedServer().setMode(mode)`.
 *
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { driftFeed } from '../../lib/demo';
import { listen } from './listen';

export const FAULT_MODES = [
  'ok',
  'refused', // 200 with message:false
  '401',
  '403',
  '404',
  '429', // with Retry-After: 120
  '500',
  '503', // with Retry-After: 240
  'hang', // never answers
  'html', // 200 with an HTML error page
  'truncated', // 200 with JSON cut in half
  'empty', // 200 with zero offers
  'hostile', // 200 with HTML/script in every text field and javascript: URLs
  'echo-key', // 200 with message:false and the key in the error text, raw and URL-encoded
  'unusable', // 200 with offers that all lack a tracking link (the network renamed the field)
  '503-retry-0', // 503 with Retry-After: 0
  'slow', // answers the feed after 0.6 s
  'lookalike', // 200 with a look-alike tracking link (user-info before the host) beside a good offer
  'drift', // 200 with the feed one drift step further on each request (lib/demo.ts)
  'custom', // whatever respondWith() said: status, headers, body, and chunks without a Content-Length
] as const;
export type FaultMode = (typeof FAULT_MODES)[number];

export interface FeedServerOptions {
  port?: number;
  host?: string;
  /** The feed body served in mode "ok" (a JSON string); defaults to the demo feed. */
  body?: string;
  apiKey?: string;
}

export interface CustomAnswer {
  status: number;
  headers?: Record<string, string>;
  body?: string;
  /** Send the body in pieces of this many bytes, with no Content-Length (chunked). */
  chunk?: number;
}

export interface FeedServer {
  url: string;
  /** The key the last request carried (as the server received it). */
  lastKey: string | null;
  /** Feed URL template for the extension's settings. */
  feedUrlTemplate: string;
  setMode(mode: FaultMode): void;
  setBody(body: string): void;
  /** Leave these offers out of every answer (as the network does with paused offers); [] for none. */
  hide(ids: string[]): void;
  /** Switch to mode 'custom' and answer so (the body defaults to the feed, in `chunk`-byte pieces when set). */
  respondWith(answer: CustomAnswer): void;
  /** The Accept header of the last feed request. */
  lastAccept: string | null;
  requests: number;
  close(): Promise<void>;
}

const DEMO_FEED = fileURLToPath(new URL('../../public/demo-feed.json', import.meta.url));

export async function createFeedServer(options: FeedServerOptions = {}): Promise<FeedServer> {
  const apiKey = options.apiKey ?? 'demo';
  let body = options.body ?? readFileSync(DEMO_FEED, 'utf8');
  let mode: FaultMode = 'ok';
  let hidden = new Set<string>();
  let driftStep = 0;
  let custom: CustomAnswer = { status: 200 };
  const hanging = new Set<ServerResponse>();
  /** The feed as served now: the body without the hidden offers. */
  const served = () => {
    if (hidden.size === 0) return body;
    const feed = JSON.parse(body) as { offers: { id?: unknown }[] };
    return JSON.stringify({ ...feed, offers: feed.offers.filter((o) => !hidden.has(String(o.id))) });
  };

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    state.requests++;
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('access-control-allow-origin', '*');
    const modeSwitch = /^\/__mode\/([\w-]+)$/.exec(url.pathname);
    if (modeSwitch && req.method === 'POST') {
      const next = modeSwitch[1] as FaultMode;
      if (!FAULT_MODES.includes(next)) return send(res, 400, 'text/plain', `unknown mode ${next}`);
      mode = next;
      return send(res, 200, 'text/plain', `mode ${mode}`);
    }
    if (url.pathname !== '/offers') return send(res, 404, 'text/plain', 'Not found');
    state.lastKey = url.searchParams.get('apikey');
    state.lastAccept = req.headers.accept ?? null;
    if (mode === 'echo-key') {
      const key = state.lastKey ?? '';
      const error = `Invalid apikey ${key} (as sent: apikey=${encodeURIComponent(key)})`;
      return send(res, 200, 'application/json', JSON.stringify({ message: false, error }));
    }
    if (url.searchParams.get('apikey') !== apiKey) {
      return send(res, 401, 'application/json', JSON.stringify({ message: false, error: 'Invalid API key' }));
    }
    serveMode(res);
  });

  function serveMode(res: ServerResponse) {
    switch (mode) {
      case 'ok':
        return send(res, 200, 'application/json', served());
      case 'drift':
        driftStep++;
        return send(res, 200, 'application/json', JSON.stringify(driftFeed(JSON.parse(served()), driftStep)));
      case 'refused':
        return send(res, 200, 'application/json', JSON.stringify({ message: false, error: 'Account suspended' }));
      case '401':
      case '403':
      case '404':
      case '500':
        return send(res, Number(mode), 'text/plain', `HTTP ${mode}`);
      case '429':
        res.setHeader('retry-after', '120');
        return send(res, 429, 'text/plain', 'Too many requests');
      case '503':
        res.setHeader('retry-after', '240');
        return send(res, 503, 'text/html', '<html><body><h1>503 Service Unavailable</h1></body></html>');
      case 'hang':
        hanging.add(res);
        res.on('close', () => hanging.delete(res));
        return;
      case 'html':
        return send(res, 200, 'text/html', '<!doctype html><html><body><h1>Maintenance</h1></body></html>');
      case 'truncated':
        return send(res, 200, 'application/json', body.slice(0, Math.floor(body.length / 2)));
      case 'empty':
        return send(res, 200, 'application/json', JSON.stringify({ message: true, offers: [] }));
      case 'hostile':
        return send(res, 200, 'application/json', JSON.stringify(hostileFeed()));
      case 'echo-key':
        return; // answered before the key check
      case 'unusable': {
        const offers = (JSON.parse(body) as { offers: Record<string, unknown>[] }).offers.map(
          ({ tracking_url, ...rest }) => ({ ...rest, trackingLink: tracking_url }),
        );
        return send(res, 200, 'application/json', JSON.stringify({ message: true, offers }));
      }
      case '503-retry-0':
        res.setHeader('retry-after', '0');
        return send(res, 503, 'text/plain', 'Service Unavailable');
      case 'slow': {
        const timer = setTimeout(() => send(res, 200, 'application/json', body), 600);
        res.on('close', () => clearTimeout(timer));
        return;
      }
      case 'custom': {
        const text = custom.body ?? served();
        res.writeHead(custom.status, custom.headers ?? {});
        if (!custom.chunk) return res.end(text);
        const bytes = Buffer.from(text);
        for (let at = 0; at < bytes.length; at += custom.chunk) res.write(bytes.subarray(at, at + custom.chunk));
        return res.end();
      }
      case 'lookalike':
        return send(res, 200, 'application/json', JSON.stringify(lookalikeFeed()));
    }
  }

  await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const state: FeedServer = {
    url,
    feedUrlTemplate: `${url}/offers?apikey={apiKey}`,
    requests: 0,
    lastKey: null,
    setMode(next) {
      mode = next;
    },
    setBody(next) {
      body = next;
    },
    hide(ids) {
      hidden = new Set(ids);
    },
    respondWith(answer) {
      custom = answer;
      mode = 'custom';
    },
    lastAccept: null,
    close() {
      for (const res of hanging) res.destroy();
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
  return state;
}

function send(res: ServerResponse, status: number, type: string, text: string) {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
  res.end(text);
}

/** A good offer and one whose tracking link names the network's host as a user name before evil.test. */
export function lookalikeFeed() {
  return {
    message: true,
    offers: [
      {
        id: 'good',
        name: 'Spotify - good link',
        preview_url: 'https://play.google.com/store/apps/details?id=com.spotify.music',
        tracking_url: 'https://trk.carrierapptraffic.com/click?o=good',
        payout: { amount: 1 },
      },
      {
        id: 'lookalike',
        name: 'Spotify - look-alike link',
        preview_url: 'https://play.google.com/store/apps/details?id=com.spotify.music',
        tracking_url: 'https://trk.carrierapptraffic.com@evil.test/click?o=lookalike',
        payout: { amount: 5 },
      },
    ],
  };
}

/** Every text field carries markup and script; every URL tries a dangerous scheme. */
export function hostileFeed() {
  const xss = `<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=1</script>`;
  return {
    message: true,
    offers: [
      {
        id: 'x1',
        name: `Spotify ${xss}`,
        description: `<a href="javascript:window.__pwned=1">click</a>${xss}`,
        preview_url: 'https://play.google.com/store/apps/details?id=com.spotify.music',
        tracking_url: `https://trk.example/click?o=1&n="><script>window.__pwned=1</script>`,
        geos: ['US', `<b>${xss}</b>`],
        platform: 'android',
        payout: { amount: 2, currency: `<script>window.__pwned=1</script>`, type: xss },
        categories: [xss],
        min_version: xss,
        sub_id: { include: [], exclude: [xss] },
      },
      {
        id: 'x2',
        name: 'javascript link offer',
        preview_url: 'javascript:window.__pwned=1',
        tracking_url: 'javascript:window.__pwned=1',
      },
      {
        id: 'x3',
        name: `WhatsApp ${xss}`,
        preview_url: 'https://apps.apple.com/us/app/whatsapp-messenger/id310633997',
        tracking_url: 'https://trk.example/click?o=3',
        payout: { amount: 1.5 },
        platform: 'ios',
      },
    ],
  };
}
