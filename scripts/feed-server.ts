/**
 * npm run feed-server: the demo feed with switchable fault modes.
 *   (default)  port 8787 (or PORT), key `demo`: what `npm start` and `.env.development` use.
 *   --e2e      port 18787, key e2e-secret-7f3a9c: what the e2e build (`wxt build --mode e2e`,
 *              .env.e2e) fetches, to try that build by hand.
 */
import { DEV_API_KEY, DEV_FEED_PORT, E2E_API_KEY, E2E_FEED_PORT } from '../tests/support/constants';
import { createFeedServer, FAULT_MODES } from '../tests/support/feed-server';

const e2e = process.argv.includes('--e2e');
const port = e2e ? E2E_FEED_PORT : Number(process.env.PORT ?? DEV_FEED_PORT);
const apiKey = e2e ? E2E_API_KEY : DEV_API_KEY;
const server = await createFeedServer({ port, apiKey }).catch((error: Error) => {
  console.error(`${error.message}${e2e ? '' : ' (PORT=<port> npm run feed-server picks another)'}`);
  process.exit(1);
});
console.log(`Demo feed for the ${e2e ? 'e2e build (wxt build --mode e2e)' : 'dev build (npm start, npm run dev)'}:`);
console.log(`  ${server.url}/offers?apikey=${apiKey}`);
console.log(`  fault modes: curl -X POST ${server.url}/__mode/<${FAULT_MODES.join('|')}>`);
console.log(
  e2e
    ? `  (without --e2e: port ${DEV_FEED_PORT}, key ${DEV_API_KEY}, for npm start)`
    : `  (the e2e build fetches port ${E2E_FEED_PORT} with key ${E2E_API_KEY}: npm run feed-server -- --e2e)`,
);
