import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { CHAIN_HOSTS, chainAnswer } from './link-chains';
import { listen } from './listen';

const FIXTURES = new URL('../fixtures/', import.meta.url);

/**
 * HTTPS server for the store fixture pages; the browser maps play.google.com and
 * apps.apple.com (and, in the trust-boundary test, a stand-in attacker host) to it. The certificate is self-signed and made fresh (openssl), and the
 * browser is told to ignore certificate errors.
 */
export interface StoreServer {
  port: number;
  /** Every request it received: host, path with query and user agent, as the browser sent them. */
  requests: { host: string; url: string; userAgent: string; cookie: string | null }[];
  /** Pass this host's requests on to a plain-http server (a network's API stand-in), as they came. */
  forward(host: string, origin: string): void;
  close(): Promise<void>;
}

export async function startStoreServer(port = 0): Promise<StoreServer> {
  const requests: StoreServer['requests'] = [];
  const forwards = new Map<string, string>();
  const dir = mkdtempSync(join(tmpdir(), 'offer-lens-cert-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=localhost',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  const play = readFileSync(new URL('play.html', FIXTURES));
  const apple = readFileSync(new URL('appstore.html', FIXTURES));
  const server: Server = createServer(
    { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) },
    (req, res) => {
      const host = (req.headers.host ?? '').split(':')[0] ?? '';
      requests.push({
        host,
        url: req.url ?? '',
        userAgent: req.headers['user-agent'] ?? '',
        cookie: req.headers.cookie ?? null,
      });
      const forwardTo = forwards.get(host);
      if (forwardTo) {
        const target = new URL(req.url ?? '/', forwardTo);
        const upstream = httpRequest(
          target,
          { method: req.method, headers: { ...req.headers, host: target.host } },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        upstream.on('error', () => res.writeHead(502).end());
        req.pipe(upstream);
        return;
      }
      const chain = CHAIN_HOSTS.includes(host) ? chainAnswer(host, req.url ?? '/') : null;
      if (chain?.status === 0) {
        // Never answered; dropped later so a test run leaves no connection behind.
        setTimeout(() => res.destroy(), 15_000).unref();
        return;
      }
      if (CHAIN_HOSTS.includes(host)) {
        // Every answer sets a cookie: a check must neither send nor keep one.
        res.writeHead(chain?.status ?? 404, { ...chain?.headers, 'set-cookie': 'visited=1; Path=/; Secure' });
        res.end(chain?.body ?? '');
        return;
      }
      const body = host === 'play.google.com' || req.url?.startsWith('/store/') ? play : apple;
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    },
  );
  await listen(server, port, '127.0.0.1');
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    forward: (host, origin) => forwards.set(host, origin),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
