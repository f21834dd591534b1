import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumWorld, refreshFrom, startChromiumWorld, waitForOfferCount } from '../../support/chromium';
import { POPUP_SIZE } from '../../support/constants';

let world: ChromiumWorld;

beforeAll(async () => {
  world = await startChromiumWorld();
  await waitForOfferCount(world.ext, 223);
});
afterAll(() => world?.close());

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
    const rows = popup.locator('.change-row .change-text');
    const groups = popup.locator('.change-group');
    await expect.poll(() => groups.first().textContent()).toBe('New · 2');
    expect((await rows.allTextContents()).slice(0, 3)).toEqual([
      'New: Truecaller - Android - US/VN/SA - Install + reach level 10 (new) — $1.04 CPA',
      'New: Pinterest - iOS - GB/TR/MX - Install + open 3 days (new) — $0.48 CPA',
      expect.stringMatching(/^Gone: [^:]+ \(last seen \d\d:\d\d\)$/),
    ]);
    // The search box narrows the changes as it narrows the offers.
    const narrowed = async (query: string, expected: unknown[]) => {
      await search.fill(query);
      await expect.poll(() => rows.allTextContents()).toEqual(expected);
    };
    await narrowed('spotify android', [
      expect.stringMatching(/^Gone: Spotify - Android - ES - Install \+ register \(last seen \d\d:\d\d\)$/),
    ]);
    await narrowed('candy crush mx', [
      'Candy Crush Saga - Android - MX/CA/TH - Install + first purchase: $3.10 → $3.57 CPA',
    ]);
    await narrowed('discord', ['Discord - Android - DE/US - Install: cap 9,100/month → 4,550/month']);
    await narrowed('zoom', ['Zoom - Android - NL/ID/ZA - Install + subscribe (trial): $8.64 → $7.34 CPA']);
    // Opening the Changes view is seeing the toolbar's count.
    await expect.poll(() => world.ext.worker.evaluate(() => chrome.action.getBadgeText({}))).toBe('');

    // A payout change opens the offer with its timeline.
    await popup.getByText('Zoom - Android - NL/ID/ZA - Install + subscribe (trial): $8.64 → $7.34 CPA').click();
    await popup.getByRole('heading', { name: 'Zoom - Android - NL/ID/ZA - Install + subscribe (trial)' }).waitFor();
    await expect
      .poll(() => popup.locator('.history li').allTextContents())
      .toEqual([
        expect.stringMatching(/^seen since \d+ \w{3}$/),
        expect.stringMatching(/^payout \$8\.64 → \$7\.34 CPA on \d+ \w{3}$/),
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
});
