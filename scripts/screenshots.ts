/**
 * npm run screenshots — what a publisher sees first, into docs/: the popup (list, detail),
 * the options page (ok, error) and the badge on each store. Uses the e2e build, the demo
 * feed server and the store fixture pages, in headless Chromium.
 */
import { mkdirSync } from 'node:fs';
import { clickInBadge, launchChromium } from '../tests/support/chromium';
import { E2E_API_KEY } from '../tests/support/constants';
import { createFeedServer } from '../tests/support/feed-server';
import { startStoreServer } from '../tests/support/store-server';

mkdirSync('docs', { recursive: true });
const feed = await createFeedServer({ port: 18787, apiKey: E2E_API_KEY });
const store = await startStoreServer();
const ext = await launchChromium(`${process.cwd()}/.output/chrome-mv3-e2e`, store.port);
try {
  for (let i = 0; i < 100; i++) {
    const ready = await ext.worker.evaluate(async () => !!(await chrome.storage.local.get('summary')).summary);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  const popup = await ext.openPage('popup.html', { width: 400, height: 580 });
  await popup.locator('.offer-row').first().waitFor();
  await popup.screenshot({ path: 'docs/popup-list.png' });
  await popup.getByRole('combobox', { name: 'Search offers' }).fill('spotify');
  await popup.locator('.offer-row .name', { hasText: 'Spotify' }).first().waitFor();
  await popup.getByRole('combobox', { name: 'Search offers' }).press('Enter');
  await popup.getByRole('button', { name: 'Copy tracking link' }).click();
  await popup.getByText('Copied', { exact: true }).waitFor();
  await popup.screenshot({ path: 'docs/popup-detail.png' });
  await popup.getByRole('button', { name: 'Back to results' }).click();
  await popup.getByRole('combobox', { name: 'Search offers' }).fill('');

  const options = await ext.openPage('options.html', { width: 760, height: 1000 });
  await options.getByLabel('API key', { exact: true }).fill(E2E_API_KEY);
  await options.getByRole('button', { name: 'Save and test' }).click();
  await options.locator('.result').waitFor();
  await options.screenshot({ path: 'docs/options.png', fullPage: true });
  await options.getByLabel('API key', { exact: true }).fill('wrong-key');
  await options.getByRole('button', { name: 'Save and test' }).click();
  await options.locator('p.banner.error').waitFor();
  await options.screenshot({ path: 'docs/options-error.png', fullPage: true });
  await options.getByLabel('API key', { exact: true }).fill(E2E_API_KEY);
  await options.getByRole('button', { name: 'Save and test' }).click();
  await options.locator('.result').waitFor();

  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 1100, height: 700 });
  // The badge's root is closed: its buttons are found from the content script's world.
  await page.goto('https://play.google.com/store/apps/details?id=com.spotify.music&gl=US');
  await page.locator('offer-lens-badge').waitFor({ state: 'attached' });
  await page.screenshot({ path: 'docs/badge-play.png' });
  await page.goto('https://apps.apple.com/us/app/spotify-music-and-podcasts/id324684580');
  await page.locator('offer-lens-badge').waitFor({ state: 'attached' });
  await clickInBadge(page, 'Show offer details');
  await clickInBadge(page, 'QR');
  await page.screenshot({ path: 'docs/badge-app-store.png' });

  // The side panel beside a store page (in a window of its own: a headless browser has no panel).
  await page.goto('https://play.google.com/store/apps/details?id=com.spotify.music&gl=US');
  const opened = ext.context.waitForEvent('page');
  await ext.worker.evaluate(async () => {
    await chrome.windows.create({ url: chrome.runtime.getURL('/sidepanel.html'), type: 'popup' });
  });
  const panel = await opened;
  await panel.setViewportSize({ width: 380, height: 760 });
  await panel.locator('.on-page-offer').first().waitFor();
  await panel.screenshot({ path: 'docs/side-panel.png' });
  await popup.getByRole('button', { name: 'Export these offers' }).click();
  await popup.screenshot({ path: 'docs/popup-export.png' });
  console.log(
    'docs/: popup-list, popup-detail, popup-export, side-panel, options, options-error, badge-play, badge-app-store (.png)',
  );
} finally {
  await ext.close();
  await feed.close();
  await store.close();
}
