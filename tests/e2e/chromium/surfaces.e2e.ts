import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFeed } from '../../../lib/feed';
import { buildTrackingLink } from '../../../lib/tracking-link';
import {
  badgeText,
  type ChromiumWorld,
  clipboardText,
  refreshFrom,
  startChromiumWorld,
  waitForOfferCount,
} from '../../support/chromium';
import { PLAY_SPOTIFY, POPUP_SIZE } from '../../support/constants';

let world: ChromiumWorld;

beforeAll(async () => {
  world = await startChromiumWorld();
  await waitForOfferCount(world.ext, 223);
});
afterAll(() => world?.close());

/** What the background's event handlers do, called as the browser's events call them (a headless browser has no menus or address bar to click). */
type Events = {
  menuClicked(info: { menuItemId: string; linkUrl?: string; pageUrl?: string }): Promise<void>;
  omniboxInput(text: string): Promise<{ suggestions: { content: string; description: string }[]; description: string }>;
  omniboxEntered(text: string, disposition: string): Promise<void>;
  command(name: string, tab: { id: number }): Promise<unknown>;
};
function events<T>(call: string): Promise<T> {
  return world.ext.worker.evaluate(`(globalThis.offerLens.${call})`) as Promise<T>;
}

/** The side panel page, in a window of its own beside the normal window (the panel itself cannot be driven). */
async function openPanelWindow(): Promise<Page> {
  const opened = world.ext.context.waitForEvent('page');
  await world.ext.worker.evaluate(async () => {
    await chrome.windows.create({
      url: chrome.runtime.getURL('/sidepanel.html'),
      type: 'popup',
      width: 420,
      height: 700,
    });
  });
  const panel = await opened;
  await panel.waitForLoadState();
  return panel;
}

describe('side panel', () => {
  it('shows the offers of the store app in the active tab first, and follows navigation', async () => {
    const store = await world.ext.context.newPage();
    await store.goto(PLAY_SPOTIFY);
    await expect.poll(() => badgeText(store)).toContain('Spotify - Android - ES');
    const panel = await openPanelWindow();

    const onPage = panel.getByRole('region', { name: /On this page/ });
    await expect.poll(() => onPage.locator('h2').textContent()).toBe('On this page · com.spotify.music on Google Play');
    await expect
      .poll(() => onPage.locator('.on-page-offer .name').allTextContents())
      .toEqual(['Spotify - Android - ES - Install + register']);
    // The full list is still there below it.
    expect(await panel.locator('.offer-row').count()).toBeGreaterThan(3);

    // Single-page navigation to another app, then to an app without offers, then away from apps.
    await store.getByText('WhatsApp (SPA link)').click();
    await expect.poll(() => onPage.locator('h2').textContent()).toBe('On this page · com.whatsapp on Google Play');
    expect(await onPage.locator('.on-page-offer .name').allTextContents()).toEqual([
      expect.stringMatching(/^WhatsApp Messenger - Android/),
    ]);
    await store.getByText('An app without an offer (SPA link)').click();
    await expect.poll(() => onPage.textContent()).toContain('No offers for this app.');
    await store.getByText('Search (SPA link)').click();
    await expect.poll(() => panel.locator('.on-page').count()).toBe(0);

    // Copy from the panel, in one click.
    await store.goto(PLAY_SPOTIFY);
    await onPage.getByRole('button', { name: /^Copy the tracking link of Spotify/ }).click();
    await expect.poll(() => panel.locator('.copied').textContent()).toContain('Copied the tracking link of Spotify');
    await Promise.all([panel.close(), store.close()]);
  });
});

describe('export', () => {
  it('downloads the filtered list as CSV with the built links, formulas neutralised', async () => {
    const raw = JSON.parse(readFileSync('public/demo-feed.json', 'utf8'));
    raw.offers[10].name = '=HYPERLINK("http://evil")';
    world.feed.setBody(JSON.stringify(raw));
    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    await refreshFrom(popup);
    await expect.poll(() => popup.locator('.offer-row .name').first().textContent()).not.toBe('');

    const search = popup.getByRole('combobox', { name: 'Search offers' });
    await search.fill('hyperlink');
    await expect
      .poll(() => popup.locator('.offer-row .name').allTextContents(), { timeout: 15_000 })
      .toEqual(['=HYPERLINK("http://evil")']);
    await search.fill('spotify');
    await expect.poll(() => popup.locator('.offer-row').count()).toBeGreaterThan(1);
    const listed = await popup.locator('.offer-row .name').allTextContents();

    await popup.getByRole('button', { name: 'Export these offers' }).click();
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('menuitem', { name: /CSV/ }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^offer-lens-offers-\d{4}-\d\d-\d\d-\d{4}\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    expect(csv.startsWith('\uFEFFOffer ID,Name,Network,Platform,')).toBe(true);
    const rows = csv.slice(1).trimEnd().split('\r\n').slice(1);
    // Each offer names its network (an id means something only with it).
    expect(rows.every((row) => row.includes(',CarrierAppTraffic,'))).toBe(true);
    const feed = new Map(parseFeed(raw).offers.map((o) => [o.id, o]));
    const settings = { clickId: '[CLICK_ID]', clickIdParam: 'aff_sub', subId: '', subIdParam: 'aff_sub2' };
    expect(rows.map((row) => feed.get(row.split(',')[0] as string)?.name)).toEqual(listed);
    for (const row of rows) {
      const offer = feed.get(row.split(',')[0] as string);
      expect(row.endsWith(`,${buildTrackingLink(offer?.trackingUrl ?? '', settings)}`)).toBe(true);
    }

    // The hostile name: exported as text, never as a formula.
    await search.fill('hyperlink');
    await expect.poll(() => popup.locator('.offer-row').count()).toBe(1);
    await popup.getByRole('button', { name: 'Export these offers' }).click();
    const [evil] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('menuitem', { name: /CSV/ }).click(),
    ]);
    const evilRow = readFileSync(await evil.path(), 'utf8').split('\r\n')[1] ?? '';
    expect(/^[^,]+,("(?:[^"]|"")*")/.exec(evilRow)?.[1]).toBe(`"'=HYPERLINK(""http://evil"")"`);
    await search.fill('');
    world.feed.setBody(readFileSync('public/demo-feed.json', 'utf8'));
    await refreshFrom(popup);
    await popup.close();
  });
});

