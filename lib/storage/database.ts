import { appLookup } from './app-lookup';
import { changeLog } from './change-log';
import { clearWorlds, currentWorld, setWorld } from './db';
import { meta } from './meta';
import { secrets } from './secrets';
import { snapshots } from './snapshots';

export { OFFER_CHUNK } from './db';

/** The extension's IndexedDB, by what it holds (see db.ts for why these live there). */
export const database = {
  ...snapshots,
  ...appLookup,
  ...secrets,
  changes: changeLog,
  meta,
  currentWorld,
  setWorld,
  /** Forget everything (tests). */
  clear: clearWorlds,
};
