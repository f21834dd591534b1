/**
 * Serves the extension's public/ folder over HTTP on a free port, for tests that need what
 * `browser.runtime.getURL` points at (the bundled demo files) outside a real browser.
 */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { listen } from './listen';

const PUBLIC = fileURLToPath(new URL('../../public/', import.meta.url));

export async function servePublic(): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/+/, '');
    if (path.includes('..')) {
      response.writeHead(400).end();
      return;
    }
    readFile(`${PUBLIC}${path}`).then(
      (body) => response.writeHead(200, { 'content-type': 'application/json' }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await listen(server, 0, '127.0.0.1');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
