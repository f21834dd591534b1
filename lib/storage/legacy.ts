import { storage } from 'wxt/utils/storage';
import { database } from './database';

/**
 * Version 0.1 kept the API key in storage.local, where a content script can read it (in Firefox
 * always). Move it into the extension's IndexedDB and drop the items that held offers there.
 */
export async function migrateLegacyStorage(): Promise<void> {
  const legacyKey = await storage.getItem<string>('local:apiKey');
  if (typeof legacyKey === 'string' && legacyKey && !(await database.loadApiKey())) {
    await database.saveApiKey(legacyKey);
  }
  await storage.removeItems(['local:apiKey', 'local:lastResults', 'local:popupState']);
}
