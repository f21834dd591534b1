import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseFeed } from '../../lib/feed';
import { offersForStorePage } from '../../lib/match';
import { formatPayout } from '../../lib/offer';
import { buildTrackingLink } from '../../lib/tracking-link';
import { createFeedServer, type FeedServer } from '../../scripts/feed-server';
import { type ChromiumExtension, launchChromium } from './chromium';
import { startStoreServer } from './store-server';

const DEMO = parseFeed(JSON.parse(readFileSync('public/demo-feed.json', 'utf8')));
const PLAY_SPOTIFY = 'https://play.google.com/store/apps/details?id=com.spotify.music&gl=ES';
const APPLE_SPOTIFY = 'https://apps.apple.com/us/app/spotify-music-and-podcasts/id324684580';

let feed: FeedServer;
let store: Awaited<ReturnType<typeof startStoreServer>>;
let ext: ChromiumExtension;

beforeAll(async () => {
  feed = await createFeedServer({ port: 18787 });
  store = await startStoreServer();
  ext = await launchChromium(`${process.cwd()}/.output/chrome-mv3-e2e`, store.port);
  await waitForOfferCount(DEMO.offers.length);
});

afterAll(async () => {
  await ext?.close();
  await feed?.close();
  await store?.close();
});

beforeEach(async () => {
  feed.setMode('ok');
});

/** The background's own record, read in the service worker. */
function summaryCount(): Promise<number | null> {
  return ext.worker.evaluate(async () => {
    const { summary } = await chrome.storage.local.get('summary');
    return (summary as { offerCount: number } | undefined)?.offerCount ?? null;
  });
}

