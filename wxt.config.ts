import preact from '@preact/preset-vite';
import { loadEnv } from 'vite';
import { defineConfig } from 'wxt';
import { toBrowserCatalogue } from './lib/i18n/catalogue';
import { catalogueLocales, readCatalogue } from './lib/i18n/read-catalogue';
import { linkCheckPermissions } from './lib/link-check/permissions';
import { feedOriginPattern } from './lib/settings/feed-url';
import { STORE_MATCH_PATTERNS } from './lib/store-url';
import { COMMAND_COPY_BEST, COMMAND_OPEN_PANEL } from './lib/surfaces';
import { OMNIBOX_KEYWORD } from './lib/surfaces/omnibox';

// Build-time env: WXT_FEED_URL (default feed URL template) and, for dev/test builds only,
// WXT_DEV_API_KEY (pre-filled key) and WXT_FETCH_TIMEOUT_MS (a shorter feed timeout).
/** Every language's catalogue (its area files together), as the browser reads it: `_locales/<locale>/messages.json`. */
const localeFiles = () =>
  catalogueLocales()
    .map((locale) => ({ locale, messages: readCatalogue(locale) }))
    .filter(({ messages }) => Object.keys(messages).length > 0)
    .map(({ locale, messages }) => ({
      relativeDest: `_locales/${locale}/messages.json`,
      contents: JSON.stringify(toBrowserCatalogue(messages)),
    }));

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/auto-icons'],
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      files.push(...localeFiles());
    },
  },
  manifestVersion: 3,
  imports: false,
  autoIcons: { baseIconPath: 'assets/icon.svg', sizes: [128, 96, 48, 32, 16] },
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser, mode }) => {
    const env = loadEnv(mode, process.cwd(), 'WXT_');
    const feedOrigin = feedOriginPattern(env.WXT_FEED_URL ?? '');
    const linkCheck = linkCheckPermissions(browser === 'firefox');
    const chromiumE2e = mode === 'e2e' && browser !== 'firefox';
    return {
      // In the browser's language, from lib/i18n/messages (the build writes _locales).
      default_locale: 'en',
      name: '__MSG_extName__',
      short_name: '__MSG_extShortName__',
      description: '__MSG_extDescription__',
      // The e2e build holds 'notifications' from the start: a headless browser cannot answer
      // the permission prompt. Release builds ask for it the first time something is watched.
      // contextMenus: "Offer Lens: offers for this app" on store links and pages. The side panel
      // adds sidePanel in Chrome (WXT, from entrypoints/sidepanel); Firefox's sidebar needs none.
      permissions: [
        'storage',
        'alarms',
        'unlimitedStorage',
        'contextMenus',
        ...(mode === 'e2e' ? ['notifications'] : []),
        // Chromium e2e: link checks' permissions from the start (its prompt cannot be answered
        // headless); Firefox e2e answers the real prompt (extensions.webextOptionalPermissionPrompts).
        ...(chromiumE2e ? linkCheck.permissions : []),
      ],
      // Asked for when first needed: notifications when something is first watched; the link
      // check's webRequest (+ declarativeNetRequestWithHostAccess in Chrome) and any host at the
      // first Check link (lib/link-check/permissions.ts).
      optional_permissions: [
        ...(mode === 'e2e' ? [] : ['notifications']),
        ...(chromiumE2e ? [] : linkCheck.permissions),
      ],
      host_permissions: [
        ...STORE_MATCH_PATTERNS,
        ...(feedOrigin ? [feedOrigin] : []),
        ...(chromiumE2e ? linkCheck.origins : []),
      ],
      optional_host_permissions: ['https://*/*', 'http://*/*'],
      action: { default_title: '__MSG_actionTitle__' },
      omnibox: { keyword: OMNIBOX_KEYWORD },
      commands: {
        _execute_action: { suggested_key: { default: 'Alt+Shift+O' }, description: '__MSG_commandOpenPopup__' },
        ...(browser === 'firefox'
          ? {
              _execute_sidebar_action: {
                suggested_key: { default: 'Alt+Shift+P' },
                description: '__MSG_commandOpenPanel__',
              },
            }
          : {
              [COMMAND_OPEN_PANEL]: {
                suggested_key: { default: 'Alt+Shift+P' },
                description: '__MSG_commandOpenPanel__',
              },
            }),
        [COMMAND_COPY_BEST]: {
          suggested_key: { default: 'Alt+Shift+C' },
          description: '__MSG_commandCopyBest__',
        },
      },
      // Chrome 140 is where storage.local and storage.sync take setAccessLevel (content scripts kept out).
      ...(browser === 'firefox' ? {} : { minimum_chrome_version: '140' }),
      ...(browser === 'firefox'
        ? {
            browser_specific_settings: {
              gecko: {
                id: 'offer-lens@carrierapptraffic.tools',
                strict_min_version: '142.0',
                // The API key (authentication information) is sent to the network's feed server in
                // the background: see README, "Data the extension sends".
                data_collection_permissions: { required: ['authenticationInfo'] },
              },
            },
          }
        : {}),
    };
  },
});
