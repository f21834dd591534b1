import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OFFERS, DEMO_SAVED, E2E_API_KEY, PLAY_SPOTIFY, SPOTIFY_LINK } from '../support/constants';
import { createFeedServer, type FeedServer } from '../support/feed-server';
import {
  clipboardText,
  type FirefoxWorld,
  openExtensionPage,
  openPopup,
  startFirefoxWorld,
  text,
  until,
} from '../support/firefox';

/**
 * The security review's findings on settings (issue "Trust boundary, round 3") in Firefox, where
 * a content script — so a compromised store page's renderer — may write storage.sync. WebDriver
 * BiDi does not reach the content script's world (Firefox lists only the page's realm and those
 * BiDi made itself), so the write is made from an extension page, with the same API and the same
 * effect on the background: a storage.sync change it did not make.
 */

let world: FirefoxWorld;
let planted: FeedServer;

const PLANTED_FEED = {
  message: true,
  offers: [
    { id: 'p1', name: 'Planted one', tracking_url: 'https://trk.planted.example/c?o=1', payout: { amount: 9 } },
    { id: 'p2', name: 'Planted two', tracking_url: 'https://trk.planted.example/c?o=2', payout: { amount: 8 } },
  ],
};
const ATTACKER = { clickIdParam: 'aff_id', clickId: 'ATTACKER-777' };

beforeAll(async () => {
  world = await startFirefoxWorld();
  planted = await createFeedServer({ apiKey: E2E_API_KEY, body: JSON.stringify(PLANTED_FEED) });
  const options = await openExtensionPage(world.browser, 'options.html');
  await until(
    () => text(options, '.status-line'),
    (t) => !!t?.includes(`${DEMO_OFFERS} offers`),
    'the demo feed',
  );
  await options.close();
});
afterAll(async () => {
  await world?.close();
  await planted?.close();
});

/** The extension's own API in a page of it (Firefox names it `browser`). */
type Api = typeof chrome;

/** Write the settings in storage.sync, as a content script could: those in force, with these fields changed. */
async function writeSyncedSettings(page: Page, patch: Record<string, unknown>): Promise<void> {
  await page.evaluate(async (changes) => {
    const api = (globalThis as unknown as { browser: Api }).browser;
    const { settings } = await api.storage.session.get('settings');
    await api.storage.sync.set({ settings: { ...(settings as object), ...changes } });
  }, patch);
}

/** The settings in force (the background's session mirror of them). */
function settingsInForce(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(async () => {
    const api = (globalThis as unknown as { browser: Api }).browser;
    return (await api.storage.session.get('settings')).settings as Record<string, unknown>;
  });
}

/** The items of the settings page's "Settings changed outside this page" banner; null when it is not shown. */
function proposalItems(options: Page): Promise<string[] | null> {
  return options.evaluate(() => {
    const banner = document.querySelector('.proposal');
    return banner ? [...banner.querySelectorAll('li')].map((li) => li.textContent ?? '') : null;
  });
}

/** A real click on the button a screen reader names so (its aria-label, else its text). */
async function press(page: Page, name: string): Promise<void> {
  await page.locator(`::-p-aria(${name}[role="button"])`).click();
}

