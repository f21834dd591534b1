import type { browser as wxtBrowser } from 'wxt/browser';
import { FeedError } from '../errors';
import type { Handlers } from '../messaging/listener';
import type { SaveOutcome, Settings } from '../settings/defaults';
import { feedOrigin } from '../settings/feed-url';
import { readSyncedSettings } from '../settings/proposal';
import { readSettings } from '../settings/schema';
import { maskApiKey } from '../settings/secret';
import { database } from '../storage/database';
import { applySettingsHere, DEFAULT_SETTINGS, loadSettings, settingsItem, syncedSettingsItem } from '../storage/items';
import { networkParamProblem } from '../tracking-link';
import type { createOffers } from './offers';
import type { createSources } from './sources';

type Browser = typeof wxtBrowser;

interface Deps {
  browser: Browser;
  offers: ReturnType<typeof createOffers>;
  sources: ReturnType<typeof createSources>;
  buildOrigin: string | null;
  isApproved(origin: string): Promise<boolean>;
  /** Dev and test builds: a key stored on install, so the local demo feed works at once. */
  devApiKey?: string;
}

/**
 * The settings feature, background side: "Save and test" of the settings and the first source's
 * key (a new key or feed URL is tested before it is kept), the approval of feed servers, and
 * settings that arrive through sync (lib/settings/proposal.ts).
 */
export function createSettings({ browser, offers, sources, buildOrigin, isApproved, devApiKey }: Deps) {
  const primary = () => sources.primary();

  /**
   * Settings arrived through storage.sync (another device — or, in Firefox, a content script):
   * the fields that steer nothing sensitive follow at once; those that steer links or the key
   * wait on the settings page as a proposal.
   */
  async function takeSyncedSettings(synced: unknown): Promise<void> {
    const { settings } = await loadSettings();
    const { apply } = readSyncedSettings(settings, synced);
    if (Object.keys(apply).length > 0) await applySettingsHere({ ...settings, ...apply });
    await sources.refreshAll({ automatic: true });
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
      return {
        ok: false,
        error: new FeedError('confirm-origin', { detail: new URL(origin).host }).toInfo(),
        confirmOrigin: origin,
      };
    }
    const apiKey = request.apiKey ?? (await database.loadApiKey());
    const commit = async () => {
      if (origin && !(await isApproved(origin))) await database.approveOrigin(origin);
      if (request.apiKey !== undefined) await database.saveApiKey(request.apiKey);
      await settingsItem.setValue(settings);
    };
    const steersFetch = request.apiKey !== undefined || settings.feedUrl !== current.settings.feedUrl;
    if (steersFetch) {
      return primary().refresh({ trial: { apiKey, settings, commit, approvedOrigin: request.approveOrigin } });
    }
    await commit();
    return sources.refreshAll();
  }

  async function onInstalled({ reason }: { reason: string }): Promise<void> {
    if (reason !== 'install') return;
    if (!devApiKey) {
      await browser.runtime.openOptionsPage();
      return;
    }
    if (!(await database.loadApiKey())) await database.saveApiKey(devApiKey);
    await primary().refresh({ restart: true });
  }

  const handlers = {
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
      await sources.refreshAll();
      return { ok: true as const };
    },
    async apiKeyInfo() {
      const apiKey = await database.loadApiKey();
      return { hasKey: apiKey !== '', masked: maskApiKey(apiKey) };
    },
    revealApiKey: async () => ({ apiKey: await database.loadApiKey() }),
  } satisfies Partial<Handlers>;

  return {
    handlers,
    takeSyncedSettings,
    adoptOlderSettings,
    listen(): void {
      browser.runtime.onInstalled.addListener((details) => void onInstalled(details));
      // Settings edited elsewhere (another computer through sync): the harmless ones apply here
      // too; the refresh is automatic, so writes to storage can never make it fetch more often.
      syncedSettingsItem.watch((synced) => void takeSyncedSettings(synced));
    },
  };
}
