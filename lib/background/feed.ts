import type { browser as wxtBrowser } from 'wxt/browser';
import { diffOffers } from '../changes';
import { toRecords } from '../changes/log';
import { driftFeed } from '../demo';
import { FeedError } from '../errors';
import type { Handlers } from '../messaging/listener';
import { createRefresher, type RefreshOutcome } from '../refresh';
import { isStale } from '../refresh/schedule';
import type { RefreshStatus } from '../refresh/status';
import { buildSearchIndexData } from '../search/build';
import { feedOrigin, feedOriginPattern } from '../settings/feed-url';
import { maskApiKey } from '../settings/secret';
import { type Snapshot, summarise } from '../snapshot';
import { database } from '../storage/database';
import { firstPageItem, loadSettings, settingsItem, statusItem, summaryItem, watchlistItem } from '../storage/items';
import { migrateLegacyStorage } from '../storage/legacy';
import type { createOffers } from './offers';
import type { createWatching } from './watching';

export const REFRESH_ALARM = 'refresh-feed';
export const DEMO_FEED_PATH = '/demo-feed.json';

type Browser = typeof wxtBrowser;

export interface FeedOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
  /** The build's feed URL (WXT_FEED_URL): its origin is approved from the start. */
  buildFeedUrl?: string;
  /** Dev and test builds: a key stored on install, so the local demo feed works at once. */
  devApiKey?: string;
}

interface Deps {
  browser: Browser;
  options: FeedOptions;
  offers: ReturnType<typeof createOffers>;
  watching: ReturnType<typeof createWatching>;
  repaintToolbar(): Promise<void>;
}

/**
 * The feed feature: the refresh schedule, the settings and key that steer it, the demo feed, and
 * keeping each good snapshot (with its changes and search index). Its handlers answer the
 * settings page and the popup's Refresh.
 */
export function createFeed({ browser, options, offers, watching, repaintToolbar }: Deps) {
  const buildOrigin = feedOrigin(options.buildFeedUrl ?? import.meta.env.WXT_FEED_URL ?? '');

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
    if (!sameSource) await database.meta.set('logStartedAt', snapshot.fetchedAt);
    await summaryItem.setValue(summarise(snapshot));
    await database.meta.set('saveTimings', {
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
      if (!(await summaryItem.getValue())) return;
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
    await database.meta.set('status', status);
    await statusItem.setValue(status);
    await repaintToolbar();
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
    loadStatus: () => database.meta.get('status'),
    saveStatus,
    currentSnapshot: async () => summaryItem.getValue(),
    saveSnapshot,
    async schedule(when) {
      await browser.alarms.clear(REFRESH_ALARM);
      if (when !== null) await browser.alarms.create(REFRESH_ALARM, { when: Math.max(when, Date.now() + 30_000) });
    },
  });

  /** Demo data is on show without a key of the publisher's: nothing to fetch on a schedule. */
  async function showingDemoOnly(): Promise<boolean> {
    return (await summaryItem.getValue())?.source === 'demo' && !(await database.loadApiKey());
  }

  /**
   * The demo feed, one drift step further each time (lib/demo.ts). Coming from the publisher's
   * feed (or nothing), the first step is kept as the baseline, so the Changes view has changes.
   */
  async function loadDemo(): Promise<RefreshOutcome> {
    const url = browser.runtime.getURL(DEMO_FEED_PATH as '/');
    const inDemo = (await summaryItem.getValue())?.source === 'demo';
    let step = inDemo ? (await database.meta.get('demoStep')) + 1 : 1;
    if (!inDemo) {
      const baseline = await refresher.loadDemo(url);
      if (!baseline.ok) return baseline;
    }
    const watched = (await watchlistItem.getValue()).offers;
    const outcome = await refresher.loadDemo(url, (body) => driftFeed(body, step, { watched }));
    if (!outcome.ok) step -= 1;
    await database.meta.set('demoStep', Math.max(step, 0));
    return outcome;
  }

  /** On every background start: refresh when the snapshot is stale or an attempt is due. */
  async function ensureFresh(): Promise<void> {
    const [settings, status, alarm] = await Promise.all([
      settingsItem.getValue(),
      database.meta.get('status'),
      browser.alarms.get(REFRESH_ALARM),
    ]);
    // A worker stopped mid-refresh leaves "refreshing": that refresh is over.
    if (status.refreshing) await saveStatus({ ...status, refreshing: false });
    if (status.nextAttemptAt === null && status.error) return; // waiting for new settings
    if (await showingDemoOnly()) return;
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

  const handlers = {
    /** "Refresh" shows the demo's next step while demo data is shown without a key. */
    refresh: async () => ((await showingDemoOnly()) ? loadDemo() : refresher.refresh()),
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
      return { ok: true as const };
    },
  } satisfies Partial<Handlers>;

  return {
    handlers,
    refresher,
    ensureFresh,
    /** Listeners the worker must register in its first turn (MV3). */
    listen(): void {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === REFRESH_ALARM) void refresher.refresh({ automatic: true });
      });
      browser.runtime.onInstalled.addListener((details) => void onInstalled(details));
      // Settings edited elsewhere (another computer through sync) apply here too; the refresh
      // is automatic, so writes to storage can never make the background fetch more often.
      settingsItem.watch(() => void refresher.refresh({ automatic: true }));
      // Firefox: host access granted in about:addons, not through our button.
      browser.permissions.onAdded?.addListener(() => void refresher.refresh());
    },
    /** After the listeners: what a starting worker catches up on. */
    async startUp(): Promise<void> {
      await restrictStorageToExtension(browser);
      await migrateLegacyStorage();
      await repaintToolbar();
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
async function restrictStorageToExtension(browser: Browser): Promise<void> {
  type Restrictable = { setAccessLevel?: (options: { accessLevel: string }) => Promise<void> };
  for (const area of [browser.storage.local, browser.storage.sync] as Restrictable[]) {
    await Promise.resolve(area.setAccessLevel?.({ accessLevel: 'TRUSTED_CONTEXTS' })).catch(() => undefined);
  }
}
