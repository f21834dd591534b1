import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  badgePart,
  badgeText,
  type ChromiumWorld,
  clickInBadge,
  refreshFrom,
  startDemoWorld,
  storedOfferCount,
  toolbarBadge,
  waitForOfferCount,
} from '../../support/chromium';
import { DEMO_OFFERS, PLAY_SPOTIFY, POPUP_SIZE } from '../../support/constants';
import type { FaultMode } from '../../support/feed-server';

let world: ChromiumWorld;

beforeAll(async () => {
  world = await startDemoWorld();
});
afterAll(() => world?.close());
beforeEach(async () => {
  world.feed.setMode('ok');
});

async function backToDemo(popup: Page) {
  world.feed.setMode('ok');
  await refreshFrom(popup);
  await waitForOfferCount(world.ext, DEMO_OFFERS);
}

describe('feed faults', () => {
  const faults: [FaultMode, string][] = [
    ['401', 'The API key was rejected (HTTP 401)'],
    ['500', 'The feed server is down (HTTP 500), retrying in 1 min'],
    ['hang', 'Timed out after 3 s, retrying in 1 min'],
    ['html', 'The feed answered with something that is not JSON, retrying in 1 min'],
    ['unusable', 'All 226 offers in the feed were unusable: no tracking link, no id, retrying in 1 min'],
  ];
  it.each(faults)('shows %s in the popup and the toolbar, and keeps the offers', async (mode, message) => {
    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    world.feed.setMode(mode);
    await refreshFrom(popup);
    await expect.poll(() => popup.getByRole('alert').first().textContent(), { timeout: 15_000 }).toContain(message);
    expect(await popup.locator('.offer-row').count()).toBeGreaterThan(0);
    expect(await toolbarBadge(world.ext)).toBe('!');
    expect(await storedOfferCount(world.ext)).toBe(DEMO_OFFERS);

    world.feed.setMode('ok');
    await popup.getByRole('button', { name: 'Retry' }).click();
    await expect.poll(() => toolbarBadge(world.ext)).toBe('');
    await popup.close();
  });
});

describe('toolbar badge on a matched tab', () => {
  it('gives the red "!" priority over the payout while the feed is failing', async () => {
    const page = await world.ext.context.newPage();
    await page.goto(PLAY_SPOTIFY);
    await expect.poll(() => toolbarBadge(world.ext, 'https://play.google.com/*')).toBe('1.62');
    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    world.feed.setMode('500');
    await refreshFrom(popup);
    await expect.poll(() => toolbarBadge(world.ext, 'https://play.google.com/*')).toBe('!');
    world.feed.setMode('ok');
    await refreshFrom(popup);
    await expect.poll(() => toolbarBadge(world.ext, 'https://play.google.com/*')).toBe('1.62');
    await Promise.all([page.close(), popup.close()]);
  });
});

describe('look-alike tracking links', () => {
  it('are skipped with the reason, never listed, copied or put on a badge', async () => {
    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    world.feed.setMode('lookalike');
    await refreshFrom(popup);
    await waitForOfferCount(world.ext, 1);
    await popup.getByRole('combobox', { name: 'Search offers' }).fill('');
    await expect.poll(() => popup.locator('.offer-row .name').allTextContents()).toEqual(['Spotify - good link']);

    const options = await world.ext.openPage('options.html');
    await options.getByText('1 offer skipped', { exact: true }).click();
    expect(await options.locator('.skipped li').allTextContents()).toEqual([
      'Offer #2 (id lookalike): Tracking URL has a user name before its host (a look-alike link)',
    ]);
    const page = await world.ext.context.newPage();
    await page.goto(PLAY_SPOTIFY);
    await expect.poll(() => badgeText(page)).toContain('Spotify - good link');
    await clickInBadge(page, 'Show offer details');
    await expect.poll(() => badgeText(page)).toContain('Link goes to trk.carrierapptraffic.com');
    expect(await badgeText(page)).not.toContain('look-alike');
    await backToDemo(popup);
    await Promise.all([popup.close(), options.close(), page.close()]);
  });
});

describe('hostile feed', () => {
  it('never runs feed text as code nor shows a javascript: link', async () => {
    const dialogs: string[] = [];
    world.ext.context.on('page', (p) => p.on('dialog', (d) => dialogs.push(d.message())));
    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    popup.on('dialog', (d) => dialogs.push(d.message()));
    world.feed.setMode('hostile');
    await refreshFrom(popup);
    await waitForOfferCount(world.ext, 2);

    await popup.getByRole('combobox', { name: 'Search offers' }).fill('');
    await popup.locator('.offer-row').first().click();
    await popup.getByRole('button', { name: 'Copy tracking link' }).waitFor();
    const options = await world.ext.openPage('options.html');
    const play = await world.ext.context.newPage();
    await play.goto('https://play.google.com/store/apps/details?id=com.spotify.music');
    await expect.poll(() => badgeText(play)).toContain('<script>');

    // The badge's root is closed to the page: read from the content script's world, it has no
    // links at all (Open is a button) and no images.
    expect(await badgePart(play, 'a[href], img')).toBeNull();
    for (const page of [popup, options, play]) {
      // On the store page only the badge is ours; the fixture's own links are relative.
      const state = await page.evaluate((ownPage) => {
        const roots: ParentNode[] = ownPage ? [document] : [];
        for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
        const links = roots.flatMap((r) => [...r.querySelectorAll('a[href]')].map((a) => a.getAttribute('href') ?? ''));
        const images = roots.flatMap((r) => [...r.querySelectorAll('img')]).length;
        return { pwned: (window as { __pwned?: unknown }).__pwned ?? null, links, images, roots: roots.length };
      }, page !== play);
      if (page !== play) expect(state.roots).toBeGreaterThan(0);
      expect(state.pwned).toBeNull();
      expect(state.images).toBe(0);
      expect(
        state.links.filter((href: string) => !/^https?:/i.test(href)),
        page.url(),
      ).toEqual([]);
    }
    expect(dialogs).toEqual([]);
    await backToDemo(popup);
    await Promise.all([popup.close(), options.close(), play.close()]);
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
          axe: {
            run: (
              ctx: Document,
            ) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
          };
        }
      ).axe;
      const { violations } = await axe.run(document);
      return violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  }

  it('has no serious or critical violations in the popup list, detail and settings page', async () => {
    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    await popup.locator('.offer-row').first().waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.getByRole('combobox', { name: 'Search offers' }).press('Enter');
    await popup.getByRole('button', { name: 'Copy tracking link' }).waitFor();
    expect(await seriousViolations(popup)).toEqual([]);
    const options = await world.ext.openPage('options.html');
    await options.getByRole('button', { name: 'Save and test' }).waitFor();
    expect(await seriousViolations(options)).toEqual([]);
    await Promise.all([popup.close(), options.close()]);
  });
});
