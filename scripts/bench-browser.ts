/**
 * Browser timings, in headless Chromium with the e2e build (npm run bench builds it), medians of
 * 10 with a 50,000-offer snapshot: popup open → first results and → a typed query's results
 * (service worker warm and stopped), side panel → "On this page", the Changes view with a
 * 50,000-change log, store-page navigation → badge, and what a refresh's save costs.
 */
import type { Page } from 'playwright-core';
import { launchChromium } from '../tests/support/chromium';
import { E2E_API_KEY } from '../tests/support/constants';
import { createFeedServer } from '../tests/support/feed-server';
import { startStoreServer } from '../tests/support/store-server';
import { syntheticFeed } from '../tests/support/synthetic-feed';

const RUNS = 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (x: number) => `${x.toFixed(0)} ms`;

const base = syntheticFeed(50_000, 5);
const feed = await createFeedServer({ port: 18787, apiKey: E2E_API_KEY, body: JSON.stringify(base) });
const store = await startStoreServer();
const ext = await launchChromium(`${process.cwd()}/.output/chrome-mv3-e2e`, store.port);

/** The background's timings of its last save (lib/background: saveTimings). */
const saveTimings = () =>
  ext.worker.evaluate(
    () =>
      new Promise<Record<string, number>>((resolve, reject) => {
        const open = indexedDB.open('offer-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const get = open.result.transaction('meta').objectStore('meta').get('saveTimings');
          get.onsuccess = () => resolve(get.result);
        };
      }),
  );
const offerCount = () =>
  ext.worker.evaluate(async () => {
    const { summary } = await chrome.storage.local.get('summary');
    return summary as { offerCount: number; fetchedAt: number } | undefined;
  });
async function refreshTo(body: unknown, count: number) {
  const before = (await offerCount())?.fetchedAt ?? 0;
  feed.setBody(JSON.stringify(body));
  await ext.worker.evaluate(() =>
    (globalThis as unknown as { offerLens: { refresh(): Promise<unknown> } }).offerLens.refresh(),
  );
  for (let i = 0; i < 600; i++) {
    const now = await offerCount();
    if (now && now.fetchedAt !== before && now.offerCount === count) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the refresh never landed');
}

async function stopWorker(page: Page) {
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await new Promise((r) => setTimeout(r, 300));
}

/** Open an extension page and time what the publisher waits for. */
async function timePage(path: string, cold: boolean, until: (page: Page) => Promise<void>) {
  await ext.worker.evaluate(async () => {
    const state = {
      query: '',
      platform: null,
      geo: null,
      category: null,
      minPayout: null,
      sort: 'best',
      watching: false,
    };
    await chrome.storage.local.set({ searchState: state });
  });
  const page = await ext.context.newPage();
  await page.setViewportSize({ width: 400, height: 600 });
  if (cold) await stopWorker(page);
  const start = performance.now();
  await page.goto(`chrome-extension://${ext.extensionId}/${path}`, { waitUntil: 'commit' });
  await until(page);
  const took = performance.now() - start;
  await page.close();
  return took;
}

const firstResults = (page: Page) => page.locator('.offer-row').first().waitFor();
const typedQuery = async (page: Page) => {
  await page.getByRole('combobox', { name: 'Search offers' }).fill('duolingo');
  await page.locator('.offer-row .name', { hasText: 'Duolingo' }).first().waitFor();
};

try {
  for (let i = 0; i < 300 && (await offerCount())?.offerCount !== 50_000; i++)
    await new Promise((r) => setTimeout(r, 100));
  // The same feed again: a save with nothing changed, what a save cost before the change log.
  await refreshTo(base, 50_000);
  const unchanged = await saveTimings();

  const rows: [string, number, string][] = [];
  for (const cold of [false, true]) {
    const label = cold ? 'worker stopped' : 'worker warm   ';
    await timePage('popup.html', cold, firstResults); // warm-up
    const first: number[] = [];
    const typed: number[] = [];
    for (let i = 0; i < RUNS; i++) first.push(await timePage('popup.html', cold, firstResults));
    for (let i = 0; i < RUNS; i++) typed.push(await timePage('popup.html', cold, typedQuery));
    rows.push([`popup → first results, ${label}`, median(first), 'goal ≤ 200 ms']);
    rows.push([`popup → typed query's results, ${label}`, median(typed), 'goal ≤ 150 ms']);
  }

  const badge: number[] = [];
  const page = await ext.context.newPage();
  for (let i = 0; i < RUNS; i++) {
    await page.goto('about:blank');
    const start = performance.now();
    await page.goto('https://play.google.com/store/apps/details?id=com.spotify.music', { waitUntil: 'commit' });
    await page.locator('offer-lens-badge .badge').waitFor();
    badge.push(performance.now() - start);
  }
  rows.push(['store page → badge visible', median(badge), 'goal ≤ 300 ms']);

  // A refresh that changes ~2% of the offers, then one that changes every payout (50,000 changes).
  const drifted = {
    ...base,
    offers: base.offers.map((o, i) => (i % 50 === 0 ? { ...o, payout: { amount: 99 } } : o)),
  };
  await refreshTo(drifted, 50_000);
  const twoPercent = await saveTimings();
  await refreshTo({ ...base, offers: base.offers.map((o) => ({ ...o, payout: { amount: 0.01 } })) }, 50_000);
  const changes: number[] = [];
  for (const cold of [false, true]) {
    const took: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      took.push(
        await timePage('popup.html', cold, async (p) => {
          await p.getByRole('tab', { name: /Changes/ }).click();
          await p.locator('.change-row').first().waitFor();
        }),
      );
    }
    changes.push(median(took));
  }
  rows.push(['popup → Changes view (50,000 changes), worker warm', changes[0] as number, 'goal ≤ 200 ms']);
  rows.push(['popup → Changes view (50,000 changes), worker stopped', changes[1] as number, 'goal ≤ 200 ms']);

  console.log(`\n## In headless Chromium (median of ${RUNS}; 50,000-offer snapshot)`);
  for (const [what, value, goal] of rows) console.log(`${what.padEnd(58)} ${ms(value).padStart(7)}  (${goal})`);
  console.log('\n## Saving a refresh (background, 50,000 offers)');
  const line = (what: string, t: Record<string, number>) =>
    `${what.padEnd(34)} diff ${ms(t.diffMs ?? 0)}, index ${ms(t.indexMs ?? 0)}, write ${ms(t.writeMs ?? 0)}`;
  console.log(line('same feed again (0 changes)', unchanged));
  console.log(line(`~2% changed (${twoPercent.changes} changes)`, twoPercent));
  const before = (unchanged.indexMs ?? 0) + (unchanged.writeMs ?? 0);
  const after = (twoPercent.diffMs ?? 0) + (twoPercent.indexMs ?? 0) + (twoPercent.writeMs ?? 0);
  console.log(`the change log adds ${(((after - before) / before) * 100).toFixed(0)}% to the save (goal ≤ 20%)`);
} finally {
  await ext.close();
  await feed.close();
  await store.close();
}
