import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LinkCheckAnswer } from '../../../lib/link-check';
import {
  badgePart,
  type ChromiumWorld,
  clickInBadge,
  refreshFrom,
  startDemoWorld,
  waitForOfferCount,
} from '../../support/chromium';
import { POPUP_SIZE } from '../../support/constants';
import { ATTRIBUTION, chainFeed, LANDING, SECRET_PATH, TRACKER } from '../../support/link-chains';

let world: ChromiumWorld;
let popup: Page;

beforeAll(async () => {
  world = await startDemoWorld();
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

  it('is broken on a redirect loop, followed only until its first URL comes again', async () => {
    const { verdict, hops, requests } = await check('Check Loop');
    expect(verdict).toBe('Broken: Redirect loop');
    expect(hops).toEqual([
      `${TRACKER} 302 → ${ATTRIBUTION}`,
      `${ATTRIBUTION} 302 → ${TRACKER}`,
      `${TRACKER} 302 → ${ATTRIBUTION}`,
    ]);
    expect(requests).toHaveLength(3);
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
    expect(download.suggestedFilename()).toMatch(/^offer-lens-link-checks-\d{4}-\d\d-\d\d-\d{4}\.csv$/);
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

  it('never requests a private address, whether a redirect, a meta refresh or the tracking link points there', async () => {
    const port = world.store.port;
    world.feed.setBody(JSON.stringify(chainFeed({ privateTo: port, edgeCases: true })));
    await refreshFrom(popup);
    await waitForOfferCount(world.ext, 14);
    const loopback = `127.0.0.1:${port}`;
    const redirect = await check('Check Private Redirect');
    expect(redirect.verdict).toBe('Broken: Refused to request a private address (127.0.0.1) at hop 2');
    expect(redirect.hops).toEqual([`${TRACKER} 302 → ${loopback}`, `${loopback} no answer`]);
    expect(redirect.requests.map((r) => r.host)).toEqual([TRACKER]);
    // The refresh spells the host 0x7f.1: the same address.
    const refresh = await check('Check Private Refresh');
    expect(refresh.verdict).toBe('Broken: Refused to request a private address (127.0.0.1) at hop 2');
    expect(refresh.hops).toEqual([`${TRACKER} 200 → ${loopback}`, `${loopback} no answer`]);
    expect(refresh.requests.map((r) => r.host)).toEqual([TRACKER]);
    const feedLink = await check('Check Private Tracking Link');
    expect(feedLink.verdict).toBe('Broken: Refused to request a private address (127.0.0.1) at hop 1');
    expect(feedLink.hops).toEqual([`${loopback} no answer`]);
    expect(feedLink.requests).toEqual([]);
    expect(world.store.requests.filter((r) => r.url.startsWith(SECRET_PATH))).toEqual([]);
  });

  it('follows a 5 KB Location in full, and keeps 2 KB of it in the result', async () => {
    const before = world.store.requests.length;
    const { verdict, hops } = await check('Check Long Redirect');
    expect(verdict).toBe("Lands on the offer's app");
    expect(hops).toEqual([
      `${TRACKER} 302 → ${ATTRIBUTION}`,
      `${ATTRIBUTION} 302 → play.google.com`,
      'play.google.com 200',
    ]);
    const attribution = world.store.requests.slice(before).find((r) => r.host === ATTRIBUTION);
    expect(attribution?.url).toBe(`/abc123?campaign=long&pad=${'x'.repeat(5000)}`);
    // Checked a moment ago: the background answers with that check, as it keeps it.
    const answer = (await popup.evaluate(
      (offerId) => chrome.runtime.sendMessage({ tag: 'offer-lens/v1', type: 'checkLink', data: { offerId } }),
      'cat|9012', // the popup checks by offer key (source|id)
    )) as { value: LinkCheckAnswer };
    const kept = answer.value.status === 'too-soon' ? answer.value.last?.hops : undefined;
    const padded = `https://${ATTRIBUTION}/abc123?campaign=long&pad=`;
    expect(kept?.map((hop) => [hop.url.length, hop.location?.length ?? null])).toEqual([
      [expect.any(Number), 2048],
      [2048, 'https://play.google.com/store/apps/details?id=com.spotify.music&gl=ES'.length],
      ['https://play.google.com/store/apps/details?id=com.spotify.music&gl=ES'.length, null],
    ]);
    expect(kept?.[0]?.location).toBe(`${padded}${'x'.repeat(2048 - padded.length)}`);
    expect(kept?.[1]?.url).toBe(`${padded}${'x'.repeat(2048 - padded.length)}`);
  });

  it('lands on the offer’s app through an intent that opens the Play Store, and through itms-apps://', async () => {
    const intent = await check('Check Intent Handoff');
    expect(intent.verdict).toBe("Lands on the offer's app");
    expect(intent.hops).toEqual([`${TRACKER} 302 → ${ATTRIBUTION}`, `${ATTRIBUTION} 302 → intent://details`]);
    expect(intent.requests.map((r) => r.host)).toEqual([TRACKER, ATTRIBUTION]);
    const apple = await check('Check Apple Handoff');
    expect(apple.verdict).toBe("Lands on the offer's app");
    expect(apple.hops).toEqual([`${TRACKER} 302 → itms-apps://apps.apple.com`]);
    expect(apple.requests[0]?.userAgent).toMatch(/iPhone; CPU iPhone OS/);
  });

  it('stops following after 16 hops', async () => {
    const { verdict, hops, requests } = await check('Check Endless Redirects');
    expect(verdict).toBe('Broken: Too many redirects (16)');
    expect(hops).toHaveLength(16);
    expect(requests.map((r) => r.url.replace(/\?.*/, ''))).toEqual(Array(16).fill('/next'));
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
