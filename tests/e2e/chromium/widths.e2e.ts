import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumWorld, startChromiumWorld, waitForOfferCount } from '../../support/chromium';

/**
 * The offers surfaces from 320 to 800 px wide (a Chrome popup may be 25–800 px, a side panel is
 * what the publisher drags it to): nothing wider than the page, no control row cut, every
 * control's full name on hover. With the demo on show, the widest content there is: three
 * networks, foreign payouts with equivalents, the demo banner. Screenshots go to
 * $SCREENSHOTS_DIR (default /tmp/offer-lens-widths) to be looked at.
 */

const WIDTHS = [320, 400, 800];
const SURFACES = ['popup.html', 'sidepanel.html', 'offers.html'];
const SHOTS = process.env.SCREENSHOTS_DIR ?? '/tmp/offer-lens-widths';

let world: ChromiumWorld;

beforeAll(async () => {
  world = await startChromiumWorld();
  await waitForOfferCount(world.ext, 223);
  const page = await world.ext.openPage('popup.html');
  await page.evaluate(() => chrome.runtime.sendMessage({ tag: 'offer-lens/v1', type: 'loadDemo', data: {} }));
  await page.close();
});
afterAll(() => world?.close());

/** Every box of the surface that is wider inside than it is (what would scroll sideways or be cut). */
function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rows = document.querySelectorAll(
      '.demo-banner, .search-bar, .filters, .views, .app-filter, .footer, .offer-row, .detail-head, .facts, .link-box, .link-box .row, .on-page-offer',
    );
    return [document.documentElement, document.body, ...rows]
      .filter((box) => box.scrollWidth > box.clientWidth)
      .map((box) => `${box.tagName.toLowerCase()}.${box.className} ${box.scrollWidth} > ${box.clientWidth}`);
  });
}

/** The controls' full names on hover: every filter and the search box has a title. */
function untitledControls(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.filters select, .filters input, .search-bar input')]
      .filter((control) => !control.title)
      .map((control) => control.outerHTML.slice(0, 60)),
  );
}

describe('the offers surfaces from 320 to 800 px', () => {
  for (const surface of SURFACES) {
    it(`${surface}: fits every width, list and detail`, async () => {
      for (const width of WIDTHS) {
        const page = await world.ext.openPage(surface, { width, height: 600 });
        await page.locator('.offer-row .network').first().waitFor();
        await page.getByRole('combobox', { name: 'Search offers' }).fill('spotify');
        await expect.poll(() => page.locator('.offer-row').count()).toBe(6);
        expect(await overflowing(page), `${surface} at ${width} px`).toEqual([]);
        expect(await untitledControls(page)).toEqual([]);
        // Long names are cut with an ellipsis, and said in full on hover.
        const names = await page
          .locator('.offer-row .name')
          .evaluateAll((els) => els.map((el) => el.getAttribute('title') === el.textContent));
        expect(names).toEqual([true, true, true, true, true, true]);
        expect(await page.getByLabel('Minimum payout').getAttribute('type')).toBe('text');
        await page.screenshot({ path: `${SHOTS}/${surface.replace('.html', '')}-${width}.png` });

        await page.locator('.offer-row').first().click();
        await page.getByRole('button', { name: 'Copy tracking link' }).click();
        await page.locator('.copy-status .copied').waitFor();
        expect(await overflowing(page), `${surface} detail at ${width} px`).toEqual([]);
        // The whole link shows, over as many lines as it takes.
        const link = page.locator('#tracking-link');
        expect(await link.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
        await page.screenshot({ path: `${SHOTS}/${surface.replace('.html', '')}-detail-${width}.png` });
        await page.getByRole('button', { name: 'Back to results' }).click();
        await page.getByRole('combobox', { name: 'Search offers' }).fill('');
        await page.close();
      }
    });
  }

  it('fills a tab or window with popup.html, and keeps its own width as the toolbar’s popup', async () => {
    const tab = await world.ext.openPage('popup.html', { width: 320, height: 600 });
    await tab.locator('.offer-row').first().waitFor();
    expect(await tab.evaluate(() => document.documentElement.classList.contains('fill-window'))).toBe(true);

    await world.ext.worker.evaluate(() => chrome.action.openPopup());
    const popupOf = () =>
      tab.evaluate(() =>
        (chrome.extension.getViews({ type: 'popup' }) as (typeof window)[]).map((view) => ({
          width: view.document.querySelector('.popup')?.getBoundingClientRect().width ?? 0,
          fillsWindow: view.document.documentElement.classList.contains('fill-window'),
          asks: view.document.documentElement.scrollWidth,
        })),
      );
    await expect.poll(popupOf).toEqual([{ width: 400, fillsWindow: false, asks: 400 }]);
    await tab.evaluate(() => {
      for (const view of chrome.extension.getViews({ type: 'popup' }) as (typeof window)[]) view.close();
    });
    await tab.close();
  });
});
