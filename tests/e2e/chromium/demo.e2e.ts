import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgeText,
  type ChromiumWorld,
  clipboardText,
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

/** What the snapshot on show is (the background's mirror for the pages), read from an extension page. */
function summarySource(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const { summary } = await chrome.storage.local.get('summary');
    return (summary as { source?: string } | undefined)?.source ?? null;
  });
}

/** The rows' networks and names, as a row shows them. */
function rowsOf(page: Page) {
  return page.locator('.offer-row').evaluateAll((rows) =>
    rows.map((row) => ({
      name: row.querySelector('.name')?.textContent ?? '',
      payout: row.querySelector('.payout-cell')?.textContent ?? '',
      network: row.querySelector('.network')?.textContent ?? '',
    })),
  );
}

describe('the demo’s three networks', () => {
  it('loads from Try with demo data, names each offer’s network, and shows Spotify from all three', async () => {
    const options = await world.ext.openPage('options.html');
    await options.getByRole('button', { name: 'Try with demo data' }).click();
    await expect.poll(() => summarySource(options), { timeout: 15_000 }).toBe('demo');
    await options.close();

    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    await popup.locator('.offer-row').first().waitFor();
    expect(await popup.locator('.demo-banner').textContent()).toBe('Demo data: not your offers.Back to my offers');
    // The banner is the first thing on the surface.
    expect(await popup.evaluate(() => document.querySelector('.popup')?.firstElementChild?.className)).toBe(
      'demo-banner',
    );

    await popup.getByRole('combobox', { name: 'Search offers' }).fill('spotify android');
    await expect
      .poll(async () =>
        (await rowsOf(popup)).find((row) => row.name === 'Spotify - DE, AT, CH, ES - Android - Install'),
      )
      .toEqual({
        name: 'Spotify - DE, AT, CH, ES - Android - Install',
        payout: '€1.70 CPI ≈ $1.93',
        network: '· AppRocket',
      });
    expect(new Set((await rowsOf(popup)).map((row) => row.network))).toEqual(
      new Set(['· AppRocket', '· CarrierAppTraffic', '· MobiPeak']),
    );

    // The network filter, and a network typed in the search shown in it.
    await popup.getByLabel('Network').selectOption({ label: 'MobiPeak' });
    await expect
      .poll(async () => new Set((await rowsOf(popup)).map((row) => row.network)))
      .toEqual(new Set(['· MobiPeak']));
    await popup.getByRole('combobox', { name: 'Search offers' }).fill('spotify net:approcket');
    await expect.poll(() => popup.getByLabel('Network').inputValue()).toBe('demo-affise');
    await expect
      .poll(async () => new Set((await rowsOf(popup)).map((row) => row.network)))
      .toEqual(new Set(['· AppRocket']));

    // A copied demo link says it is one.
    await popup.getByRole('combobox', { name: 'Search offers' }).press('Control+c');
    await popup
      .getByRole('status')
      .getByText(/^Copied the tracking link of Spotify .* \(demo link\)$/)
      .waitFor();
    expect(await clipboardText(popup)).toMatch(/^https:\/\/offers-demo\.affise\.com\/click\?.*&aff_sub=\[CLICK_ID\]$/);
    await popup.getByRole('combobox', { name: 'Search offers' }).fill('');
    await popup.close();
  });

  it('lists Spotify’s offers of the three networks on its store page, beside the side panel', async () => {
    const store = await world.ext.context.newPage();
    await store.goto(PLAY_SPOTIFY);
    await expect.poll(() => badgeText(store)).toContain('Spotify');
    const opened = world.ext.context.waitForEvent('page');
    await world.ext.worker.evaluate(async () => {
      await chrome.windows.create({ url: chrome.runtime.getURL('/sidepanel.html'), type: 'popup', width: 420 });
    });
    const panel = await opened;
    await panel.waitForLoadState();
    expect(await panel.locator('.demo-banner').textContent()).toContain('Demo data: not your offers.');
    const onPage = panel.getByRole('region', { name: /On this page/ });
    await expect
      .poll(async () => (await onPage.locator('.on-page-offer .about').allTextContents()).map((t) => t.split(' · ')[0]))
      .toEqual(expect.arrayContaining(['AppRocket (Affise)', 'CarrierAppTraffic', 'MobiPeak (Everflow)']));
    expect(await onPage.locator('.on-page-offer .equivalent').allTextContents()).toEqual(
      expect.arrayContaining(['≈ $1.93']),
    );
    await Promise.all([panel.close(), store.close()]);
  });

  it('goes Back to my offers from the banner, on the offers page too', async () => {
    const page = await world.ext.openPage('offers.html', { width: 800, height: 700 });
    await page.locator('.offer-row').first().waitFor();
    await page.getByRole('button', { name: 'Back to my offers' }).click();
    await expect.poll(() => summarySource(page)).toBe('feed');
    await expect.poll(() => page.locator('.demo-banner').count()).toBe(0);
    await expect
      .poll(() => page.locator('.offer-row .name').first().textContent())
      .toBe('ExpressVPN - iOS - US/BR/KR - Install + register');
    // One network on show again: rows name none.
    expect(await page.locator('.offer-row .network').count()).toBe(0);
    expect(await page.getByLabel('Network').count()).toBe(0);
    await page.close();
  });
});
