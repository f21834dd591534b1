import type { browser as wxtBrowser } from 'wxt/browser';
import { diffOffers } from '../changes';
import { toRecords } from '../changes/log';
import { driftFeed } from '../demo';
import { FeedError } from '../errors';
import type { Handlers } from '../messaging/listener';
import type { Offer } from '../offer';
import { createRefresher, type RefreshOutcome } from '../refresh';
import { isStale } from '../refresh/schedule';
import type { RefreshStatus } from '../refresh/status';
import { buildSearchIndexData } from '../search/build';
import type { SaveOutcome, Settings } from '../settings/defaults';
import { feedOrigin, feedOriginPattern } from '../settings/feed-url';
import { readSyncedSettings } from '../settings/proposal';
import { readSettings } from '../settings/schema';
import { maskApiKey } from '../settings/secret';
import { type Snapshot, summarise } from '../snapshot';
import { database } from '../storage/database';
import {
  applySettingsHere,
  DEFAULT_SETTINGS,
  firstPageItem,
  loadSettings,
  settingsItem,
  statusItem,
  summaryItem,
  syncedSettingsItem,
  watchlistItem,
} from '../storage/items';
import { migrateLegacyStorage } from '../storage/legacy';
import { networkParamProblem } from '../tracking-link';
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
    if (!sameSource) await database.meta.set('logStartedAt', snapshot.fetchedAt);
    // Mirrors for the pages' first paint: one that fails to write (a quota) never fails the refresh.
    await mirror(firstPageItem.setValue({ fetchedAt: snapshot.fetchedAt, top: top.map(trimForMirror) }));
    await mirror(summaryItem.setValue(summarise(snapshot)));
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
    await mirror(statusItem.setValue(status));
    await repaintToolbar();
  }

  /** The build's origin and the ones the publisher approved on the settings page. */
  const isApproved = async (origin: string) =>
    origin === buildOrigin || (await database.loadApprovedOrigins()).includes(origin);

  /** Why the feed may not be fetched from this template's origin now; null when it may. */
  async function checkFeedAccess(template: string, alsoApproved?: string): Promise<FeedError | null> {
    const origin = feedOrigin(template);
    const pattern = feedOriginPattern(template);
    if (!origin || !pattern) return new FeedError('no-feed-url');
    if (origin !== alsoApproved && !(await isApproved(origin)))
      return new FeedError('unapproved-origin', { detail: new URL(origin).host });
    return (await browser.permissions.contains({ origins: [pattern] })) ? null : new FeedError('no-permission');
  }

  /**
   * Settings arrived through storage.sync (another device — or, in Firefox, a content script):
   * the fields that steer nothing sensitive follow at once; those that steer links or the key
   * wait on the settings page as a proposal (lib/settings/proposal.ts).
   */
  async function takeSyncedSettings(synced: unknown): Promise<void> {
    const { settings } = await loadSettings();
    const { apply } = readSyncedSettings(settings, synced);
    if (Object.keys(apply).length > 0) await applySettingsHere({ ...settings, ...apply });
    await refresher.refresh({ automatic: true });
  }

  /**
   * Before settings were kept in IndexedDB, storage.sync held the ones in force. An install that
   * has a key or offers but no settings here is such an older version: its settings are taken as
   * they were in force (nothing new is trusted by this). A new install starts from the defaults,
   * and whatever sync brings is a proposal.
   */
  async function adoptOlderSettings(): Promise<void> {
    if ((await database.loadSettings()) !== null) return;
    const older = (await database.loadApiKey()) !== '' || (await database.meta.get('snapshot')) !== null;
    const synced = older ? await syncedSettingsItem.getValue() : null;
    await applySettingsHere(readSettings(synced, DEFAULT_SETTINGS).settings);
  }

  /**
   * "Save and test" from the settings page. A new key or feed URL is tested before it is kept:
   * one that fails changes nothing (the working ones stay in force). A feed on an origin never
   * approved needs the publisher's explicit confirmation naming its host; a click or sub ID
   * parameter the network's links use for their own values is refused.
   */
  async function saveSettings(request: {
    settings: Settings;
    apiKey?: string;
    approveOrigin?: string;
  }): Promise<SaveOutcome> {
    const { settings } = request;
    const current = await loadSettings();
    const links = (await offers.snapshot().catch(() => null))?.offers.map((o) => o.trackingUrl) ?? [];
    for (const field of ['clickIdParam', 'subIdParam'] as const) {
      const problem = networkParamProblem(settings[field], links);
      if (problem) return { ok: false, error: { code: 'param-taken', message: problem }, field };
    }
    const origin = feedOrigin(settings.feedUrl);
    if (origin && !(await isApproved(origin)) && request.approveOrigin !== origin) {
      return { ok: false, error: new FeedError('confirm-origin', { detail: new URL(origin).host }).toInfo() };
    }
    const apiKey = request.apiKey ?? (await database.loadApiKey());
    const commit = async () => {
      if (origin && !(await isApproved(origin))) await database.approveOrigin(origin);
      if (request.apiKey !== undefined) await database.saveApiKey(request.apiKey);
      await settingsItem.setValue(settings);
    };
    const steersFetch = request.apiKey !== undefined || settings.feedUrl !== current.settings.feedUrl;
    if (steersFetch) {
      return refresher.refresh({ trial: { apiKey, settings, commit, approvedOrigin: request.approveOrigin } });
    }
    await commit();
    return refresher.refresh({ restart: true });
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
    saveSettings,
    /** The synced settings are not what this computer uses: this computer's go to sync. */
    async keepMySettings() {
      await settingsItem.setValue((await loadSettings()).settings);
      return { ok: true as const };
    },
    async approvedOrigins() {
      return { build: buildOrigin, approved: (await database.loadApprovedOrigins()).filter((o) => o !== buildOrigin) };
    },
    /** Take back an approval: the key is never sent there again (until approved again). */
    async revokeOrigin({ origin }) {
      await database.revokeOrigin(origin);
      const { settings } = await loadSettings();
      if (feedOrigin(settings.feedUrl) === origin) await refresher.refresh({ restart: true });
      return { ok: true as const };
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
    takeSyncedSettings,
    /** Listeners the worker must register in its first turn (MV3). */
    listen(): void {
      browser.alarms.onAlarm.addListener((alarm) => {
        if (alarm.name === REFRESH_ALARM) void refresher.refresh({ automatic: true });
      });
      browser.runtime.onInstalled.addListener((details) => void onInstalled(details));
      // Settings edited elsewhere (another computer through sync): the harmless ones apply here
      // too; the refresh is automatic, so writes to storage can never make it fetch more often.
      syncedSettingsItem.watch((synced) => void takeSyncedSettings(synced));
      // Firefox: host access granted in about:addons, not through our button.
      browser.permissions.onAdded?.addListener(() => void refresher.refresh());
    },
    /** After the listeners: what a starting worker catches up on. */
    async startUp(): Promise<void> {
      await restrictStorageToExtension(browser);
      await adoptOlderSettings();
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
    if (!area.setAccessLevel) continue; // Firefox: never restrictable, which is why nothing trusted is there
    // Chrome 140+ (the manifest's minimum_chrome_version) restricts local and sync too.
    await Promise.resolve(area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' })).catch((error: unknown) =>
      console.warn('Offer Lens: web pages can still reach this storage area (setAccessLevel failed)', error),
    );
  }
}

/** A display mirror's write: its failure (a quota) is reported, never the refresh's failure. */
async function mirror(write: Promise<void>): Promise<void> {
  await write.catch((error: unknown) => console.warn('Offer Lens: a display mirror failed to write', error));
}

/** An offer as the first-paint mirror keeps it: long feed text clipped, so a hostile feed cannot fill session storage. */
function trimForMirror(offer: Offer): Offer {
  return offer.description.length > MIRROR_TEXT_MAX
    ? { ...offer, description: `${offer.description.slice(0, MIRROR_TEXT_MAX)}…` }
    : offer;
}
const MIRROR_TEXT_MAX = 2000;
