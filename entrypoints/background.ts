import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '../lib/background';
import { useBrowserMessages } from '../lib/i18n';

export default defineBackground({
  type: 'module',
  main() {
    useBrowserMessages(browser.i18n);
    const background = createBackground(browser, {
      timeoutMs: Number(import.meta.env.WXT_FETCH_TIMEOUT_MS) || undefined,
      buildFeedUrl: import.meta.env.WXT_FEED_URL,
      devApiKey: import.meta.env.WXT_DEV_API_KEY,
    });
    void background.start();
    // e2e builds only: the journeys call what the browser's events call (a headless browser
    // cannot click a notification or a context-menu item).
    if (import.meta.env.MODE === 'e2e') Object.assign(globalThis, { offerLens: background.events });
  },
});
