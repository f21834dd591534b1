import preact from '@preact/preset-vite';
import { loadEnv } from 'vite';
import { defineConfig } from 'wxt';
import { feedHostPermission } from './lib/permissions';

// Build-time env: WXT_FEED_URL (default feed URL template) and, for dev/test builds only,
// WXT_DEV_API_KEY (pre-filled key) and WXT_EXTRA_MATCHES (extra content-script hosts for tests).
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  manifestVersion: 3,
  imports: false,
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: [128, 96, 48, 32, 16] },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => {
    const env = loadEnv(mode, process.cwd(), 'WXT_');
    const feedOrigin = feedHostPermission(env.WXT_FEED_URL ?? '');
    return {
      name: 'Offer Lens for CarrierAppTraffic',
      short_name: 'Offer Lens',
      description:
        'Your CarrierAppTraffic offers in the browser: search them, see the payout on Google Play and App Store pages, copy affiliate tracking links.',
      permissions: ['storage', 'alarms', 'unlimitedStorage'],
      host_permissions: [
        'https://play.google.com/*',
        'https://apps.apple.com/*',
        'https://itunes.apple.com/*',
        ...(feedOrigin ? [feedOrigin] : []),
      ],
      optional_host_permissions: ['https://*/*', 'http://*/*'],
      action: { default_title: 'Offer Lens' },
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'offer-lens@carrierapptraffic.tools',
                strict_min_version: '142.0',
                data_collection_permissions: { required: ['none'] },
              },
            },
          }
        : {}),
    };
  },
});