describe('right-click on a store link', () => {
  it('opens the popup on that app, which lists its offers or says it has none', async () => {
    await events(
      `menuClicked({ menuItemId: 'offers-for-app-link', linkUrl: '${PLAY_SPOTIFY}', pageUrl: 'https://chat.example/' })`,
    );
    await expect
      .poll(() =>
        world.ext.worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['POPUP'] })).length),
      )
      .toBe(1);
    // The toolbar popup takes the app it was opened on as it starts; until it has, a second
    // popup page would race it for the same start and one of the two would open unfiltered.
    await expect
      .poll(() =>
        world.ext.worker.evaluate(async () => (await chrome.storage.session.get('popupFocus')).popupFocus ?? null),
      )
      .toBeNull();

    // What the popup does with it, in a popup page of our own.
    for (const [url, expected] of [
      [PLAY_SPOTIFY, ['Spotify - Android - ES - Install + register']],
      ['https://play.google.com/store/apps/details?id=com.example.nooffer', []],
    ] as const) {
      await world.ext.worker.evaluate((appUrl) => chrome.storage.session.set({ popupFocus: { appUrl } }), url);
      const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
      if (expected.length) {
        await expect.poll(() => popup.locator('.offer-row .name').allTextContents()).toEqual(expected);
        expect(await popup.locator('.app-filter').textContent()).toContain(
          'Offers for com.spotify.music on Google Play',
        );
      } else {
        await popup.getByText('No offers for this app.').waitFor();
      }
      await popup.getByRole('button', { name: 'Show all apps' }).first().click();
      await expect.poll(() => popup.locator('.offer-row').count()).toBeGreaterThan(3);
      await popup.close();
    }
  });
});

describe('address bar', () => {
  it('suggests offers with payout and countries, and Enter opens the chosen one with Copy and QR', async () => {
    const { suggestions, description } = await events<Awaited<ReturnType<Events['omniboxInput']>>>(
      `omniboxInput('spotify platform:android')`,
    );
    expect(description).toBe('Search offers for <match>spotify platform:android</match> (1 found)');
    expect(suggestions).toEqual([
      {
        content: 'offer:4100',
        description: '<match>Spotify - Android - ES - Install + register</match> <dim>— $1.62 CPA · Android · ES</dim>',
      },
    ]);

    const opened = world.ext.context.waitForEvent('page');
    await events(`omniboxEntered('offer:4100', 'newForegroundTab')`);
    const page = await opened;
    await page.getByRole('heading', { level: 2, name: 'Spotify - Android - ES - Install + register' }).waitFor();
    await page.getByRole('button', { name: 'Copy tracking link' }).waitFor();
    const qr = page.getByRole('img', { name: 'QR code of the tracking link' });
    await expect.poll(() => qr.getAttribute('aria-busy')).toBe('false');
    expect(await qr.locator('path').count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/offers.html');
    await page.close();
  });
});

describe('keyboard command', () => {
  it('copies the best offer’s tracking link on a store page', async () => {
    const store = await world.ext.context.newPage();
    await store.goto(PLAY_SPOTIFY);
    await expect.poll(() => badgeText(store)).toContain('Spotify - Android - ES');
    await store.bringToFront();
    const tabId = await world.ext.worker.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ url: 'https://play.google.com/*', active: true });
      return tab?.id as number;
    });
    await events(`command('copy-best-link', { id: ${tabId} })`);
    await expect
      .poll(() => badgeText(store))
      .toContain('✓ Copied the link of Spotify - Android - ES - Install + register');
    expect(await clipboardText(store)).toBe(
      'https://trk.carrierapptraffic.example/click?offer_id=4100&aff_id=demo&aff_sub=[CLICK_ID]',
    );
    await store.close();
  });
});
