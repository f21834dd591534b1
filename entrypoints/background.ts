import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '../lib/background';

export default defineBackground({
  type: 'module',
  main() {
    void createBackground(browser, {
      timeoutMs: Number(import.meta.env.WXT_FETCH_TIMEOUT_MS) || undefined,
      buildFeedUrl: import.meta.env.WXT_FEED_URL,
      devApiKey: import.meta.env.WXT_DEV_API_KEY,
    }).start();
  },
});
