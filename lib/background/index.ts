import type { browser as wxtBrowser } from 'wxt/browser';
import { createMessageListener, type Handlers } from '../messaging/listener';
import { database } from '../storage/database';
import { settingsItem, watchlistItem } from '../storage/items';
import { createToolbar } from '../toolbar';
import { createFeed, type FeedOptions } from './feed';
import { createLinkChecks } from './link-checks';
import { createOffers } from './offers';
import { createStoreTabs } from './store-tabs';
import { createSurfaces } from './surfaces';
import { createWatching } from './watching';

export { DEMO_FEED_PATH, REFRESH_ALARM } from './feed';

export interface BackgroundOptions extends FeedOptions {
  /** How long a link check waits for an answer (tests shorten it). */
  linkCheckTimeoutMs?: number;
}

/**
 * The background, wired: each feature module (feed, store tabs, watching, link checks, surfaces)
 * owns its message handlers and its browser listeners; this file only connects them. The
 * entrypoint calls `start`; tests drive the same code with fakeBrowser. See docs/architecture.md.
 */
export function createBackground(browser: typeof wxtBrowser, options: BackgroundOptions = {}) {
  const offers = createOffers(() => database.loadSnapshot());
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
  const feed = createFeed({ browser, options, offers, watching, repaintToolbar });
  const linkChecks = createLinkChecks({
    browser,
    settings: () => settingsItem.getValue(),
    offerById: (id) => offers.byId(id),
    now: Date.now,
    timeoutMs: options.linkCheckTimeoutMs,
  });
  const storeTabs = createStoreTabs({ browser, offers, toolbar, surfaces, linkChecks });

  // Adding a message: one entry in lib/messaging/protocol.ts, one handler in the module that owns
  // it. A message without a handler here is a compile error.
  const handlers: Handlers = {
    ...feed.handlers,
    ...storeTabs.handlers,
    ...watching.handlers,
    ...linkChecks.handlers,
  };

  return {
    handlers,
    refresher: feed.refresher,
    offers,
    watching,
    ensureFresh: feed.ensureFresh,
    /** What the browser's events call, by event. */
    events: {
      notificationClicked: (id: string) => watching.onNotificationClicked(id),
      refresh: () => feed.refresher.refresh(),
      settingsSynced: feed.takeSyncedSettings,
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
      feed.listen();
      watching.listen();
      storeTabs.listen();
      surfaces.listen();
      await surfaces.installMenus().catch(() => undefined);
      await feed.startUp();
    },
  };
}
