/**
 * npm start: the local demo feed server plus WXT's dev mode. On a desktop a browser opens with
 * the extension loaded (WXT's runner); `.env.development` points it at this server with the
 * demo key, so the popup shows offers without typing anything.
 */
import { spawn } from 'node:child_process';
import { createFeedServer } from '../tests/support/feed-server';

const port = Number(process.env.PORT ?? 8787);
const server = await createFeedServer({ port }).catch((error: NodeJS.ErrnoException) => {
  if (error.code !== 'EADDRINUSE') throw error;
  console.log(`Port ${port} is taken: using the feed server already running there.`);
  return null;
});
if (server) console.log(`Demo feed at ${server.url}/offers?apikey=demo`);

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
