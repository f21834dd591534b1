import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerForContentScript,
  type ChromiumWorld,
  clipboardText,
  endRunningRefresh,
  refreshEndedAfter,
  refreshFrom,
  shownStatus,
  startDemoWorld,
  storedOfferCount,
  waitForOfferCount,
} from '../../support/chromium';
import { DEMO_OFFERS, DEMO_SAVED, E2E_API_KEY, PLAY_SPOTIFY, POPUP_SIZE, SPOTIFY_LINK } from '../../support/constants';
import { createFeedServer, type FeedServer } from '../../support/feed-server';
import { tinyOffersFeed, withHostileFields } from '../../support/hostile-feeds';

/**
 * The security review's findings (issue "Trust boundary, round 3"), each as the publisher would
 * meet it in Chromium: settings that arrive through storage.sync steer nothing until applied on
 * the settings page, a new feed server gets the key only once approved by name, a redirect never
 * takes the key elsewhere, and a hostile feed stays cheap.
 */

let world: ChromiumWorld;
/** A second feed server, on a port of its own: someone else's, as far as the publisher knows. */
let planted: FeedServer;

beforeAll(async () => {
  world = await startDemoWorld();
  planted = await createFeedServer({ apiKey: E2E_API_KEY, body: JSON.stringify(PLANTED_FEED) });
});
afterAll(async () => {
  await world?.close();
  await planted?.close();
});

const PLANTED_FEED = {
  message: true,
  offers: [
    { id: 'p1', name: 'Planted one', tracking_url: 'https://trk.planted.example/c?o=1', payout: { amount: 9 } },
    { id: 'p2', name: 'Planted two', tracking_url: 'https://trk.planted.example/c?o=2', payout: { amount: 8 } },
  ],
};
const ATTACKER = { clickIdParam: 'aff_id', clickId: 'ATTACKER-777' };

/**
 * Write the settings in storage.sync as another profile's sync — or a content script in Firefox —
 * would: what is in force here, with these fields changed.
 */
async function writeSyncedSettings(patch: Record<string, unknown>): Promise<void> {
  await world.ext.worker.evaluate(async (changes) => {
    const { settings } = await chrome.storage.session.get('settings');
    await chrome.storage.sync.set({ settings: { ...(settings as object), ...changes } });
  }, patch);
}

/** The settings in force (the background's session mirror of them). */
function settingsInForce(): Promise<Record<string, unknown>> {
  return world.ext.worker.evaluate(
    async () => (await chrome.storage.session.get('settings')).settings as Record<string, unknown>,
  );
}

/** The link the popup copies for the first offer a search finds (its detail's Copy). */
async function copiedLink(query: string): Promise<string> {
  const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
  const search = popup.getByRole('combobox', { name: 'Search offers' });
  await search.fill(query);
  await popup.locator('.offer-row').first().waitFor();
  await search.press('Enter');
  await popup.getByRole('button', { name: 'Copy tracking link' }).click();
  await popup.getByText('Copied', { exact: true }).waitFor();
  const link = await clipboardText(popup);
  await popup.close();
  return link;
}

/** The offers a search lists, exported from the popup as CSV: one row of cells each, without the header. */
async function exportedRows(query: string): Promise<string[]> {
  const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
  await popup.getByRole('combobox', { name: 'Search offers' }).fill(query);
  await popup.locator('.offer-row').first().waitFor();
  await popup.getByRole('button', { name: 'Export these offers' }).click();
  const [download] = await Promise.all([
    popup.waitForEvent('download'),
    popup.getByRole('menuitem', { name: /CSV/ }).click(),
  ]);
  const csv = readFileSync(await download.path(), 'utf8');
  await popup.getByRole('combobox', { name: 'Search offers' }).fill('');
  await popup.close();
  return csv.slice(1).trimEnd().split('\r\n').slice(1);
}

/** The settings page's banner about settings changed outside it: its items, or null when it is not shown. */
async function proposalItems(options: Page): Promise<string[] | null> {
  const banner = options.getByRole('alert').filter({ hasText: 'Settings changed outside this page' });
  if ((await banner.count()) === 0) return null;
  return banner.locator('li').allTextContents();
}

