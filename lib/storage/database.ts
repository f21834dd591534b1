import { changeLog } from './change-log';
import { db, STORES } from './db';
import { meta } from './meta';
import { secrets } from './secrets';
import { snapshots } from './snapshots';

export { OFFER_CHUNK } from './db';

/** The extension's IndexedDB, by what it holds (see db.ts for why these live there). */
export const database = {
  ...snapshots,
  ...secrets,
  changes: changeLog,
  meta,
  /** Forget everything (tests). */
  async clear(): Promise<void> {
    const tx = (await db()).transaction([...STORES], 'readwrite');
    await Promise.all([...STORES.map((name) => tx.objectStore(name).clear()), tx.done]);
  },
};
