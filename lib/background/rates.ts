import type { browser as wxtBrowser } from 'wxt/browser';
import { newerRates, parseRatesResponse, RATES_ORIGIN_PATTERNS, RATES_URLS } from '../currency';
import { fetchJson } from '../refresh/fetch-feed';
import { database } from '../storage/database';
import { loadSettings } from '../storage/items';
import { forgetRates } from '../storage/rates';

export const RATES_ALARM = 'refresh-rates';
const DAY_MINUTES = 24 * 60;

type Browser = typeof wxtBrowser;

/**
 * The exchange rates' daily refresh, only when the publisher turned it on (settings) and granted
 * access to the rates service: each URL in turn (the service's own fallback), the answer checked
 * (lib/currency), kept only when newer than the table in use. Offline, or refused, it keeps the
 * bundled or last table, and the settings page says its date.
 */
export function createRates(browser: Browser, fetching: { fetch?: typeof fetch; timeoutMs?: number } = {}) {
  async function allowed(): Promise<boolean> {
    const { settings } = await loadSettings();
    if (!settings.refreshRates) return false;
    return browser.permissions.contains({ origins: [...RATES_ORIGIN_PATTERNS] }).catch(() => false);
  }

  /** Fetch today's table; answers whether a newer one was kept. */
  async function refresh(): Promise<boolean> {
    if (!(await allowed())) return false;
    for (const url of RATES_URLS) {
      const body = await fetchJson(url, { ...fetching, maxBytes: 2 ** 20 }).catch(() => null);
      const fetched = body === null ? null : parseRatesResponse(body, Date.now());
      if (!fetched) continue;
      const kept = await database.loadRates();
      if (newerRates(kept, fetched) !== fetched || kept?.date === fetched.date) return false;
      await database.saveRates(fetched);
      forgetRates();
      return true;
    }
    return false;
  }

  /** The daily alarm while the refresh is on; none while it is off. */
  async function schedule(): Promise<void> {
    if (!(await allowed())) {
      await browser.alarms.clear(RATES_ALARM);
      return;
    }
    if (!(await browser.alarms.get(RATES_ALARM))) {
      await browser.alarms.create(RATES_ALARM, { delayInMinutes: 1, periodInMinutes: DAY_MINUTES });
    }
  }

  return {
    refresh,
    schedule,
    async onAlarm(name: string): Promise<void> {
      if (name === RATES_ALARM) await refresh();
    },
  };
}
