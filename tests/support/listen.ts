import type { Server } from 'node:net';

/** How long a server may take to open its port before the run is told so. */
const OPEN_WITHIN_MS = 5000;

/**
 * Listen on `port` (0: a free one), or fail within seconds. A fixed port that is taken — the
 * e2e feed server's 18787, which the e2e build bakes in, while another test run holds it —
 * says so at once instead of leaving a test file's hooks waiting for their timeout. The error
 * keeps Node's `code` (EADDRINUSE), so a script can decide to use the server already there.
 */
export function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      server.off('error', failed);
      reject(new Error(`port ${port} did not open within ${OPEN_WITHIN_MS / 1000} s`));
    }, OPEN_WITHIN_MS);
    function failed(error: NodeJS.ErrnoException) {
      clearTimeout(timer);
      if (error.code !== 'EADDRINUSE') return reject(error);
      const inUse: NodeJS.ErrnoException = new Error(`port ${port} is in use (another test run?)`);
      inUse.code = error.code;
      reject(inUse);
    }
    server.once('error', failed);
    server.listen(port, host, () => {
      clearTimeout(timer);
      server.off('error', failed);
      resolve();
    });
  });
}