/** Replace what a settings field holds, typed as a person does. */
async function retype(page: Page, id: string, value: string): Promise<void> {
  await page.click(`#${id}`, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(`#${id}`, value);
}

/** The link the popup copies for the first offer a search finds. */
async function copiedLink(query: string): Promise<string> {
  const popup = await openPopup(world.browser);
  await popup.click('input[type=search]', { count: 3 });
  await popup.keyboard.press('Backspace');
  await popup.type('input[type=search]', query);
  await until(
    () => popup.$$eval('.offer-row', (rows) => rows.length),
    (n) => n === 2,
    `the offers for ${query}`,
  );
  await popup.keyboard.press('Enter');
  await until(
    () => text(popup, '#detail-name'),
    (t) => !!t,
    'detail',
  );
  await popup.click('.link-box button.primary');
  await until(
    () => text(popup, '.link-box .copied'),
    (t) => t === 'Copied',
    'copied',
  );
  const link = await clipboardText(popup);
  await popup.close();
  return link;
}

describe('Firefox: settings written to storage.sync', () => {
  it('never rewrite the copied link; the settings page proposes them, Keep drops them, Review and Save applies them', async () => {
    const store = await world.browser.newPage();
    await store.goto(PLAY_SPOTIFY);
    // The page sees only that something covers a corner: the badge's host element (the top
    // corners sit below the store's header). Read afresh after a reload, as the page first draws it.
    const badgeCorner = async () => {
      await store.reload();
      return until(
        () =>
          store.evaluate(() => {
            const at = (x: number, y: number) => document.elementFromPoint(x, y)?.localName === 'offer-lens-badge';
            return at(innerWidth - 40, innerHeight - 40) ? 'bottom-right' : at(40, 110) ? 'top-left' : null;
          }),
        (corner) => corner !== null,
        'the badge',
      );
    };
    expect(await badgeCorner()).toBe('bottom-right');
    const options = await openExtensionPage(world.browser, 'options.html');
    await writeSyncedSettings(options, { ...ATTACKER, badgeCorner: 'top-left' });
    // The badge corner steers nothing and follows at once: proof the background read the write
    // before the link is looked at.
    await until(badgeCorner, (corner) => corner === 'top-left', 'the badge top left');
    await store.close();
    expect(await copiedLink('spotify')).toBe(SPOTIFY_LINK);
    expect(await settingsInForce(options)).toMatchObject({ clickIdParam: 'aff_sub', clickId: '[CLICK_ID]' });

    expect(
      await until(
        () => proposalItems(options),
        (items) => items !== null,
        'the proposal',
      ),
    ).toEqual(['Click ID: [CLICK_ID] → ATTACKER-777', 'Click ID parameter: aff_sub → aff_id']);
    await press(options, 'Keep this computer’s settings');
    await until(
      () => proposalItems(options),
      (items) => items === null,
      'the proposal gone',
    );

    await writeSyncedSettings(options, ATTACKER);
    await until(
      () => proposalItems(options),
      (items) => items?.length === 2,
      'the proposal again',
    );
    await press(options, 'Review in the form');
    expect(await options.$eval('#clickIdParam', (input) => (input as HTMLInputElement).value)).toBe('aff_id');
    await press(options, 'Save changes');
    expect(
      await until(
        () => text(options, '#clickIdParam-problem'),
        (t) => !!t,
        'the refusal',
      ),
    ).toBe(
      "Your network's links already use aff_id for a value of their own (aff_id=demo): choose another parameter, e.g. aff_sub",
    );
    await retype(options, 'clickIdParam', 'aff_sub');
    await press(options, 'Save changes');
    await until(
      async () => (await settingsInForce(options)).clickId,
      (id) => id === 'ATTACKER-777',
      'the click ID saved',
    );
    expect(await copiedLink('spotify')).toBe(
      'https://trk.carrierapptraffic.example/click?offer_id=4100&aff_id=demo&aff_sub=ATTACKER-777',
    );
    await retype(options, 'clickId', '[CLICK_ID]');
    await press(options, 'Save changes');
    await until(
      async () => (await settingsInForce(options)).clickId,
      (id) => id === '[CLICK_ID]',
      'the click ID back',
    );
    await options.close();
  });

  it('a planted feed URL is not fetched; the key goes there only once approved by name, and Revoke stops it', async () => {
    const host = `localhost:${new URL(planted.url).port}`;
    const plantedUrl = `http://${host}/offers?apikey={apiKey}`;
    const options = await openExtensionPage(world.browser, 'options.html');
    await writeSyncedSettings(options, { feedUrl: plantedUrl });
    const before = world.feed.requests;
    await press(options, 'Refresh now');
    await until(
      () => Promise.resolve(world.feed.requests),
      (n) => n > before,
      'a refresh from the built-in feed',
    );
    expect(planted.requests).toBe(0);
    expect(
      await until(
        () => proposalItems(options),
        (items) => items !== null,
        'the proposal',
      ),
    ).toEqual([`Feed URL: http://127.0.0.1:18787/offers?apikey={apiKey} → ${plantedUrl}`]);

    await press(options, 'Review in the form');
    expect(await options.$eval('#feedUrl', (input) => (input as HTMLInputElement).value)).toBe(plantedUrl);
    await press(options, 'Save changes');
    expect(
      await until(
        () => text(options, '.confirm-origin p'),
        (t) => !!t,
        'the confirmation',
      ),
    ).toBe(
      `Send your API key to ${host}? Approve it only if CarrierAppTraffic gave you this address: whoever runs that server can use your key.`,
    );
    expect(planted.requests).toBe(0);
    await press(options, `Approve ${host} and save`);
    await until(
      () => text(options, '.account .result'),
      (t) => t === '✓ 2 offers',
      'the planted feed tested',
    );
    expect(planted.lastKey).toBe(E2E_API_KEY);

    const servers = () => options.$$eval('.approved-servers li', (items) => items.map((li) => li.textContent ?? ''));
    expect(await servers()).toEqual(['127.0.0.1:18787 (CarrierAppTraffic’s feed, built in)', `${host} Revoke`]);
    const requestsBeforeRevoke = planted.requests;
    await press(options, `Revoke ${host}`);
    await until(servers, (items) => items.length === 1, 'the approval gone');
    await press(options, 'Refresh now');
    await until(
      () => text(options, '.status-line'),
      (t) => !!t?.includes(`a server not approved on this computer, ${host}`),
      'the refusal',
    );
    expect(planted.requests).toBe(requestsBeforeRevoke);

    await press(options, 'Reset the feed URL to the default');
    await press(options, 'Save changes');
    await until(
      () => text(options, '.account .result'),
      (t) => t === DEMO_SAVED,
      'the built-in feed again',
    );
    await options.close();
  });
});
