import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumWorld, refreshFrom, startDemoWorld } from '../../support/chromium';
import { POPUP_SIZE } from '../../support/constants';

let world: ChromiumWorld;

beforeAll(async () => {
  world = await startDemoWorld();
});
afterAll(() => world?.close());

/** A gone offer's row: "<name> | gone, last seen today 09:30". */
const LAST_SEEN = (name: string) =>
  new RegExp(`^${name.replace(/[+()]/g, '\\$&')} \\| gone, last seen (today|yesterday) \\d\\d:\\d\\d$`);
/** The Changes view's rows as "offer | what changed" (its two lines). */
const changeRows = (page: Page) =>
  page
    .locator('.change-row')
    .evaluateAll((rows) =>
      rows.map(
        (row) =>
          `${row.querySelector('.change-name')?.textContent} | ${row.querySelector('.change-text')?.textContent}`,
      ),
    );

const notifications = () => world.ext.worker.evaluate(async () => Object.keys(await chrome.notifications.getAll()));
const popupsOpen = () =>
  world.ext.worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['POPUP'] })).length);

describe('what changed', () => {
  it('lists the changes a refresh brought, warns about a watched offer that went, and opens it', async () => {
    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    const search = popup.getByRole('combobox', { name: 'Search offers' });
    await search.fill('spotify android');
    await expect
      .poll(() => popup.locator('.offer-row .name').allTextContents())
      .toEqual(['Spotify - Android - ES - Install + register']);
    await search.press('Enter');
    await popup.getByRole('button', { name: '☆ Watch' }).click();
    await popup.getByRole('button', { name: '★ Watching' }).waitFor();
    await popup.getByRole('button', { name: 'Back to results' }).click();
    await search.fill('');

    // The network pauses the watched offer, and its feed moves on one step.
    world.feed.hide(['4100']);
    world.feed.setMode('drift');
    await refreshFrom(popup);
    await expect.poll(notifications).toEqual(['offer-lens|cat%7C4100|gone:cat|4100']);
    await expect.poll(() => world.ext.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('1');

    await popup.reload();
    await popup.getByRole('tab', { name: /Changes/ }).click();
    const groups = popup.locator('.change-group');
    // The watched offer that went comes first, marked, then the groups.
    await expect.poll(() => groups.first().textContent()).toBe('★ Watching · 1');
    expect((await groups.allTextContents()).slice(0, 2)).toEqual(['★ Watching · 1', 'New · 2']);
    expect((await changeRows(popup)).slice(0, 3)).toEqual([
      expect.stringMatching(LAST_SEEN('★Spotify - Android - ES - Install + register')),
      // Changes of one refresh by name.
      'Pinterest - iOS - GB/TR/MX - Install + open 3 days (new) | new offer, $0.48 CPA',
      'Truecaller - Android - US/VN/SA - Install + reach level 10 (new) | new offer, $1.04 CPA',
    ]);
    await popup.getByRole('option', { name: /^Watched: Gone: Spotify - Android - ES/ }).waitFor();
    // Each row says when, as a clock time.
    expect(await popup.locator('.change-row .change-when').first().textContent()).toMatch(
      /^(Today|Yesterday) \d\d:\d\d$/,
    );
    // The search box narrows the changes as it narrows the offers.
    const narrowed = async (query: string, expected: unknown[]) => {
      await search.fill(query);
      await expect.poll(() => changeRows(popup)).toEqual(expected);
    };
    await narrowed('spotify android', [
      expect.stringMatching(LAST_SEEN('★Spotify - Android - ES - Install + register')),
    ]);
    await narrowed('candy crush mx', [
      'Candy Crush Saga - Android - MX/CA/TH - Install + first purchase | $3.10 → $3.57, +15\u202f%',
    ]);
    await narrowed('discord', ['Discord - Android - DE/US - Install | cap 9,100/month → 4,550/month']);
    await narrowed('zoom', [
      'Zoom - Android - NL/ID/ZA - Install + subscribe (trial) | $8.64 → $7.34, \u221215\u202f%',
    ]);
    // Opening the Changes view is seeing the toolbar's count.
    await expect.poll(() => world.ext.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');

    // A payout change opens the offer with its timeline.
    await popup
      .getByRole('option', { name: /^Zoom - Android - NL\/ID\/ZA - Install \+ subscribe \(trial\): \$8\.64/ })
      .click();
    await popup.getByRole('heading', { name: 'Zoom - Android - NL/ID/ZA - Install + subscribe (trial)' }).waitFor();
    await expect
      .poll(() => popup.locator('.history li').allTextContents())
      .toEqual([
        expect.stringMatching(/^seen since \d+ \w{3}$/),
        expect.stringMatching(/^payout \$8\.64 → \$7\.34, \u221215\u202f% on \d+ \w{3}$/),
      ]);
    await popup.close();

    // The notification's click (what the browser calls) opens the gone offer's last known state.
    expect(await popupsOpen()).toBe(0);
    await world.ext.worker.evaluate(() =>
      (
        globalThis as unknown as { offerLens: { notificationClicked(id: string): Promise<void> } }
      ).offerLens.notificationClicked('offer-lens|cat%7C4100|gone:cat|4100'),
    );
    await expect.poll(popupsOpen).toBe(1);
    expect(await notifications()).toEqual([]);
    world.feed.setMode('ok');
    world.feed.hide([]);
  });

  it('shows what is different since the last look: a watched drop first with its percentage, nothing for what came back', async () => {
    world.feed.setMode('ok');
    world.feed.hide([]);
    // The notification's popup above may not have taken the offer it was to open: no later popup opens on it.
    await world.ext.worker.evaluate(() => chrome.storage.session.remove('popupFocus'));
    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    await refreshFrom(popup);
    // The publisher has seen everything so far, and watches WhatsApp on Android.
    await popup.getByRole('tab', { name: /Changes/ }).click();
    await popup.getByRole('button', { name: 'Mark all seen' }).click();
    await popup.getByText(/^Nothing new since you last looked/).waitFor();
    await popup.getByRole('tab', { name: 'Offers' }).click();
    const search = popup.getByRole('combobox', { name: 'Search offers' });
    await search.fill('whatsapp android');
    await expect
      .poll(() => popup.locator('.offer-row .name').allTextContents())
      .toEqual(['WhatsApp Messenger - Android - JP - Install + subscribe (trial)']);
    await search.press('Enter');
    await popup.getByRole('button', { name: '☆ Watch' }).click();
    await popup.getByRole('button', { name: 'Back to results' }).click();
    await search.fill('');

    // Two refreshes: WhatsApp drops 25 %; Instagram goes and comes back as it was; Facebook's
    // payout goes up and back; Snapchat gets a daily cap.
    world.feed.setBody(demoFeedWith({ '4102': { payout: 1.38 }, '4106': { payout: 2.64 } }, ['4104']));
    await refreshFrom(popup);
    world.feed.setBody(demoFeedWith({ '4102': { payout: 1.38 }, '4110': { daily: 200 } }));
    await refreshFrom(popup);

    await popup.reload();
    const tab = popup.getByRole('tab', { name: /Changes/ });
    await expect.poll(() => tab.textContent()).toBe('Changes2');
    await tab.click();
    await expect
      .poll(() => changeRows(popup))
      .toEqual([
        '★WhatsApp Messenger - Android - JP - Install + subscribe (trial) | $1.84 → $1.38, \u221225\u202f%',
        'Snapchat - Android - US/GB/IT - Install + subscribe (trial) | no cap → 200/day',
      ]);
    expect(await popup.locator('.change-group').allTextContents()).toEqual(['★ Watching · 1', 'Caps · 1']);
    await popup.getByRole('option', { name: /^Watched: WhatsApp Messenger - Android - JP/ }).waitFor();
    expect(await popup.getByText('2 changes since you last looked').count()).toBe(1);

    // The popup's filters narrow the changes, and every count follows.
    const counted = async (query: string, tabText: string, groups: string[]) => {
      await search.fill(query);
      await expect.poll(() => popup.locator('.change-group').allTextContents()).toEqual(groups);
      expect(await tab.textContent()).toBe(tabText);
    };
    await counted('geo:GB', 'Changes1', ['Caps · 1']);
    await counted('cat:communication', 'Changes1', ['★ Watching · 1']);
    await counted('payout>5', 'Changes', []);
    await popup.getByText('No changes match the search and filters.').waitFor();
    await counted('', 'Changes2', ['★ Watching · 1', 'Caps · 1']);
    await popup.getByRole('button', { name: '★ Watching' }).click();
    await expect.poll(() => popup.locator('.change-group').allTextContents()).toEqual(['★ Watching · 1']);
    expect(await tab.textContent()).toBe('Changes1');
    await popup.close();
    world.feed.setBody(DEMO_FEED);
  });
});

const DEMO_FEED = readFileSync(new URL('../../../public/demo-feed.json', import.meta.url), 'utf8');

/** The demo feed with some offers' payout or daily cap changed, and some left out. */
function demoFeedWith(changes: Record<string, { payout?: number; daily?: number }>, without: string[] = []): string {
  const feed = JSON.parse(DEMO_FEED) as { offers: Record<string, unknown>[] };
  const offers = feed.offers
    .filter((offer) => !without.includes(String(offer.id)))
    .map((offer) => {
      const change = changes[String(offer.id)];
      if (!change) return offer;
      const payout =
        change.payout === undefined ? offer.payout : { ...(offer.payout as object), amount: change.payout };
      const caps = offer.conversion_cap as Record<string, unknown>;
      return { ...offer, payout, conversion_cap: change.daily === undefined ? caps : { ...caps, daily: change.daily } };
    });
  return JSON.stringify({ ...feed, offers });
}
