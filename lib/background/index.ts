import type { browser as wxtBrowser } from 'wxt/browser';
import { diffOffers } from '../changes';
import { toRecords } from '../changes/log';
import { driftFeed } from '../demo';
import { FeedError } from '../errors';
import { createMessageListener, type Handlers, type Sender } from '../messaging/listener';
import { createRefresher, type RefreshOutcome } from '../refresh';
import { isStale } from '../refresh/schedule';
import type { RefreshStatus } from '../refresh/status';
import { buildSearchIndexData } from '../search/build';
import { feedOrigin, feedOriginPattern } from '../settings/feed-url';
import { maskApiKey } from '../settings/secret';
import { type Snapshot, summarise } from '../snapshot';
import { database } from '../storage/database';
import {
  dismissedItem,
  firstPageItem,
  loadSettings,
  settingsItem,
  statusItem,
  summaryItem,
  TAB_OFFERS_MAX,
  tabOffersItem,
  toTabOffer,
  watchlistItem,
} from '../storage/items';
import { migrateLegacyStorage } from '../storage/legacy';
import { createStorePages, type PageOffers } from '../store-page';
import { createToolbar } from '../toolbar';
import { createLinkChecks } from './link-checks';
import { createOffers } from './offers';
import { createSurfaces } from './surfaces';
import { changeWatch } from './watch-on-page';
import { createWatching } from './watching';

export const REFRESH_ALARM = 'refresh-feed';
export const DEMO_FEED_PATH = '/demo-feed.json';
/** Badge actions that open a tab or window: at most one a second per tab. */
const OPEN_INTERVAL_MS = 1000;

export interface BackgroundOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
  /** The build's feed URL (WXT_FEED_URL): its origin is approved from the start. */
  buildFeedUrl?: string;
  /** Dev and test builds: a key stored on install, so the local demo feed works at once. */
  devApiKey?: string;
  /** How long a link check waits for an answer (tests shorten it). */
  linkCheckTimeoutMs?: number;
}

/**
 * Everything the background does, wired to the browser APIs it is given. The entrypoint only
 * calls `start`; tests drive the same code with fakeBrowser. See docs/architecture.md.
 */