async function waitForOfferCount(count: number) {
  for (let i = 0; i < 150; i++) {
    if ((await summaryCount()) === count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the background never stored ${count} offers (has ${await summaryCount()})`);
}

async function refreshFrom(page: Page) {
  await page.evaluate(() => chrome.runtime.sendMessage({ tag: 'offer-lens/v1', type: 'refresh', data: {} }));
}

function toolbarBadge(urlPattern?: string) {
  return ext.worker.evaluate(async (pattern) => {
    if (!pattern) return chrome.action.getBadgeText({});
    const [tab] = await chrome.tabs.query({ url: pattern });
    return tab?.id === undefined ? null : chrome.action.getBadgeText({ tabId: tab.id });
  }, urlPattern);
}

/** What the system clipboard holds: pasted into a scratch field, as a person would check it. */
async function clipboardText(page: Page): Promise<string> {
  const handle = await page.evaluateHandle(() => {
    const area = document.createElement('textarea');
    document.body.append(area);
    area.focus();
    return area;
  });
  await page.keyboard.press('Control+v');
  const text = await handle.evaluate((area) => {
    const value = (area as HTMLTextAreaElement).value;
    (area as HTMLTextAreaElement).remove();
    return value;
  });
  return text;
}

function badgeText(page: Page) {
  return page.evaluate(() => document.querySelector('offer-lens-badge')?.shadowRoot?.textContent ?? null);
}

describe('options page', () => {
  it('saves a key and tests it, then keeps the offers when a wrong key is rejected', async () => {
    const options = await ext.openPage('options.html');
    const key = options.getByLabel('API key', { exact: true });
    await key.fill('demo');
    await options.getByRole('button', { name: 'Save and test' }).click();
    await expect.poll(() => options.locator('.result').textContent()).toContain(`${DEMO.offers.length} offers`);
    await expect.poll(() => options.locator('.result').textContent()).toContain('3 offers skipped');

    await key.fill('not-the-key');
    await options.getByRole('button', { name: 'Save and test' }).click();
    await expect
      .poll(() => options.locator('p.banner.error').textContent())
      .toBe('The API key was rejected (HTTP 401)');
    expect(await summaryCount()).toBe(DEMO.offers.length);
    // The key is not shown in clear until asked for.
    expect(await key.inputValue()).toBe('');
    expect(await key.getAttribute('type')).toBe('password');

    await key.fill('demo');
    await options.getByRole('button', { name: 'Save and test' }).click();
    await expect.poll(() => options.locator('.result').textContent()).toContain(`${DEMO.offers.length} offers`);
    await options.close();
  });

  it('says what is wrong with a setting as it is typed, and will not save it', async () => {
    const options = await ext.openPage('options.html');
    await options.getByText('Advanced').click();
    await options.getByLabel('Refresh every (minutes)').fill('2');
    await expect.poll(() => options.locator('.problem').first().textContent()).toBe('At least 5 minutes');
    expect(await options.getByRole('button', { name: 'Save and test' }).isDisabled()).toBe(true);
    await options.close();
  });
});

describe('popup', () => {
  it('opens focused on the search, lists offers best payout first, and filters as you type', async () => {
    const popup = await ext.openPage('popup.html', { width: 400, height: 600 });
    await popup.locator('.offer-row').first().waitFor();
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search offers');
    const best = [...DEMO.offers].sort((a, b) => (b.payout?.amount ?? 0) - (a.payout?.amount ?? 0))[0];
    expect(await popup.locator('.offer-row .name').first().textContent()).toBe(best?.name);

    await popup.keyboard.type('spotfy');
    await expect
      .poll(() => popup.locator('.offer-row .name').allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining('Spotify')]));
    const names = await popup.locator('.offer-row .name').allTextContents();
    expect(names.every((n) => n.startsWith('Spotify'))).toBe(true);

    await popup.getByLabel('Platform').selectOption('ios');
    await expect
      .poll(() => popup.locator('.offer-row .name').allTextContents())
      .toEqual(names.filter((n) => n.includes('iOS')));
    await popup.getByLabel('Platform').selectOption('');
    await popup.close();
  });

  it('copies exactly the link buildTrackingLink makes, from the detail and with Ctrl+C', async () => {
    const popup = await ext.openPage('popup.html', { width: 400, height: 600 });
    const search = popup.getByRole('combobox', { name: 'Search offers' });
    await search.fill('spotify');
    await popup.locator('.offer-row').first().waitFor();
    const firstName = await popup.locator('.offer-row .name').first().textContent();
    const offer = DEMO.offers.find((o) => o.name === firstName);
    const expected = buildTrackingLink(offer?.trackingUrl ?? '', { clickId: '[CLICK_ID]' });

    await search.press('Enter');
    await popup.getByRole('button', { name: 'Copy tracking link' }).click();
    await popup.getByText('Copied', { exact: true }).waitFor();
    expect(await clipboardText(popup)).toBe(expected);
    expect(await popup.getByRole('img', { name: 'QR code of the tracking link' }).isVisible()).toBe(true);

    await popup.getByRole('button', { name: 'Copy tracking link' }).focus();
    await popup.keyboard.press('Escape');
    await popup.locator('.offer-row').first().waitFor();
    await search.press('ArrowDown');
    const secondName = await popup.locator('.offer-row.selected .name').textContent();
    await search.press('Control+c');
    const second = DEMO.offers.find((o) => o.name === secondName);
    await popup.getByRole('status').getByText(`Copied the tracking link of ${secondName}`).waitFor();
    expect(await clipboardText(popup)).toBe(buildTrackingLink(second?.trackingUrl ?? '', { clickId: '[CLICK_ID]' }));
    await popup.close();
  });

  it('remembers the last query for the next open', async () => {
    const popup = await ext.openPage('popup.html', { width: 400, height: 600 });
    await popup.getByRole('combobox', { name: 'Search offers' }).fill('candy');
    await popup.waitForTimeout(200);
    await popup.close();
    const again = await ext.openPage('popup.html', { width: 400, height: 600 });
    await expect.poll(() => again.getByRole('combobox', { name: 'Search offers' }).inputValue()).toBe('candy');
    await again.getByRole('combobox', { name: 'Search offers' }).fill('');
    await again.close();
  });
});

describe('store pages', () => {
  it('shows the best offer on a Play page and an App Store page, with the toolbar badge', async () => {
    const page = await ext.context.newPage();
    await page.goto(PLAY_SPOTIFY);
    const best = offersForStorePage(DEMO.offers, PLAY_SPOTIFY)[0];
    await expect.poll(() => badgeText(page)).toContain(formatPayout(best?.payout ?? null));
    expect(await badgeText(page)).toContain(best?.name);
    await expect.poll(() => toolbarBadge('https://play.google.com/*')).toBe(best?.payout?.amount.toFixed(2));

    await page.goto(APPLE_SPOTIFY);
    const apple = offersForStorePage(DEMO.offers, APPLE_SPOTIFY)[0];
    await expect.poll(() => badgeText(page)).toContain(apple?.name);
    await page.close();
  });

  it('adds nothing to pages without an offer, and follows single-page navigation', async () => {
    const page = await ext.context.newPage();
    await page.goto('https://play.google.com/store/apps/details?id=com.example.nooffer');
    await page.waitForTimeout(1000);
    expect(await page.locator('offer-lens-badge').count()).toBe(0);

    await page.getByText('Spotify (SPA link)').click();
    await expect.poll(() => badgeText(page)).toContain('Spotify');
    await page.getByText('WhatsApp (SPA link)').click();
    await expect.poll(() => badgeText(page)).toContain('WhatsApp');
    await page.getByText('Search (SPA link)').click();
    await expect.poll(() => page.locator('offer-lens-badge').count()).toBe(0);
    await expect.poll(() => toolbarBadge('https://play.google.com/*')).toBe('');
    await page.close();
  });
});

describe('badge controls', () => {
  it('hides a dismissed badge for that app, and all badges when switched off', async () => {
    const page = await ext.context.newPage();
    await page.goto(APPLE_SPOTIFY);
    await expect.poll(() => badgeText(page)).toContain('Spotify');
    await page.getByRole('button', { name: 'Dismiss until the offers change' }).click();
    expect(await page.locator('offer-lens-badge').count()).toBe(0);
    await expect.poll(() => toolbarBadge('https://apps.apple.com/*')).toBe('');
    await page.reload();
    await page.waitForTimeout(800);
    expect(await page.locator('offer-lens-badge').count()).toBe(0);
    await page.goto(PLAY_SPOTIFY); // another app still has its badge
    await expect.poll(() => badgeText(page)).toContain('Spotify');

    const options = await ext.openPage('options.html');
    await options.getByLabel('Show a badge on Google Play and App Store pages of apps with an offer').uncheck();
    await options.getByRole('button', { name: 'Save and test' }).click();
    await options.locator('.result').waitFor();
    await page.reload();
    await page.waitForTimeout(800);
    expect(await page.locator('offer-lens-badge').count()).toBe(0);
    await options.getByLabel('Show a badge on Google Play and App Store pages of apps with an offer').check();
    await options.getByRole('button', { name: 'Save and test' }).click();
    await options.locator('.result').waitFor();
    await page.reload();
    await expect.poll(() => badgeText(page)).toContain('Spotify');
    await Promise.all([page.close(), options.close()]);
  });
});

describe('accessibility', () => {
  const axeSource = readFileSync('node_modules/axe-core/axe.min.js', 'utf8');

  /** Serious and critical axe-core violations (evaluated over CDP, so the page's CSP allows it). */
  async function seriousViolations(page: Page) {
    await page.evaluate(axeSource);
    return page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: { run: (ctx: Document) => Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
        }
      ).axe;
      const { violations } = await axe.run(document);
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.nodes.length})`);
    });
  }

  it('has no serious or critical violations in the popup list, detail and options page', async () => {
    const popup = await ext.openPage('popup.html', { width: 400, height: 600 });
    await popup.locator('.offer-row').first().waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.getByRole('combobox', { name: 'Search offers' }).press('Enter');
    await popup.getByRole('button', { name: 'Copy tracking link' }).waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    const options = await ext.openPage('options.html');
    await options.getByRole('button', { name: 'Save and test' }).waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await Promise.all([popup.close(), options.close()]);
  });
});

