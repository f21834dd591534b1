/** npm run feed-server: the demo feed with switchable fault modes, on PORT (8787 by default). */
import { createFeedServer, FAULT_MODES } from '../tests/support/feed-server';

const port = Number(process.env.PORT ?? 8787);
const server = await createFeedServer({ port });
console.log(
  `Demo feed: ${server.url}/offers?apikey=demo  (fault modes: POST ${server.url}/__mode/<${FAULT_MODES.join('|')}>)`,
);