export function createBackground(browser: typeof wxtBrowser, options: BackgroundOptions = {}) {
  const buildOrigin = feedOrigin(options.buildFeedUrl ?? import.meta.env.WXT_FEED_URL ?? '');
  const offers = createOffers(() => database.loadSnapshot());
  const surfaces = createSurfaces(browser);
  const linkChecks = createLinkChecks({
    browser,
    settings: () => settingsItem.getValue(),
    offerById: (id) => offers.byId(id),
    now: Date.now,
    timeoutMs: options.linkCheckTimeoutMs,
  });
  const toolbar = createToolbar(browser.action, async () => ({
    status: await database.loadStatus(),
    watchedUnseen: await database.changes.loadWatchedUnseen(),
  }));
  const notificationsAllowed = () =>
    browser.permissions.contains({ permissions: ['notifications'] }).catch(() => false);
  const storePages = createStorePages({
    storeIndex: offers.storeIndex,
    settings: () => settingsItem.getValue(),
    dismissals: dismissedItem,
    watchlist: watchlistItem,
    latestChanges: (ids) => database.changes.latestFor(ids),
    notificationsAllowed,
    now: Date.now,
  });
  const watching = createWatching({
    browser,
    watchlist: watchlistItem,
    settings: () => settingsItem.getValue(),
    log: database.changes,
    repaintToolbar: () => toolbar.repaint(),
    openOffer: (offerId) => openPopupOn(offerId),
    now: Date.now,
  });

  /**
   * Keep a good snapshot: compared with the one it replaces (same source only: a switch between
   * demo and feed starts the log over), written with its changes in one transaction, then the
   * watch rules run on the changes.
   */
  async function saveSnapshot(snapshot: Snapshot): Promise<void> {
    const previous = await offers.snapshot().catch(() => null);
    const sameSource = previous?.source === snapshot.source;
    const t0 = performance.now();
    const records = sameSource
      ? toRecords(diffOffers(previous.offers, snapshot.offers), snapshot.offers, snapshot.fetchedAt, previous.fetchedAt)
      : [];
    const t1 = performance.now();
    const index = buildSearchIndexData(snapshot.offers);
    const t2 = performance.now();
    const { top } = await database.saveSnapshot(snapshot, index, records, !sameSource);
    const t3 = performance.now();
    offers.invalidate();
    await firstPageItem.setValue({ fetchedAt: snapshot.fetchedAt, top });
    if (!sameSource) await database.changes.saveStartedAt(snapshot.fetchedAt);
    await summaryItem.setValue(summarise(snapshot));
    await database.changes.saveTimings({
      diffMs: t1 - t0,
      indexMs: t2 - t1,
      writeMs: t3 - t2,
      changes: records.length,
    });
    await watching.afterRefresh(records, snapshot.offers);
  }

  /**
   * Extension pages search the stored index (lib/storage/offer-source.ts). An update of Offer
   * Lens that changed the index's shape leaves one they cannot use: rebuild it from the stored
   * snapshot (offers rewritten too, in the current chunk size), once, without waiting for a feed.
   */
  let indexCheck: Promise<void> | null = null;
  function ensureSearchIndex(): Promise<void> {
    indexCheck ??= (async () => {
      const summary = await summaryItem.getValue();
      if (!summary) return;
      if (await database.hasCurrentSearchIndex()) return;
      const snapshot = await offers.snapshot();
      if (!snapshot) return;
      await database.saveSnapshot(snapshot, buildSearchIndexData(snapshot.offers));
      offers.invalidate();
    })().finally(() => {
      indexCheck = null;
    });
    return indexCheck;
  }

  async function saveStatus(status: RefreshStatus): Promise<void> {
    await database.saveStatus(status);
    await statusItem.setValue(status);
    await toolbar.repaint();
  }

  /** Why the feed may not be fetched from this template's origin now; null when it may. */
  async function checkFeedAccess(template: string): Promise<FeedError | null> {
    const origin = feedOrigin(template);
    const pattern = feedOriginPattern(template);
    if (!origin || !pattern) return new FeedError('no-feed-url');
    if (origin !== buildOrigin && !(await database.loadApprovedOrigins()).includes(origin)) {
      return new FeedError('unapproved-origin');
    }
    return (await browser.permissions.contains({ origins: [pattern] })) ? null : new FeedError('no-permission');
  }

  const refresher = createRefresher({
    now: Date.now,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    maxBytes: options.maxBytes,
    async loadConfig() {
      const [apiKey, { settings, repaired }] = await Promise.all([database.loadApiKey(), loadSettings()]);
      return { apiKey, settings, repaired };
    },
    checkFeedAccess,
    loadStatus: () => database.loadStatus(),
    saveStatus,
    currentSnapshot: async () => summaryItem.getValue(),
    saveSnapshot,
    async schedule(when) {
      await browser.alarms.clear(REFRESH_ALARM);
      if (when !== null) await browser.alarms.create(REFRESH_ALARM, { when: Math.max(when, Date.now() + 30_000) });
    },
  });

  /**
   * The demo feed, one drift step further each time (lib/demo.ts). Coming from the publisher's
   * feed (or nothing), the first step is kept as the baseline, so the Changes view has changes.
   */
  async function loadDemo(): Promise<RefreshOutcome> {
    const url = browser.runtime.getURL(DEMO_FEED_PATH as '/');
    const inDemo = (await summaryItem.getValue())?.source === 'demo';
    let step = inDemo ? (await database.changes.loadDemoStep()) + 1 : 1;
    if (!inDemo) {
      const baseline = await refresher.loadDemo(url);
      if (!baseline.ok) return baseline;
    }
    const watched = (await watchlistItem.getValue()).offers;
    const outcome = await refresher.loadDemo(url, (body) => driftFeed(body, step, { watched }));
    if (!outcome.ok) step -= 1;
    await database.changes.saveDemoStep(Math.max(step, 0));
    return outcome;
  }

  /** "Refresh" shows the demo's next step while demo data is shown without a key. */
  async function refresh(): Promise<RefreshOutcome> {
    const demo = (await summaryItem.getValue())?.source === 'demo' && !(await database.loadApiKey());
    return demo ? loadDemo() : refresher.refresh();
  }

  const lastOpened = new Map<number, number>();
  let listeningToNotifications = false;
  const openPopupOn = (offerId: string) => surfaces.openPopupOn({ offerId });

  /** What the side panel's "On this page" shows for a tab (badges off: nothing kept, the panel matches itself). */
  async function rememberTabOffers(tabId: number, page: PageOffers): Promise<void> {
    const kept = await tabOffersItem.getValue();
    delete kept[tabId];
    const entries = Object.entries(kept).slice(-(TAB_OFFERS_MAX - 1));
    if (page.enabled) entries.push([String(tabId), { url: page.url, offers: page.offers.map(toTabOffer) }]);
    await tabOffersItem.setValue(Object.fromEntries(entries));
  }
  async function forgetTabOffers(tabId: number): Promise<void> {
    const kept = await tabOffersItem.getValue();
    if (!(tabId in kept)) return;
    delete kept[tabId];
    await tabOffersItem.setValue(kept);
  }

  /**
   * The page a content script is on, as the browser reports it (never a URL from the message).
   * For the top frame that is the tab's URL: Chrome keeps `sender.url` at the URL the document
   * loaded with, while the stores move between apps with history.pushState.
   */
  const senderPage = (sender: Sender) => {
    const url = sender.frameId === 0 && sender.tab?.url ? sender.tab.url : sender.url;
    if (!url) throw new Error('Not a page');
    return url;
  };
  const topFrameTab = (sender: Sender) =>
    sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0 ? sender.tab.id : null;

  const handlers: Handlers = {
    refresh,
    loadDemo,
    async saveSettings({ settings, apiKey }) {
      const origin = feedOrigin(settings.feedUrl);
      // A save on the settings page is the publisher's approval of the feed's origin.
      if (origin) await database.approveOrigin(origin);
      if (apiKey !== undefined) await database.saveApiKey(apiKey);
      await settingsItem.setValue(settings);
      return refresher.refresh({ restart: true });
    },
    async apiKeyInfo() {
      const apiKey = await database.loadApiKey();
      return { hasKey: apiKey !== '', masked: maskApiKey(apiKey) };
    },
    revealApiKey: async () => ({ apiKey: await database.loadApiKey() }),
    offerById: ({ id }) => offers.byId(id),
    async prepareSearch() {
      await ensureSearchIndex();
      return { ok: true };
    },
    async markChangesSeen({ upTo }) {
      await watching.markSeen(upTo);
      return { ok: true };
    },
    async changesViewed() {
      await watching.clearCount();
      return { ok: true };
    },
    async offersForPage(_, sender) {
      const page = await storePages.forPage(senderPage(sender));
      const tabId = topFrameTab(sender);
      if (tabId !== null) {
        await toolbar.showTab(tabId, page.dismissed ? [] : page.offers);
        await rememberTabOffers(tabId, page);
      }
      return page;
    },
    async dismissBadge(_, sender) {
      await storePages.dismiss(senderPage(sender));
      // The toolbar stops pointing at an offer the publisher just dismissed.
      const tabId = topFrameTab(sender);
      if (tabId !== null) await toolbar.showTab(tabId, []);
      return { ok: true };
    },
    async undismissBadge(_, sender) {
      await storePages.undismiss(senderPage(sender));
      return handlers.offersForPage({}, sender); // the toolbar shows its payout again
    },
    async watchOnPage(request, sender) {
      await changeWatch(watchlistItem, request, senderPage(sender), await offers.storeIndex());
      return storePages.forPage(senderPage(sender));
    },
    checkLink: ({ offerId }) => linkChecks.check(offerId),
    async checkLinkOnPage({ offerId }, sender) {
      // A page's script could send this too: only an offer its badge shows, one per minute each.
      const page = await storePages.forPage(senderPage(sender));
      if (!page.offers.some((offer) => offer.id === offerId)) return { status: 'unknown-offer' as const };
      return linkChecks.check(offerId);
    },
    async openSidePanel(_, sender) {
      // Called at once: the click's gesture is what lets the panel open.
      await surfaces.openSidePanel({ id: sender.tab?.id, windowId: sender.tab?.windowId });
      return { ok: true };
    },
    async openPopup({ offerId }, sender) {
      const tabId = sender.tab?.id ?? -1;
      const now = Date.now();
      if (now - (lastOpened.get(tabId) ?? 0) < OPEN_INTERVAL_MS) return { ok: true };
      lastOpened.set(tabId, now);
      await openPopupOn(offerId);
      return { ok: true };
    },
  };

  /** On every background start: refresh when the snapshot is stale or an attempt is due. */
  async function ensureFresh(): Promise<void> {
    const [settings, status, alarm] = await Promise.all([
      settingsItem.getValue(),
      database.loadStatus(),
      browser.alarms.get(REFRESH_ALARM),
    ]);
    // A worker stopped mid-refresh leaves "refreshing": that refresh is over.
    if (status.refreshing) await saveStatus({ ...status, refreshing: false });
    if (status.nextAttemptAt === null && status.error) return; // waiting for new settings
    if ((await summaryItem.getValue())?.source === 'demo' && !(await database.loadApiKey())) return;
    const due = status.nextAttemptAt !== null && status.nextAttemptAt <= Date.now();
    if (due || isStale(status.lastSuccessAt, settings.refreshMinutes, Date.now())) {
      await refresher.refresh({ automatic: true });
    } else if (!alarm && status.nextAttemptAt !== null) {
      await browser.alarms.create(REFRESH_ALARM, { when: status.nextAttemptAt });
    }
  }

  async function onInstalled({ reason }: { reason: string }): Promise<void> {
    if (reason !== 'install') return;
    if (!options.devApiKey) {
      await browser.runtime.openOptionsPage();
      return;
    }
    if (!(await database.loadApiKey())) await database.saveApiKey(options.devApiKey);
    await refresher.refresh({ restart: true });
  }

  return {
    handlers,
    refresher,
    offers,
    watching,
    ensureFresh,
    /** What the browser's events call, by event. */
    events: {
      notificationClicked: (id: string) => watching.onNotificationClicked(id),
      refresh: () => refresher.refresh(),
      menuClicked: surfaces.menuClicked,
      omniboxInput: surfaces.omniboxInput,
      omniboxEntered: surfaces.omniboxEntered,
      command: surfaces.command,
    },
    async start(): Promise<void> {
      browser.runtime.onMessage.addListener(
        createMessageListener(handlers, browser.runtime.getURL('/' as '/')) as never,
      );
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === REFRESH_ALARM) void refresher.refresh({ automatic: true });
      });
      browser.runtime.onInstalled.addListener((details) => void onInstalled(details));
      // Settings edited elsewhere (another computer through sync) apply here too; the refresh
      // is automatic, so writes to storage can never make the background fetch more often.
      settingsItem.watch(() => void refresher.refresh({ automatic: true }));
      // Firefox: host access granted in about:addons, not through our button.
      browser.permissions.onAdded?.addListener(() => void refresher.refresh());
      // The notifications API appears once its (optional) permission is granted.
      const listenToNotifications = () => {
        if (!browser.notifications || listeningToNotifications) return;
        listeningToNotifications = true;
        browser.notifications.onClicked.addListener((id) => void watching.onNotificationClicked(id));
      };
      listenToNotifications();
      browser.permissions.onAdded?.addListener(listenToNotifications);
      surfaces.listen();
      browser.tabs.onRemoved.addListener((tabId) => {
        toolbar.forgetTab(tabId);
        lastOpened.delete(tabId);
        void forgetTabOffers(tabId);
      });
      // Every listener above is registered in the worker's first turn, as MV3 requires.
      await surfaces.installMenus().catch(() => undefined);
      await restrictStorageToExtension(browser);
      await migrateLegacyStorage();
      await toolbar.repaint();
      await ensureSearchIndex().catch(() => undefined);
      await ensureFresh();
    },
  };
}

/**
 * Chrome lets content scripts use storage.local and storage.sync unless told otherwise (Firefox
 * always lets them, which is why nothing secret is kept there). Nothing in our content script
 * needs them.
 */
async function restrictStorageToExtension(browser: typeof wxtBrowser): Promise<void> {
  type Restrictable = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  for (const area of [browser.storage.local, browser.storage.sync] as Restrictable[]) {
    await Promise.resolve(area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })).catch(() => undefined);
  }
}