describe('feed faults', () => {
  const faults: [string, string][] = [
    ['401', 'The API key was rejected (HTTP 401)'],
    ['500', 'The feed server is down (HTTP 500), retrying in'],
    ['hang', 'Timed out after 3 s'],
    ['html', 'The feed answered with something that is not JSON'],
  ];
  it.each(faults)('shows %s in the popup and the toolbar, and keeps the offers', async (mode, message) => {
    const popup = await ext.openPage('popup.html', { width: 400, height: 600 });
    feed.setMode(mode as never);
    await refreshFrom(popup);
    await expect.poll(() => popup.getByRole('alert').first().textContent(), { timeout: 15_000 }).toContain(message);
    expect(await popup.locator('.offer-row').count()).toBeGreaterThan(0);
    expect(await toolbarBadge()).toBe('!');
    expect(await summaryCount()).toBe(DEMO.offers.length);

    feed.setMode('ok');
    await popup.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => toolbarBadge()).toBe('');
    await popup.close();
  });
});

describe('toolbar badge on a matched tab', () => {
  it('gives the red "!" priority over the payout while the feed is failing', async () => {
    const page = await ext.context.newPage();
    await page.goto(PLAY_SPOTIFY);
    const payout = offersForStorePage(DEMO.offers, PLAY_SPOTIFY)[0]?.payout?.amount.toFixed(2);
    await expect.poll(() => toolbarBadge('https://play.google.com/*')).toBe(payout);
    const popup = await ext.openPage('popup.html', { width: 400, height: 600 });
    feed.setMode('500');
    await refreshFrom(popup);
    await expect.poll(() => toolbarBadge('https://play.google.com/*')).toBe('!');
    feed.setMode('ok');
    await refreshFrom(popup);
    await expect.poll(() => toolbarBadge('https://play.google.com/*')).toBe(payout);
    await Promise.all([page.close(), popup.close()]);
  });
});

