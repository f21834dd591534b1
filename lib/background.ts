import type { browser as wxtBrowser } from 'wxt/browser';
import { FeedError } from './errors';
import { parseFeed } from './feed';
import { createMessageListener, type Handlers } from './message-handler';
import { createOffersService } from './offers-service';
import { feedHostPermission } from './permissions';
import type { PageOffer } from './protocol';
import { createRefresher, isStale, type RefreshOutcome } from './refresh';
import { buildSearchIndexData } from './search-build';
import { maskApiKey } from './settings';
import { type RefreshStatus, type Snapshot, summarise } from './snapshot';
import { snapshotStore } from './snapshot-store';
import { apiKeyItem, dismissedItem, popupFocusItem, settingsItem, statusItem, summaryItem } from './storage';
import { globalBadge, type ToolbarBadge, tabBadge } from './toolbar';

export const REFRESH_ALARM = 'refresh-feed';
export const DEMO_FEED_PATH = '/demo-feed.json';

/**
 * Everything the background does, wired to the browser APIs it is given. The entrypoint only
 * calls `start`; tests drive the same code with fakeBrowser.
 */
export function createBackground(
  browser: typeof wxtBrowser,
  options: { fetch?: typeof fetch; timeoutMs?: number } = {},
) {
  const offers = createOffersService(
    () => snapshotStore.load(),
    (fetchedAt) => snapshotStore.loadIndex(fetchedAt),
  );

  async function saveSnapshot(snapshot: Snapshot) {
    await snapshotStore.save(snapshot);
    // Built here, once per feed, so a popup waking this worker later need not wait for it.
    await snapshotStore.saveIndex(snapshot.fetchedAt, buildSearchIndexData(snapshot.offers));
    await summaryItem.setValue(summarise(snapshot));
    offers.invalidate();
  }

  const refresher = createRefresher({
    now: Date.now,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs,
    async loadConfig() {
      const [apiKey, settings] = await Promise.all([apiKeyItem.getValue(), settingsItem.getValue()]);
      return { apiKey, settings };
    },
    async canReach(feedUrl) {
      const origin = feedHostPermission(feedUrl);
      return !!origin && (await browser.permissions.contains({ origins: [origin] }));
    },
    loadStatus: () => statusItem.getValue(),
    saveStatus: (status) => statusItem.setValue(status),
    saveSnapshot,
    async schedule(when) {
      await browser.alarms.clear(REFRESH_ALARM);
      if (when !== null) await browser.alarms.create(REFRESH_ALARM, { when: Math.max(when, Date.now() + 30_000) });
    },
    snapshotSource: async () => (await summaryItem.getValue())?.source ?? null,
  });

  async function loadDemo(): Promise<RefreshOutcome> {
    try {
      const response = await fetch(browser.runtime.getURL(DEMO_FEED_PATH as '/'));
      const feed = parseFeed(await response.json());
      const fetchedAt = Date.now();
      await saveSnapshot({ offers: feed.offers, rejected: feed.rejected, fetchedAt, source: 'demo' });
      const status = await statusItem.getValue();
      await statusItem.setValue({ ...status, error: null, refreshing: false });
      return { ok: true, offerCount: feed.offers.length, rejectedCount: feed.rejected.length, fetchedAt };
    } catch (error) {
      const info = (error instanceof FeedError ? error : new FeedError('malformed')).toInfo();
      return { ok: false, error: info };
    }
  }

  async function showBadge(badge: ToolbarBadge, tabId?: number) {
    const action = browser.action;
    await Promise.all([
      action.setBadgeText({ text: badge.text, tabId }),
      action.setBadgeBackgroundColor({ color: badge.color, tabId }),
      action.setTitle({ title: badge.title, tabId }),
    ]);
  }

  // Tabs whose toolbar badge shows a page's offers, so a failed (or recovered) refresh can
  // repaint them: a tab's own badge text would otherwise hide the global red "!".
  const tabOffers = new Map<number, PageOffer[]>();

  async function showStatus(status: RefreshStatus) {
    await showBadge(globalBadge(status)).catch(() => {});
    for (const [tabId, pageOffers] of tabOffers) {
      await showBadge(tabBadge(status, pageOffers), tabId).catch(() => tabOffers.delete(tabId));
    }
  }

  const handlers: Handlers = {
    refresh: () => refresher.refresh(),
    loadDemo,
    async saveSettings({ settings, apiKey }) {
      await settingsItem.setValue(settings);
      if (apiKey !== undefined) await apiKeyItem.setValue(apiKey);
      return refresher.refresh({ restart: true });
    },
    async apiKeyInfo() {
      const apiKey = await apiKeyItem.getValue();
      return { hasKey: apiKey !== '', masked: maskApiKey(apiKey) };
    },
    revealApiKey: async () => ({ apiKey: await apiKeyItem.getValue() }),
    search: (request) => offers.search(request, Date.now()),
    offerById: ({ id }) => offers.offerById(id),
    async offersForPage({ url }, sender) {
      const [settings, dismissed, status] = await Promise.all([
        settingsItem.getValue(),
        dismissedItem.getValue(),
        statusItem.getValue(),
      ]);
      const { page } = await offers.offersForPage(url, settings, dismissed, Date.now());
      const tabId = sender.tab?.id;
      if (tabId !== undefined && (sender.frameId ?? 0) === 0) {
        tabOffers.set(tabId, page.offers);
        await showBadge(tabBadge(status, page.offers), tabId).catch(() => tabOffers.delete(tabId));
      }
      return page;
    },
    async dismissBadge({ url }, sender) {
      const [settings, dismissed, status] = await Promise.all([
        settingsItem.getValue(),
        dismissedItem.getValue(),
        statusItem.getValue(),
      ]);
      const { key, signature } = await offers.offersForPage(url, settings, dismissed, Date.now());
      if (key) await dismissedItem.setValue({ ...dismissed, [key]: signature });
      // The toolbar stops pointing at an offer the publisher just dismissed.
      const tabId = sender.tab?.id;
      if (tabId !== undefined) {
        tabOffers.delete(tabId);
        await showBadge(tabBadge(status, []), tabId).catch(() => {});
      }
      return { ok: true };
    },
    async openPopup({ offerId }) {
      await popupFocusItem.setValue(offerId);
      try {
        await browser.action.openPopup();
      } catch {
        // Firefox opens the popup only from a user gesture in the extension itself.
        await browser.tabs.create({ url: browser.runtime.getURL('/popup.html') });
      }
      return { ok: true };
    },
  };

  /** On every service-worker start: refresh when the snapshot is stale, keep an alarm planned. */
  async function ensureFresh() {
    const [settings, summary, status, alarm] = await Promise.all([
      settingsItem.getValue(),
      summaryItem.getValue(),
      statusItem.getValue(),
      browser.alarms.get(REFRESH_ALARM),
    ]);
    if (status.refreshing) await statusItem.setValue({ ...status, refreshing: false });
    if (status.nextAttemptAt === null && status.error) return; // waiting for new settings
    const due = status.nextAttemptAt !== null && status.nextAttemptAt <= Date.now();
    if (due || isStale(summary?.fetchedAt ?? null, settings.refreshMinutes, Date.now())) {
      await refresher.refresh();
    } else if (!alarm && status.nextAttemptAt !== null) {
      await browser.alarms.create(REFRESH_ALARM, { when: status.nextAttemptAt });
    }
  }

  return {
    handlers,
    refresher,
    offers,
    ensureFresh,
    start() {
      browser.runtime.onMessage.addListener(
        createMessageListener(handlers, browser.runtime.getURL('/' as '/')) as never,
      );
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === REFRESH_ALARM) void refresher.refresh();
      });
      browser.runtime.onInstalled.addListener(async ({ reason }) => {
        if (reason !== 'install') return;
        const devKey = import.meta.env.WXT_DEV_API_KEY;
        if (!devKey) {
          await browser.runtime.openOptionsPage();
          return;
        }
        // Dev and test builds: pre-filled key, so the local demo feed loads without typing.
        if (!(await apiKeyItem.getValue())) await apiKeyItem.setValue(devKey);
        await refresher.refresh({ restart: true });
      });
      // Settings edited elsewhere (another computer through sync) apply here too.
      settingsItem.watch((next, previous) => {
        if (next.feedUrl !== previous?.feedUrl || next.refreshMinutes !== previous?.refreshMinutes) {
          void refresher.refresh();
        }
      });
      statusItem.watch((status) => void showStatus(status));
      void statusItem.getValue().then(showStatus);
      browser.tabs.onRemoved.addListener((tabId) => tabOffers.delete(tabId));
      void ensureFresh();
    },
  };
}
