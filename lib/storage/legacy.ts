import { storage } from 'wxt/utils/storage';

/**
 * Version 0.1 kept the API key and offers in storage.local, where a content script can read
 * them (in Firefox always). Those items are removed. The key is not carried over: a content
 * script could have planted a key of its own there on an install that had none, and adopting it
 * would make the background fetch with the planted key. Publishers of 0.1 paste their key once.
 */
export async function migrateLegacyStorage(): Promise<void> {
  await storage.removeItems(['local:apiKey', 'local:lastResults', 'local:popupState']);
}
