import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  badgePart,
  type ChromiumWorld,
  clickInBadge,
  refreshFrom,
  startChromiumWorld,
  waitForOfferCount,
} from '../../support/chromium';
import { POPUP_SIZE } from '../../support/constants';
import { ATTRIBUTION, chainFeed, LANDING, TRACKER } from '../../support/link-chains';

let world: ChromiumWorld;
let popup: Page;

beforeAll(async () => {
  world = await startChromiumWorld();
  await waitForOfferCount(world.ext, 223);
  world.feed.setBody(JSON.stringify(chainFeed()));
  popup = await world.ext.openPage('popup.html', POPUP_SIZE);
  await refreshFrom(popup);
  await waitForOfferCount(world.ext, 7);
});
afterAll(() => world?.close());

/** Open the offer in the popup, press Check link, and read the report. */
async function check(name: string) {
  await popup.reload();
  const search = popup.getByRole('combobox', { name: 'Search offers' });
  await search.fill(name);
  await expect.poll(() => popup.locator('.offer-row .name').allTextContents(), { timeout: 10_000 }).toEqual([name]);
  await search.press('Enter');
  const before = world.store.requests.length;
  await popup.getByRole('button', { name: 'Check link' }).click();
  const report = popup.locator('.check-report');
  await report.waitFor({ timeout: 15_000 });
  return {
    verdict: (await report.locator('.verdict').textContent())?.replace(/^[✓✗⚠] /, ''),
    hops: await report.locator('.hops li').allTextContents(),
    notes: await report.locator('p').allTextContents(),
    requests: world.store.requests.slice(before),
  };
}

const ANDROID = /Linux; Android 14; Pixel 8.*Mobile/;

