/**
 * npm start: the local demo feed server plus WXT's dev mode. On a desktop a browser opens with
 * the extension loaded (WXT's runner); `.env.development` points it at this server with the
 * demo key, so the popup shows offers without typing anything.
 */
import { spawn } from 'node:child_process';
import { DEV_API_KEY, DEV_FEED_PORT } from '../tests/support/constants';
import { createFeedServer } from '../tests/support/feed-server';

// The dev build fetches DEV_FEED_PORT (.env.development): a server already there (npm run
// feed-server in another terminal) is used as it is.
const port = Number(process.env.PORT ?? DEV_FEED_PORT);
const server = await createFeedServer({ port, apiKey: DEV_API_KEY }).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.log(`Port ${port} is taken: using the feed server already running there.`);
  return null;
});
if (server) console.log(`Demo feed at ${server.url}/offers?apikey=${DEV_API_KEY}`);

const wxt = spawn('npx', ['wxt', ...process.argv.slice(2)], { stdio: 'inherit' });
const stop = () => {
  wxt.kill('SIGINT');
  void server?.close();
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
wxt.on('exit', (code) => {
  void server?.close();
  process.exit(code ?? 0);
});