describe('settings written to storage.sync (another profile, or a content script in Firefox)', () => {
  it('never rewrite the links copied, shown on a badge or exported; the settings page shows them as a proposal', async () => {
    const store = await world.ext.context.newPage();
    await store.goto(PLAY_SPOTIFY);
    expect((await answerForContentScript(store)).corner).toBe('bottom-right');
    await writeSyncedSettings({ ...ATTACKER, badgeCorner: 'top-left' });
    // A field that steers nothing (the badge corner) follows sync at once: proof the background
    // has read the write before the links are looked at.
    await expect.poll(async () => (await answerForContentScript(store)).corner).toBe('top-left');
    expect((await answerForContentScript(store)).offers.map((o) => o.trackingLink)).toEqual([SPOTIFY_LINK]);
    await store.close();
    expect(await copiedLink('spotify')).toBe(SPOTIFY_LINK);
    const rows = await exportedRows('spotify');
    expect(rows.map((row) => row.slice(row.lastIndexOf(',') + 1))).toEqual([
      SPOTIFY_LINK,
      'https://trk.carrierapptraffic.example/click?offer_id=4101&aff_id=demo&aff_sub=[CLICK_ID]',
    ]);
    expect(rows.join('\n')).not.toContain('ATTACKER-777');
    expect(await settingsInForce()).toMatchObject({ clickIdParam: 'aff_sub', clickId: '[CLICK_ID]' });

    const options = await world.ext.openPage('options.html');
    await expect
      .poll(() => proposalItems(options))
      .toEqual(['Click ID: [CLICK_ID] → ATTACKER-777', 'Click ID parameter: aff_sub → aff_id']);
    await options.getByRole('button', { name: 'Keep this computer’s settings' }).click();
    await expect.poll(() => proposalItems(options)).toBeNull();
    // This computer's settings went to sync, where the other devices find them.
    const synced = await world.ext.worker.evaluate(async () => (await chrome.storage.sync.get('settings')).settings);
    expect(synced).toMatchObject({ clickIdParam: 'aff_sub', clickId: '[CLICK_ID]', badgeCorner: 'top-left' });
    await options.close();
  });

  it('apply once reviewed and saved on the settings page, except a parameter the network’s links use', async () => {
    await writeSyncedSettings(ATTACKER);
    const options = await world.ext.openPage('options.html');
    await expect.poll(() => proposalItems(options)).toHaveLength(2);
    await options.getByRole('button', { name: 'Review in the form' }).click();
    expect(await options.getByLabel('Click ID', { exact: true }).inputValue()).toBe('ATTACKER-777');
    expect(await options.getByLabel('Click ID parameter').inputValue()).toBe('aff_id');

    await options.getByRole('button', { name: 'Save changes' }).click();
    // The demo feed's links carry aff_id=demo: that parameter is the network's, refused beside its field.
    await expect
      .poll(() => options.locator('#clickIdParam-problem').textContent())
      .toBe(
        "Your network's links already use aff_id for a value of their own (aff_id=demo): choose another parameter, e.g. aff_sub",
      );
    expect(await settingsInForce()).toMatchObject({ clickIdParam: 'aff_sub', clickId: '[CLICK_ID]' });

    await options.getByLabel('Click ID parameter').fill('aff_sub');
    await options.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await settingsInForce()).clickId).toBe('ATTACKER-777');
    await expect.poll(() => proposalItems(options)).toBeNull();
    expect(await copiedLink('spotify')).toBe(
      'https://trk.carrierapptraffic.example/click?offer_id=4100&aff_id=demo&aff_sub=ATTACKER-777',
    );

    // Back to the click ID the other journeys expect, saved the same way.
    await options.getByLabel('Click ID', { exact: true }).fill('[CLICK_ID]');
    await options.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(async () => (await settingsInForce()).clickId).toBe('[CLICK_ID]');
    await options.close();
  });
});

describe('a feed URL planted in storage.sync', () => {
  it('is not fetched; once reviewed it asks by name, sends the key only when approved, and Revoke stops it', async () => {
    const host = `localhost:${new URL(planted.url).port}`;
    const plantedUrl = `http://${host}/offers?apikey={apiKey}`;
    await writeSyncedSettings({ feedUrl: plantedUrl });
    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    await endRunningRefresh(popup);
    const before = world.feed.requests;
    await refreshFrom(popup);
    await expect.poll(() => world.feed.requests).toBeGreaterThan(before);
    expect(planted.requests).toBe(0);
    await popup.close();

    const options = await world.ext.openPage('options.html');
    await expect
      .poll(() => proposalItems(options))
      .toEqual([`Feed URL: http://127.0.0.1:18787/offers?apikey={apiKey} → ${plantedUrl}`]);
    await options.getByRole('button', { name: 'Review in the form' }).click();
    expect(await options.getByLabel('Feed URL').inputValue()).toBe(plantedUrl);
    await options.getByRole('button', { name: 'Save changes' }).click();
    const confirm = options.getByRole('alertdialog');
    await expect
      .poll(() => confirm.locator('p').textContent())
      .toBe(
        `Send your API key to ${host}? Approve it only if CarrierAppTraffic gave you this address: whoever runs that server can use your key.`,
      );
    expect(planted.requests).toBe(0);
    await confirm.getByRole('button', { name: `Approve ${host} and save` }).click();
    await expect.poll(() => options.locator('.account .result').textContent()).toBe('✓ 2 offers');
    expect(planted.lastKey).toBe(E2E_API_KEY);
    await waitForOfferCount(world.ext, 2);

    const servers = options.locator('.approved-servers li');
    expect(await servers.allTextContents()).toEqual([
      '127.0.0.1:18787 (CarrierAppTraffic’s feed, built in)',
      `${host} Revoke`,
    ]);
    const requestsBeforeRevoke = planted.requests;
    await options.getByRole('button', { name: `Revoke ${host}` }).click();
    await expect
      .poll(() => servers.allTextContents())
      .toEqual(['127.0.0.1:18787 (CarrierAppTraffic’s feed, built in)']);
    await expect
      .poll(() => options.locator('.status-line').textContent())
      .toContain(`a server not approved on this computer, ${host}`);
    await options.getByRole('button', { name: 'Refresh now' }).click();
    await expect.poll(() => options.locator('.account .banner.error').textContent()).toContain('not approved');
    expect(planted.requests).toBe(requestsBeforeRevoke);

    // The built-in feed again, for the journeys below.
    await options.getByRole('button', { name: 'Reset the feed URL to the default' }).click();
    await options.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => options.locator('.account .result').textContent()).toBe(DEMO_SAVED);
    await options.close();
  });
});

