import { existsSync, readFileSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feed';
import { offersForStorePage } from '../../lib/match';
import { formatPayout } from '../../lib/offer';
import { createFeedServer, type FeedServer } from '../../scripts/feed-server';
import { startStoreServer } from './store-server';

const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const DEMO = parseFeed(JSON.parse(readFileSync('public/demo-feed.json', 'utf8')));
const PAGE = 'https://play.google.com/store/apps/details?id=com.spotify.music&gl=ES';

let feed: FeedServer;
let store: Awaited<ReturnType<typeof startStoreServer>>;
let browser: Browser;

// Host mapping: Firefox resolves every name to 127.0.0.1 (network.dns.forceResolve), and the
// fixture server listens on 127.0.0.1:443 (so this test runs as root, as CI does).
beforeAll(async () => {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`No Firefox at ${FIREFOX_PATH}: apt-get install firefox-esr, or set FIREFOX_PATH.`);
  }
  feed = await createFeedServer({ port: 18787 });
  store = await startStoreServer(443);
  browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    extraPrefsFirefox: {
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'network.dns.forceResolve': '127.0.0.1',
      'browser.shell.checkDefaultBrowser': false,
      'app.update.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  await browser.installExtension(`${process.cwd()}/.output/firefox-mv3-e2e`);
});

afterAll(async () => {
  await browser?.close();
  await feed?.close();
  await store?.close();
});

describe('Firefox', () => {
  it('fetches the feed in the background and shows the badge on a store page', async () => {
    const best = offersForStorePage(DEMO.offers, PAGE)[0];
    const page = await browser.newPage();
    const badge = () =>
      page.evaluate(() => document.querySelector('offer-lens-badge')?.shadowRoot?.textContent ?? null);
    // The background fetches on install; reload until its snapshot is there.
    let text: string | null = null;
    for (let attempt = 0; attempt < 20 && !text; attempt++) {
      await page.goto(PAGE);
      await new Promise((resolve) => setTimeout(resolve, 750));
      text = await badge();
    }
    expect(text).toContain(formatPayout(best?.payout ?? null));
    expect(text).toContain(best?.name);
    expect(feed.requests).toBeGreaterThan(0);
    await page.close();
  });
});
