import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, type ChromiumWorld, startDemoWorld } from '../../support/chromium';
import { PLAY_SPOTIFY } from '../../support/constants';

const SPOTIFY_BADGE = '$1.62Spotify - Android - ES - Install + registerCopy▸×';
let world: ChromiumWorld;

beforeAll(async () => {
  world = await startDemoWorld();
});
afterAll(() => world?.close());

/** What Chrome does to an idle background after 30 s. */
async function stopServiceWorker(page: Page): Promise<void> {
  const cdp = await world.ext.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

/** The number of records in the store pages' lookup (IndexedDB `apps`), read on an extension page. */
async function lookupRecords(): Promise<number> {
  const page = await world.ext.openPage('options.html');
  const count = await page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('offer-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('apps').objectStore('apps').count();
          request.onsuccess = () => resolve(request.result);
        };
      }),
  );
  await page.close();
  return count;
}

describe('a store page while the background is stopped', () => {
  it('wakes it and shows the badge, from the lookup kept with the snapshot', async () => {
    expect(await lookupRecords()).toBeGreaterThan(1);
    const page = await world.ext.context.newPage();
    await stopServiceWorker(page);
    await page.goto(PLAY_SPOTIFY);
    await expect.poll(() => badgeText(page)).toBe(SPOTIFY_BADGE);
    await page.close();
  });

  it('shows the badge when an update left no lookup, and the lookup is there again after', async () => {
    const options = await world.ext.openPage('options.html');
    await options.evaluate(
      () =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('offer-lens');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('apps', 'readwrite');
            tx.objectStore('apps').clear();
            tx.oncomplete = () => resolve();
          };
        }),
    );
    await options.close();
    expect(await lookupRecords()).toBe(0);
    const page = await world.ext.context.newPage();
    await stopServiceWorker(page);
    await page.goto(PLAY_SPOTIFY);
    await expect.poll(() => badgeText(page)).toBe(SPOTIFY_BADGE);
    await expect.poll(() => lookupRecords()).toBeGreaterThan(1);
    await page.close();
  });
});
