import type { browser as wxtBrowser } from 'wxt/browser';
import { createMessageListener, type Handlers } from '../messaging/listener';
import { feedOrigin } from '../settings/feed-url';
import { database } from '../storage/database';
import { settingsItem, watchlistItem } from '../storage/items';
import { migrateLegacyStorage } from '../storage/legacy';
import { createToolbar } from '../toolbar';
import { createAccounts } from './accounts';
import { createLanguage } from './language';
import { createLinkChecks } from './link-checks';
import { createOffers } from './offers';
import { createRates } from './rates';
import { createSettings } from './settings';
import type { FetchSettings } from './source-refresh';
import { createSources } from './sources';
import { createStoreTabs } from './store-tabs';
import { createSurfaces } from './surfaces';
import { createWatching } from './watching';

export { REFRESH_ALARM } from './sources';

export interface BackgroundOptions extends FetchSettings {
  /** The build's feed URL (WXT_FEED_URL): its origin is approved from the start. */
  buildFeedUrl?: string;
  /** Dev and test builds: a key stored on install, so the local demo feed works at once. */
  devApiKey?: string;
  /** How long a link check waits for an answer (tests shorten it). */
  linkCheckTimeoutMs?: number;
}

/**
 * The background, wired: each feature module (sources and their refreshes, settings, accounts,
 * store tabs, watching, link checks, surfaces) owns its message handlers and its browser
 * listeners; this file only connects them. The entrypoint calls `start`; tests drive the same
 * code with fakeBrowser. See docs/architecture.md.
 */
export function createBackground(browser: typeof wxtBrowser, options: BackgroundOptions = {}) {
  const buildOrigin = feedOrigin(options.buildFeedUrl ?? import.meta.env.WXT_FEED_URL ?? '');
  const isApproved = async (origin: string) =>
    origin === buildOrigin || (await database.loadApprovedOrigins()).includes(origin);
  const offers = createOffers(database);
  const surfaces = createSurfaces(browser);
  const toolbar = createToolbar(browser.action, async () => ({
    status: await database.meta.get('status'),
    watchedUnseen: await database.changes.loadWatchedUnseen(),
  }));
  const repaintToolbar = () => toolbar.repaint();
  const watching = createWatching({
    browser,
    watchlist: watchlistItem,
    settings: () => settingsItem.getValue(),
    log: database.changes,
    repaintToolbar,
    openOffer: (offerId) => surfaces.openPopupOn({ offerId }),
    now: Date.now,
  });
  const sources = createSources({ browser, fetching: options, offers, watching, repaintToolbar, isApproved });
  const settings = createSettings({ browser, offers, sources, buildOrigin, isApproved, devApiKey: options.devApiKey });
  const accounts = createAccounts({ offers, sources, isApproved });
  const linkChecks = createLinkChecks({
    browser,
    settings: () => settingsItem.getValue(),
    offerById: (id) => offers.byKey(id),
    now: Date.now,
    timeoutMs: options.linkCheckTimeoutMs,
  });
  const rates = createRates(browser, options);
  const language = createLanguage(browser);
  const storeTabs = createStoreTabs({ browser, offers, toolbar, surfaces, linkChecks, sourceNames: sources.names });

  // Adding a message: one entry in lib/messaging/protocol.ts, one handler in the module that owns
  // it. A message without a handler here is a compile error.
  const handlers: Handlers = {
    ...sources.handlers,
    ...settings.handlers,
    ...accounts.handlers,
    ...storeTabs.handlers,
    ...watching.handlers,
    ...linkChecks.handlers,
  };

  return {
    handlers,
    /** The first source's refresher (tests). */
    get refresher() {
      return sources.primary();
    },
    sources,
    rates,
    offers,
    watching,
    ensureFresh: sources.ensureFresh,
    /** What the browser's events call, by event. */
    events: {
      notificationClicked: (id: string) => watching.onNotificationClicked(id),
      refresh: () => sources.refreshAll(),
      settingsSynced: settings.takeSyncedSettings,
      alarm: sources.onAlarm,
      menuClicked: surfaces.menuClicked,
      omniboxInput: surfaces.omniboxInput,
      omniboxEntered: surfaces.omniboxEntered,
      command: surfaces.command,
    },
    async start(): Promise<void> {
      // Every listener is registered in the worker's first turn, before anything is awaited, as
      // MV3 requires (an event that woke the worker is delivered only to listeners already there).
      browser.runtime.onMessage.addListener(
        createMessageListener(handlers, browser.runtime.getURL('/' as '/')) as never,
      );
      browser.alarms.onAlarm.addListener((alarm) => {
        void sources.onAlarm(alarm.name);
        void rates.onAlarm(alarm.name);
      });
      // Firefox: host access granted in about:addons, not through our button.
      browser.permissions.onAdded?.addListener(() => {
        void sources.refreshAll();
        void rates.schedule();
      });
      // The daily rates follow the setting: on, they are fetched at once and every day after.
      settingsItem.watch((settings) => {
        void rates.schedule().then(rates.refresh);
        void language.follow(settings).then(() => surfaces.installMenus());
      });
      settings.listen();
      watching.listen();
      storeTabs.listen();
      surfaces.listen();
      await language.follow(await settingsItem.getValue()).catch(() => undefined);
      await surfaces.installMenus().catch(() => undefined);
      await restrictStorageToExtension(browser);
      await settings.adoptOlderSettings();
      await migrateLegacyStorage();
      await repaintToolbar();
      await sources.mirrorSourceNames();
      await sources.ensureSearchIndex().catch(() => undefined);
      await sources.ensureFresh();
      await rates.schedule().catch(() => undefined);
    },
  };
}

/**
 * Chrome lets content scripts use storage.local and storage.sync unless told otherwise (Firefox
 * always lets them, which is why nothing trusted is there). Nothing in our content script needs them.
 */
async function restrictStorageToExtension(browser: typeof wxtBrowser): Promise<void> {
  type Restrictable = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  for (const area of [browser.storage.local, browser.storage.sync] as Restrictable[]) {
    if (!area.setAccessLevel) continue; // Firefox: never restrictable
    // Chrome 140+ (the manifest's minimum_chrome_version) restricts local and sync too.
    await Promise.resolve(area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })).catch((error: unknown) =>
      console.warn('Offer Lens: web pages can still reach this storage area (setAccessLevel failed)', error),
    );
  }
}
