import { beforeEach } from 'vitest';

// Extension pages keep some things in their own localStorage (lib/storage/items.ts pageItem):
// every test starts with it empty, as fakeBrowser.reset() empties the browser's storage.
beforeEach(() => {
  globalThis.localStorage?.clear();
});
