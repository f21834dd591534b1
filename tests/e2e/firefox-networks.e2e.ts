import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { E2E_API_KEY } from '../support/constants';
import { createFeedServer, type FeedServer } from '../support/feed-server';
import { launchFirefox, openExtensionPage } from '../support/firefox';
import { createNetworkServer, DEMO_KEYS, type NetworkServer } from '../support/network-server';
import { type StoreServer, startStoreServer } from '../support/store-server';

const PAGE = 'https://play.google.com/store/apps/details?id=com.spotify.music&gl=ES';
let feed: FeedServer;
let store: StoreServer;
let networks: NetworkServer;
let browser: Browser;

beforeAll(async () => {
  feed = await createFeedServer({ port: 18787, apiKey: E2E_API_KEY });
  store = await startStoreServer(443);
  networks = await createNetworkServer();
  browser = await launchFirefox(`${process.cwd()}/.output/firefox-mv3-e2e`);
});

afterAll(async () => {
  await browser?.close();
  await feed?.close();
  await store?.close();
  await networks?.close();
});

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  let value = await read();
  for (let i = 0; i < 150 && !ok(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    value = await read();
  }
  if (!ok(value)) throw new Error(`${what}: still ${JSON.stringify(value)}`);
  return value;
}

const texts = (page: Page, selector: string) =>
  page.$$eval(selector, (els) => els.map((el) => el.textContent ?? '')).catch(() => [] as string[]);

describe('Firefox, several networks', () => {
  it('adds an Affise account on the settings page and shows its offer on the store page, compared in one currency', async () => {
    const options = await openExtensionPage(browser, 'options.html');
    await until(
      () => options.$eval('.status-line strong', (el) => el.textContent ?? '').catch(() => ''),
      (t) => t === '223 offers',
      'the first feed',
    );
    await options.click('xpath///button[normalize-space()="Add an Affise network"]');
    await options.type('#source-label', 'AppRocket');
    await options.type('#source-host', networks.url);
    await options.type('#source-key', DEMO_KEYS.affise);
    await options.click('xpath///fieldset//button[normalize-space()="Save and test"]');
    // A server never approved: approved by its name first (Firefox answers the host-permission prompt yes).
    const host = new URL(networks.url).host;
    await until(
      () => options.$(`xpath///button[normalize-space()="Approve ${host} and save"]`),
      (b) => b !== null,
      'the approval',
    );
    expect(networks.requests.filter((r) => r.api === 'affise')).toHaveLength(0);
    await options.click(`xpath///button[normalize-space()="Approve ${host} and save"]`);
    expect(
      await until(
        () => texts(options, '.networks .source strong'),
        (t) => t.length === 1,
        'the network',
      ),
    ).toEqual(['AppRocket (Affise)']);
    expect([...new Set(networks.requests.flatMap((r) => r.keyIn))]).toEqual(['header:api-key']);

    const page = await browser.newPage();
    await page.goto(PAGE);
    // The badge is closed to the page; the toolbar's title for the tab says what it shows best.
    const title = () =>
      options.evaluate(async () => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        const [tab] = await api.tabs.query({ url: 'https://play.google.com/*' });
        return tab?.id === undefined ? '' : api.action.getTitle({ tabId: tab.id });
      });
    expect(await until(title, (t) => t.includes('AppRocket'), 'the toolbar title')).toBe(
      'Offer Lens — Spotify - DE, AT, CH, ES - Android - Install · AppRocket (Affise): €1.70 CPI ≈ $1.93 (+1 more)',
    );
    await Promise.all([page.close(), options.close()]);
  });
});
