import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackground } from '../lib/background';

export default defineBackground({
  type: 'module',
  main() {
    const timeoutMs = Number(import.meta.env.WXT_FETCH_TIMEOUT_MS) || undefined;
    createBackground(browser, { timeoutMs }).start();
  },
});