describe('Check link', () => {
  it('lands on the offer’s app: tracker (relative redirect) → attribution → Play, as an Android phone', async () => {
    const { verdict, hops, notes, requests } = await check('Check Right App');
    expect(verdict).toBe("Lands on the offer's app");
    expect(hops).toEqual([
      `${TRACKER} 302 → ${TRACKER}`,
      `${TRACKER} 302 → ${ATTRIBUTION}`,
      `${ATTRIBUTION} 302 → play.google.com`,
      'play.google.com 200',
    ]);
    expect(notes).toContain('store country ES — offer accepts ES, MX ✓');
    expect(notes.at(-1)).toMatch(
      /^Click ID passed on at hop 3\. \d+\.\d s, as an Android phone, from your own connection and country\.$/,
    );
    // What the servers saw: the phone's user agent, the check's click ID, no cookie.
    expect(requests.map((r) => r.host)).toEqual([TRACKER, TRACKER, ATTRIBUTION, 'play.google.com']);
    for (const request of requests) {
      expect(request.userAgent).toMatch(ANDROID);
      expect(request.cookie).toBeNull();
    }
    expect(requests[0]?.url).toMatch(/^\/right\?offer_id=9001&aff_id=7&aff_sub=offerlens-check\d{13}$/);
  });

  it('names the other app a re-pointed link lands on', async () => {
    const { verdict, hops } = await check('Check Other App');
    expect(verdict).toBe('Lands on a different app: com.other.app');
    expect(hops).toEqual([`${TRACKER} 302 → play.google.com`, 'play.google.com 200']);
  });

  it('follows a meta refresh, read as text, to a landing page', async () => {
    const { verdict, hops, requests } = await check('Check Landing Page');
    expect(verdict).toBe(`Ends on a web page: ${LANDING}`);
    expect(hops).toEqual([`${TRACKER} 200 → ${LANDING}`, `${LANDING} 200`]);
    expect(requests.map((r) => r.host)).toEqual([TRACKER, LANDING]);
    expect(requests[1]?.userAgent).toMatch(ANDROID);
  });

  it('is broken on a 404', async () => {
    const { verdict, hops } = await check('Check Dead Link');
    expect(verdict).toBe('Broken: HTTP 404 at hop 2');
    expect(hops).toEqual([`${TRACKER} 302 → ${ATTRIBUTION}`, `${ATTRIBUTION} 404`]);
  });

  it('is broken on a redirect loop', async () => {
    const { verdict, hops } = await check('Check Loop');
    expect(verdict).toBe('Broken: Redirect loop');
    expect(hops.slice(0, 3)).toEqual([
      `${TRACKER} 302 → ${ATTRIBUTION}`,
      `${ATTRIBUTION} 302 → ${TRACKER}`,
      `${TRACKER} 302 → ${ATTRIBUTION}`,
    ]);
  });

  it('lands on the offer’s app through a market:// hand-off, with the click ID passed on', async () => {
    const { verdict, hops, notes } = await check('Check Market Handoff');
    expect(verdict).toBe("Lands on the offer's app");
    expect(hops).toEqual([`${TRACKER} 302 → ${ATTRIBUTION}`, `${ATTRIBUTION} 302 → market://details`]);
    expect(notes.at(-1)).toMatch(/^Click ID passed on at hop 2\./);
  });

  it('checks an App Store offer as an iPhone, and one offer at most once a minute', async () => {
    const first = await check('Check Apple Store');
    expect(first.verdict).toBe("Lands on the offer's app");
    expect(first.requests[0]?.userAgent).toMatch(/iPhone; CPU iPhone OS/);
    expect(first.notes).toContain('store country ES — offer accepts ES, MX ✓');

    await popup.getByRole('button', { name: 'Check link' }).click();
    await popup.getByText(/^Checked less than a minute ago: this is that check\. Again in \d+ s\.$/).waitFor();
  });

  it('checks the listed links one at a time, and exports the verdicts', async () => {
    await popup.reload();
    await popup.getByRole('combobox', { name: 'Search offers' }).fill('check');
    await expect.poll(() => popup.locator('.offer-row').count(), { timeout: 10_000 }).toBe(7);
    await popup.getByRole('button', { name: 'Check links' }).click();
    await popup.getByRole('button', { name: 'Check 7 links' }).click();
    const rows = popup.locator('table.checks tbody tr');
    await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(7);
    const verdicts = Object.fromEntries(
      (await rows.evaluateAll((trs) =>
        trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
      )) as [string, string][],
    );
    // Checked a minute ago or not: the verdict stands (the last check's).
    expect(verdicts).toEqual({
      'Check Right App': "Lands on the offer's app",
      'Check Other App': 'Lands on a different app: com.other.app',
      'Check Landing Page': `Ends on a web page: ${LANDING}`,
      'Check Dead Link': 'Broken: HTTP 404 at hop 2',
      'Check Loop': 'Broken: Redirect loop',
      'Check Market Handoff': "Lands on the offer's app",
      'Check Apple Store': "Lands on the offer's app",
    });
    const [download] = await Promise.all([
      popup.waitForEvent('download'),
      popup.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^offer-lens-link-checks-\d+\.csv$/);
  });

  it('checks from the badge on the store page, for the offers that page shows', async () => {
    const page = await world.ext.context.newPage();
    await page.goto('https://play.google.com/store/apps/details?id=com.spotify.music&gl=ES');
    // The badge's root is closed: read and clicked from the content script's world.
    await expect.poll(() => badgePart(page, '.name')).toMatch(/^Check /);
    await clickInBadge(page, 'Show offer details');
    const name = await badgePart(page, '.name');
    await clickInBadge(page, 'Check link');
    await expect
      .poll(() => badgePart(page, '.cue'), { timeout: 15_000 })
      .toMatch(
        /^(Lands on the offer's app|Lands on a different app: com\.other\.app|Ends on a web page: promo\.landing\.test|Broken: .+) · \d+ hops? · \d+\.\d s as an Android phone$/,
      );
    expect(name).toMatch(/^Check /);
    await page.close();
  });

  it('gives up on a hop that never answers after 10 s, and says so', async () => {
    world.feed.setBody(JSON.stringify(chainFeed({ silent: true })));
    await refreshFrom(popup);
    await waitForOfferCount(world.ext, 8);
    const { verdict, hops } = await check('Check Silent Attribution');
    expect(verdict).toBe('Broken: No answer in 10 s');
    expect(hops).toEqual([`${TRACKER} 302 → ${ATTRIBUTION}`, `${ATTRIBUTION} no answer`]);
  });
});
