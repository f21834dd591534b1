import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OFFERS, DEMO_SAVED, E2E_API_KEY, SPOTIFY_LINK } from '../support/constants';
import type { FeedServer } from '../support/feed-server';
import {
  clipboardText,
  type FirefoxWorld,
  openExtensionPage,
  openPopup,
  startFirefoxWorld,
  text,
  until,
} from '../support/firefox';
import { ATTRIBUTION, chainFeed, TRACKER } from '../support/link-chains';
import type { StoreServer } from '../support/store-server';

const PAGE = 'https://play.google.com/store/apps/details?id=com.spotify.music&gl=ES';
let world: FirefoxWorld;
let feed: FeedServer;
let store: StoreServer;
let browser: Browser;

beforeAll(async () => {
  world = await startFirefoxWorld();
  ({ feed, store, browser } = world);
});
afterAll(() => world?.close());

describe('Firefox', () => {
  it('fetches the feed in the background and shows the badge on a store page', async () => {
    const page = await browser.newPage();
    // The badge's shadow root is closed to the page: the page sees only that something covers
    // the bottom-right corner (the badge's place); what it says, the background's answer for
    // this tab, is read where only the extension can: the toolbar's text for the tab.
    const corner = () =>
      page.evaluate(() => document.elementFromPoint(innerWidth - 40, innerHeight - 40)?.localName ?? null);
    // The background fetches on install; reload until its snapshot is there.
    let seen: string | null = null;
    for (let attempt = 0; attempt < 20 && seen !== 'offer-lens-badge'; attempt++) {
      await page.goto(PAGE);
      seen = await until(corner, (name) => name === 'offer-lens-badge', 'badge').catch(() => null);
    }
    expect(seen).toBe('offer-lens-badge');
    const popup = await openExtensionPage(browser, 'popup.html');
    const toolbar = await popup.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const [tab] = await api.tabs.query({ url: 'https://play.google.com/*' });
      return api.action.getTitle({ tabId: tab?.id });
    });
    expect(toolbar).toBe('Offer Lens — Spotify - Android - ES - Install + register: $1.62 CPA');
    expect(feed.requests).toBeGreaterThan(0);
    await Promise.all([page.close(), popup.close()]);
  });

  it('keeps the key out of every storage area a content script can read', async () => {
    const page = await openExtensionPage(browser, 'options.html');
    const areas = await page.evaluate(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      return JSON.stringify([await api.storage.local.get(null), await api.storage.sync.get(null)]);
    });
    expect(areas).toContain('status'); // the areas were read
    expect(areas).not.toContain(E2E_API_KEY);
    expect(areas).not.toContain(encodeURIComponent(E2E_API_KEY));
    await page.close();
  });

  it('saves and tests a key on the settings page, and keeps the offers when a wrong key is rejected', async () => {
    const page = await openExtensionPage(browser, 'options.html');
    const save = async (key: string) => {
      await page.$eval('#apiKey', (input) => {
        (input as HTMLInputElement).value = '';
      });
      await page.type('#apiKey', key);
      await page.click('button[type=submit]');
    };
    await save(E2E_API_KEY);
    expect(
      await until(
        () => text(page, '.result'),
        (t) => t === DEMO_SAVED,
        'result',
      ),
    ).toBe(DEMO_SAVED);
    await save('not-the-key');
    expect(
      await until(
        () => text(page, '#apiKey-problem'),
        (t) => !!t,
        'error',
      ),
    ).toBe('The API key was rejected (HTTP 401)');
    // Not saved: the good key stays in force, so the feed in use shows no error.
    expect(await text(page, '.status-line')).not.toContain('Last good data from');
    expect(await text(page, '.status-line')).toContain(`${DEMO_OFFERS} offers`);
    await save(E2E_API_KEY);
    await until(
      () => text(page, '.result'),
      (t) => t === DEMO_SAVED,
      'result again',
    );
    await page.close();
  });

  it('refreshes as soon as access to the feed server is granted outside the settings page', async () => {
    const page = await openExtensionPage(browser, 'options.html');
    const FEED_ORIGIN = 'http://127.0.0.1/*';
    const refresh = () =>
      page.evaluate(() => chrome.runtime.sendMessage({ tag: 'offer-lens/v1', type: 'refresh', data: {} }));
    // Taken away (as in about:addons, Permissions tab): the refresh says what it needs.
    expect(
      await page.evaluate(
        (o) => (globalThis as unknown as { browser: typeof chrome }).browser.permissions.remove({ origins: [o] }),
        FEED_ORIGIN,
      ),
    ).toBe(true);
    await refresh();
    await until(
      () => text(page, '.status-line'),
      (t) => !!t?.includes('Offer Lens needs your permission to reach the feed server'),
      'the permission error',
    );
    // Given back by a click that is not ours (about:addons): no message reaches the background,
    // yet it refreshes at once.
    const before = feed.requests;
    await page.evaluate((o) => {
      const grant = document.createElement('button');
      grant.id = 'grant-elsewhere';
      grant.textContent = 'grant';
      grant.addEventListener(
        'click',
        () => void (globalThis as unknown as { browser: typeof chrome }).browser.permissions.request({ origins: [o] }),
      );
      document.body.append(grant);
    }, FEED_ORIGIN);
    await page.click('#grant-elsewhere');
    await until(
      () => Promise.resolve(feed.requests),
      (n) => n > before,
      'a refresh after the grant',
    );
    const status = await until(
      () => text(page, '.status-line'),
      (t) => !t?.includes('permission'),
      'the error gone',
    );
    expect(status).toContain(`${DEMO_OFFERS} offers`);
    await page.close();
  });

  it('searches with a typo in the popup, opens a detail and copies its link', async () => {
    const page = await openPopup(browser);
    await page.type('input[type=search]', 'spotfy');
    const names = () => page.$$eval('.offer-row .name', (els) => els.map((el) => el.textContent));
    expect(
      await until(names, (n) => n.length === 2 && n.every((name) => name?.startsWith('Spotify')), 'spotfy results'),
    ).toEqual(['Spotify - Android - ES - Install + register', 'Spotify - iOS - US/GB - Install + reach level 10']);
    await page.keyboard.press('Enter');
    await until(
      () => text(page, '#detail-name'),
      (t) => !!t,
      'detail',
    );
    expect(await text(page, '#detail-name')).toBe('Spotify - Android - ES - Install + register');
    await page.click('.link-box button.primary');
    await until(
      () => text(page, '.link-box .copied'),
      (t) => t === 'Copied',
      'copied',
    );
    expect(await clipboardText(page)).toBe(SPOTIFY_LINK);
    await page.close();
  });

  it('keeps a change log and warns with a notification when a watched offer goes', async () => {
    const page = await openPopup(browser);
    await page.click('input[type=search]', { count: 3 });
    await page.keyboard.press('Backspace');
    await page.type('input[type=search]', 'spotify android');
    await until(
      () => text(page, '.offer-row .name'),
      (t) => t === 'Spotify - Android - ES - Install + register',
      'row',
    );
    await page.keyboard.press('Enter');
    await until(
      () => text(page, '#detail-name'),
      (t) => !!t,
      'detail',
    );
    await page.click('.watch-row .star');
    await until(
      () => text(page, '.watch-row .star'),
      (t) => t === '★ Watching',
      'watching',
    );
    await page.click('button[aria-label="Back to results"]');

    feed.hide(['4100']);
    feed.setMode('drift');
    await page.$eval('input[type=search]', (input) => {
      (input as HTMLInputElement).value = '';
    });
    await page.evaluate(() =>
      (globalThis as unknown as { browser: typeof chrome }).browser.runtime.sendMessage({
        tag: 'offer-lens/v1',
        type: 'refresh',
        data: {},
      }),
    );
    const notified = () =>
      page.evaluate(async () =>
        Object.keys(await (globalThis as unknown as { browser: typeof chrome }).browser.notifications.getAll()),
      );
    expect(await until(notified, (ids) => ids.length > 0, 'notification')).toEqual([
      'offer-lens|cat%7C4100|gone:cat|4100',
    ]);

    await page.close();
    const changes = await openExtensionPage(browser, 'popup.html');
    await changes.setViewport({ width: 400, height: 600 });
    await until(
      () => text(changes, '[role=tab]:nth-child(2)'),
      (t) => !!t?.startsWith('Changes'),
      'tab',
    );
    await changes.click('[role=tab]:nth-child(2)');
    const rows = () => changes.$$eval('.change-row', (els) => els.map((el) => el.getAttribute('title') ?? ''));
    await changes.click('input[type=search]', { count: 3 });
    await changes.keyboard.press('Backspace');
    await until(rows, (r) => r.length > 5, 'change rows');
    await changes.type('input[type=search]', 'spotify android');
    const gone = await until(rows, (r) => r.length === 1, 'the gone offer');
    expect(gone[0]).toMatch(
      /^Gone: Spotify - Android - ES - Install \+ register \(last seen (today|yesterday) \d\d:\d\d\) · (Today|Yesterday) \d\d:\d\d$/,
    );
    feed.setMode('ok');
    feed.hide([]);
    await changes.close();
  });

  it('lists and searches the offers in the sidebar page', async () => {
    const panel = await openExtensionPage(browser, 'sidepanel.html');
    await panel.setViewport({ width: 360, height: 800 });
    const names = () => panel.$$eval('.offer-row .name', (els) => els.map((el) => el.textContent ?? ''));
    // The search the popup left (the journey above) is where the panel starts too.
    await until(
      () => text(panel, '.footer'),
      (t) => !!t?.includes('offers'),
      'status line',
    );
    await panel.click('input[type=search]', { count: 3 });
    await panel.keyboard.press('Backspace');
    await until(names, (n) => n.length > 5, 'all offers');
    await panel.type('input[type=search]', 'whatsapp android');
    expect(await until(names, (n) => n.length === 1, 'whatsapp')).toEqual([
      expect.stringMatching(/^WhatsApp Messenger - Android/),
    ]);
    await panel.close();
  });

  it('checks a link: asks for the permission, then follows the chain as an Android phone', async () => {
    feed.setBody(JSON.stringify(chainFeed()));
    const page = await openExtensionPage(browser, 'popup.html');
    await page.setViewport({ width: 400, height: 600 });
    await page.evaluate(() => chrome.runtime.sendMessage({ tag: 'offer-lens/v1', type: 'refresh', data: {} }));
    await until(
      () => text(page, '.footer'),
      (t) => !!t?.includes('7 offers'),
      'the chain feed',
    );
    await page.click('input[type=search]', { count: 3 });
    await page.type('input[type=search]', 'check right app');
    const names = () => page.$$eval('.offer-row .name', (els) => els.map((el) => el.textContent ?? ''));
    await until(names, (n) => n.length === 1 && n[0] === 'Check Right App', 'the offer');
    await page.keyboard.press('Enter');
    await until(
      () => text(page, '#detail-name'),
      (t) => t === 'Check Right App',
      'detail',
    );
    const before = store.requests.length;
    const button = await page.waitForSelector('.link-check button');
    await button?.click();
    const verdict = await until(
      () => text(page, '.check-report .verdict'),
      (t) => !!t,
      'the verdict',
    );
    expect(verdict).toBe("✓ Lands on the offer's app");
    const hops = await page.$$eval('.check-report .hops li', (els) => els.map((el) => el.textContent ?? ''));
    expect(hops).toEqual([
      `${TRACKER} 302 → ${TRACKER}`,
      `${TRACKER} 302 → ${ATTRIBUTION}`,
      `${ATTRIBUTION} 302 → play.google.com`,
      'play.google.com 200',
    ]);
    const seen = store.requests.slice(before);
    expect(seen.map((r) => r.host)).toEqual([TRACKER, TRACKER, ATTRIBUTION, 'play.google.com']);
    for (const request of seen) expect(request.userAgent).toMatch(/Linux; Android 14; Pixel 8.*Mobile/);
    expect(seen[0]?.url).toMatch(/aff_sub=offerlens-check\d{13}$/);
    await page.close();
  });
});
