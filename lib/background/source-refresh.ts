import type { browser as wxtBrowser } from 'wxt/browser';
import { driftFeed } from '../demo';
import { FeedError } from '../errors';
import { NETWORK_KINDS, sourceAddressProblem, sourceHostPattern } from '../networks';
import type { RefreshConfig, RefresherDeps } from '../refresh';
import { fetchFeed } from '../refresh/fetch-feed';
import { fetchDemoPages, fetchSourceOffers } from '../refresh/fetch-offers';
import { feedOrigin } from '../settings/feed-url';
import { DEMO_SOURCES, PRIMARY_SOURCE_ID, type Source } from '../sources';
import { database } from '../storage/database';
import { loadSettings } from '../storage/items';

type Browser = typeof wxtBrowser;

export interface FetchSettings {
  fetch?: typeof fetch;
  timeoutMs?: number;
  maxBytes?: number;
}

/**
 * How one source is refreshed: its key and settings, whether it may be fetched (key, address,
 * approved origin, host permission), and how its offers are fetched (its kind's API, or the
 * bundled demo). The refresher (lib/refresh) does the rest, the same for every source.
 */
export function sourceFetching(
  browser: Browser,
  source: () => Promise<Source>,
  isApproved: (origin: string) => Promise<boolean>,
  fetching: FetchSettings,
  demoStep: () => Promise<number>,
): Pick<RefresherDeps, 'loadConfig' | 'checkAccess' | 'fetchOffers'> {
  return {
    async loadConfig() {
      const [current, loaded] = await Promise.all([source(), loadSettings()]);
      const apiKey = current.demo ? '' : await database.loadApiKey(current.id);
      return { apiKey, settings: loaded.settings, repaired: loaded.repaired };
    },

    async checkAccess(config: RefreshConfig, alsoApproved?: string) {
      const current = config.source ?? (await source());
      if (current.demo) return null;
      if (!config.apiKey) return new FeedError('no-key');
      const address = addressOf(current, config);
      if (sourceAddressProblem(current.kind, address)) return new FeedError('no-feed-url');
      const origin = originOf(current, address);
      // Everflow's two hosts are the network's own; a feed URL or an Affise host the publisher approves.
      if (NETWORK_KINDS[current.kind].address !== 'fixed-host' && origin && origin !== alsoApproved) {
        if (!(await isApproved(origin))) return new FeedError('unapproved-origin', { detail: new URL(origin).host });
      }
      const pattern = sourceHostPattern(current.kind, address);
      if (!pattern) return new FeedError('no-feed-url');
      return (await browser.permissions.contains({ origins: [pattern] })) ? null : new FeedError('no-permission');
    },

    async fetchOffers(config: RefreshConfig, signal: AbortSignal) {
      const current = config.source ?? (await source());
      const options = { ...fetching, signal };
      const demo = DEMO_SOURCES.find((s) => s.id === current.id);
      if (demo) {
        const url = browser.runtime.getURL(demo.file as '/');
        if (demo.kind !== 'carrierapptraffic') return fetchDemoPages(demo.kind, url, options);
        // The demo feed moves a step each time (lib/demo.ts), so the Changes view has changes.
        const step = await demoStep();
        return fetchFeed(url, { ...options, reshape: (body) => driftFeed(body, step) });
      }
      return fetchSourceOffers(current.kind, { ...addressOf(current, config), apiKey: config.apiKey }, options);
    },
  };
}

/** Where a source points: the first one's feed URL is the settings' (those of a "Save and test" while it runs). */
export function addressOf(
  source: Source,
  config: Pick<RefreshConfig, 'settings'>,
): { feedUrl?: string; host?: string } {
  if (source.id === PRIMARY_SOURCE_ID) return { feedUrl: config.settings.feedUrl };
  if (source.kind === 'carrierapptraffic') return { feedUrl: source.feedUrl ?? '' };
  return { host: source.host };
}

/** The origin the key is sent to, e.g. "https://api-x.affise.com"; null when the address is no URL. */
export function originOf(source: Pick<Source, 'kind'>, address: { feedUrl?: string; host?: string }): string | null {
  if (source.kind === 'carrierapptraffic') return feedOrigin(address.feedUrl ?? '');
  const pattern = sourceHostPattern(source.kind, address);
  if (!pattern) return null;
  const text = (address.host ?? '').trim();
  try {
    return new URL(/^[a-z]+:\/\//i.test(text) ? text : `https://${text}`).origin;
  } catch {
    return null;
  }
}