describe('a feed server that redirects', () => {
  it('is not followed: the other server never hears from Offer Lens, the popup says why, the offers stay', async () => {
    const elsewhere = await createFeedServer({ apiKey: E2E_API_KEY });
    try {
      const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
      await endRunningRefresh(popup);
      world.feed.respondWith({ status: 302, headers: { location: `${elsewhere.url}/offers?apikey=${E2E_API_KEY}` } });
      const since = (await shownStatus(world.ext))?.lastAttemptAt ?? 0;
      await refreshFrom(popup);
      const ended = await refreshEndedAfter(world.ext, since);
      expect(elsewhere.requests).toBe(0);
      expect(ended.error?.code).toBe('redirected');
      await expect
        .poll(() => popup.getByRole('alert').first().textContent())
        .toContain(
          'The feed server redirected the request: Offer Lens does not follow redirects (your key would go with it); use the final address as the feed URL',
        );
      expect(await storedOfferCount(world.ext)).toBe(DEMO_OFFERS);
      expect(await popup.locator('.offer-row').count()).toBeGreaterThan(0);
      world.feed.setMode('ok');
      await popup.getByRole('button', { name: 'Retry' }).click();
      await expect.poll(() => popup.getByRole('alert').count()).toBe(0);
      await popup.close();
    } finally {
      world.feed.setMode('ok');
      await elsewhere.close();
    }
  });
});

describe('a hostile feed', () => {
  /** Serve this feed and refresh: the refresh succeeds and stores `count` offers. */
  async function refreshWith(body: string, count: number, timeoutMs: number) {
    const page = await world.ext.openPage('options.html');
    await endRunningRefresh(page);
    const since = (await shownStatus(world.ext))?.lastAttemptAt ?? 0;
    world.feed.setBody(body);
    await refreshFrom(page);
    await page.close();
    expect((await refreshEndedAfter(world.ext, since, timeoutMs)).error).toBeNull();
    expect(await storedOfferCount(world.ext)).toBe(count);
  }

  it('with 150,000 categories on one offer and a 12 MB description is stored clipped, and the popup opens', async () => {
    const demo = readFileSync('public/demo-feed.json', 'utf8');
    await refreshWith(JSON.stringify(withHostileFields(JSON.parse(demo))), DEMO_OFFERS, 30_000);
    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    const search = popup.getByRole('combobox', { name: 'Search offers' });
    await search.fill('');
    await expect
      .poll(() => popup.locator('.offer-row .name').first().textContent())
      .toBe('ExpressVPN - iOS - US/BR/KR - Install + register');
    await search.press('Enter');
    // The description is kept to its bound (64 KB), the categories to theirs (1,000).
    await expect.poll(() => popup.locator('.detail .description').evaluate((p) => p.textContent?.length)).toBe(65_536);
    await popup.getByRole('button', { name: 'Back to results' }).click();
    await search.fill('spotify android');
    await expect
      .poll(() => popup.locator('.offer-row .name').first().textContent())
      .toBe('Spotify - Android - ES - Install + register');
    await search.press('Enter');
    const categories = popup.locator('.facts dt:text-is("Categories") + dd');
    await expect.poll(async () => (await categories.textContent())?.split(', ').length).toBe(1000);
    await popup.getByRole('button', { name: 'Back to results' }).click();
    await search.fill('');
    await popup.close();
  }, 90_000);

  // Sizes: the service worker's V8 takes about 63,000 arguments in one call (a page's about
  // 124,000; measured in Chromium), so `Math.max(...ids)` over the change ids of one refresh
  // threw above that. 65,000 new offers log 65,223 changes (the demo's 223 gone); all of them
  // changed log 130,000 (gone and new): over both limits, in two refreshes of 65,000 offers.
  it('of 65,000 offers, then all of them changed (130,000 change records), refreshes each time and the popup opens', async () => {
    await refreshWith(JSON.stringify(tinyOffersFeed('a', 65_000)), 65_000, 90_000);
    await refreshWith(JSON.stringify(tinyOffersFeed('b', 65_000)), 65_000, 90_000);
    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    await popup.getByRole('combobox', { name: 'Search offers' }).fill('');
    await expect.poll(() => popup.locator('.offer-row .name').first().textContent()).toBe('Tiny b 64999');
    await popup.close();

    world.feed.setBody(readFileSync('public/demo-feed.json', 'utf8'));
    const page = await world.ext.openPage('options.html');
    await refreshFrom(page);
    await page.close();
    await waitForOfferCount(world.ext, DEMO_OFFERS, 60_000);
  }, 240_000);
});