describe('hostile feed', () => {
  it('never runs feed text as code nor shows a javascript: link', async () => {
    const dialogs: string[] = [];
    ext.context.on('page', (p) => p.on('dialog', (d) => dialogs.push(d.message())));
    const popup = await ext.openPage('popup.html', { width: 400, height: 600 });
    popup.on('dialog', (d) => dialogs.push(d.message()));
    feed.setMode('hostile');
    await refreshFrom(popup);
    await waitForOfferCount(2);

    await popup.getByRole('combobox', { name: 'Search offers' }).fill('');
    await popup.locator('.offer-row').first().waitFor();
    await popup.locator('.offer-row').first().click();
    await popup.getByRole('button', { name: 'Copy tracking link' }).waitFor();
    const options = await ext.openPage('options.html');
    const play = await ext.context.newPage();
    await play.goto('https://play.google.com/store/apps/details?id=com.spotify.music');
    await expect.poll(() => badgeText(play)).toContain('<script>');

    for (const page of [popup, options, play]) {
      // On the store page only the badge is ours; the fixture's own links are relative.
      const state = await page.evaluate((ownPage) => {
        const roots: ParentNode[] = ownPage ? [document] : [];
        for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
        const links = roots.flatMap((r) => [...r.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''));
        const images = roots.flatMap((r) => [...r.querySelectorAll('img')]).length;
        return { pwned: (window as { __pwned?: unknown }).__pwned ?? null, links, images, roots: roots.length };
      }, page !== play);
      expect(state.roots).toBeGreaterThan(0);
      expect(state.pwned).toBeNull();
      expect(state.images).toBe(0);
      expect(
        state.links.filter((href) => !/^https?:/i.test(href)),
        page.url(),
      ).toEqual([]);
    }
    expect(dialogs).toEqual([]);
    feed.setMode('ok');
    await refreshFrom(popup);
    await waitForOfferCount(DEMO.offers.length);
    await Promise.all([popup.close(), options.close(), play.close()]);
  });
});
