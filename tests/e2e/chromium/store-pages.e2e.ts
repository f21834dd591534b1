import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerForContentScript,
  badgeText,
  type ChromiumWorld,
  clickInBadge,
  startDemoWorld,
  toolbarBadge,
} from '../../support/chromium';
import { PLAY_SPOTIFY } from '../../support/constants';

const APPLE_SPOTIFY = 'https://apps.apple.com/us/app/spotify-music-and-podcasts/id324684580';
const PLAY_NO_OFFER = 'https://play.google.com/store/apps/details?id=com.example.nooffer';
const PLAY_WHATSAPP = 'https://play.google.com/store/apps/details?id=com.whatsapp';
const PLAY_TELEGRAM = 'https://play.google.com/store/apps/details?id=org.telegram.messenger';
let world: ChromiumWorld;

beforeAll(async () => {
  world = await startDemoWorld();
});
afterAll(() => world?.close());

describe('store pages', () => {
  it('shows the best offer on a Play page and an App Store page, with the toolbar payout', async () => {
    const page = await world.ext.context.newPage();
    await page.goto(PLAY_SPOTIFY);
    // Compact: the amount, the offer's name, Copy.
    await expect.poll(() => badgeText(page)).toBe('$1.62Spotify - Android - ES - Install + registerCopy▸×');
    await expect.poll(() => toolbarBadge(world.ext, 'https://play.google.com/*')).toBe('1.62');
    await clickInBadge(page, 'Show offer details');
    await expect.poll(() => badgeText(page)).toContain('$1.62 CPA');
    expect(await badgeText(page)).toContain('✓ ES');
    expect(await badgeText(page)).toContain('Link goes to trk.carrierapptraffic.example');

    // A payout in another currency says its equivalent in the display currency (US dollars).
    await page.goto(APPLE_SPOTIFY);
    await expect
      .poll(() => badgeText(page))
      .toBe('€0.74 ≈ $0.84Spotify - iOS - US/GB - Install + reach level 10Copy▸×');
    await page.close();
  });

  it('adds nothing to an app page without an offer, and follows single-page navigation', async () => {
    const page = await world.ext.context.newPage();
    await page.goto(PLAY_NO_OFFER);
    expect(await answerForContentScript(page)).toMatchObject({ url: PLAY_NO_OFFER, enabled: true, offers: [] });
    expect(await page.locator('offer-lens-badge').count()).toBe(0);

    await page.getByText('Spotify (SPA link)').click();
    await expect.poll(() => badgeText(page)).toContain('Spotify - Android - ES');
    expect(await badgeText(page)).toContain('✗ US');
    await page.getByText('WhatsApp (SPA link)').click();
    await expect.poll(() => badgeText(page)).toContain('WhatsApp Messenger - Android - JP');
    await page.getByText('Search (SPA link)').click();
    await expect.poll(() => page.locator('offer-lens-badge').count()).toBe(0);
    await expect.poll(() => toolbarBadge(world.ext, 'https://play.google.com/*')).toBe('');
    await page.close();
  });

  it('opens the popup on a real click of "Open in popup", never on a page script\'s clicks', async () => {
    const page = await world.ext.context.newPage();
    await page.goto(PLAY_SPOTIFY);
    await expect.poll(() => badgeText(page)).toContain('Spotify');
    const pagesBefore = world.ext.context.pages().length;
    const popups = () =>
      world.ext.worker.evaluate(async () => (await chrome.runtime.getContexts({ contextTypes: ['POPUP'] })).length);
    // The store page's own script clicks the badge five times (the buttons are out of its reach:
    // page-world.e2e.ts; here it clicks what it can reach).
    await page.evaluate(() => {
      const host = document.querySelector('offer-lens-badge') as HTMLElement;
      for (let i = 0; i < 5; i++) host.click();
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(world.ext.context.pages().length).toBe(pagesBefore);
    expect(await popups()).toBe(0);

    // The publisher's own click opens the popup.
    await clickInBadge(page, 'Show offer details');
    await clickInBadge(page, 'Open in popup');
    await expect.poll(popups).toBe(1);
    await page.close();
  });
});

describe('badge controls', () => {
  it('after × says "Hidden on this app · Undo"; Undo brings back the badge and the toolbar payout, on that app only', async () => {
    const other = await world.ext.context.newPage();
    await other.goto(PLAY_WHATSAPP);
    await expect.poll(() => badgeText(other)).toContain('WhatsApp Messenger');
    await clickInBadge(other, 'Hide on this app');
    await expect.poll(async () => (await answerForContentScript(other)).dismissed).toBe(true);

    const page = await world.ext.context.newPage();
    await page.goto(APPLE_SPOTIFY);
    await expect.poll(() => badgeText(page)).toContain('Spotify - iOS');
    await expect.poll(() => toolbarBadge(world.ext, 'https://apps.apple.com/*')).toBe('0.74');
    await clickInBadge(page, 'Hide on this app');
    await expect.poll(() => badgeText(page)).toBe('Hidden on this app·UndoBring it back from Settings → Hidden badges');
    await expect.poll(() => toolbarBadge(world.ext, 'https://apps.apple.com/*')).toBe('');
    expect(await answerForContentScript(page)).toMatchObject({ url: APPLE_SPOTIFY, dismissed: true });

    await clickInBadge(page, 'Undo: show the badge on this app again');
    await expect
      .poll(() => badgeText(page))
      .toBe('€0.74 ≈ $0.84Spotify - iOS - US/GB - Install + reach level 10Copy▸×');
    await expect.poll(() => toolbarBadge(world.ext, 'https://apps.apple.com/*')).toBe('0.74');
    expect(await answerForContentScript(page)).toMatchObject({ url: APPLE_SPOTIFY, dismissed: false });
    // The other app's badge stays hidden: Undo acts on the page that sent it.
    expect(await answerForContentScript(other)).toMatchObject({ url: PLAY_WHATSAPP, dismissed: true });
    await Promise.all([page.close(), other.close()]);
  });

  it('keeps a hidden badge hidden after a reload, while another app still has its badge', async () => {
    const page = await world.ext.context.newPage();
    await page.goto(PLAY_SPOTIFY);
    await expect.poll(() => badgeText(page)).toContain('Spotify');
    await clickInBadge(page, 'Hide on this app');
    // The toast leaves by itself once the pointer is elsewhere.
    await page.mouse.move(0, 0);
    await expect.poll(() => page.locator('offer-lens-badge').count(), { timeout: 15_000 }).toBe(0);
    await expect.poll(() => toolbarBadge(world.ext, 'https://play.google.com/*')).toBe('');

    await page.reload();
    expect(await answerForContentScript(page)).toMatchObject({ url: PLAY_SPOTIFY, dismissed: true });
    expect(await page.locator('offer-lens-badge').count()).toBe(0);
    expect(await toolbarBadge(world.ext, 'https://play.google.com/*')).toBe('');
    await page.goto(PLAY_TELEGRAM);
    await expect.poll(() => badgeText(page)).toContain('Telegram - Android');
    await page.close();
  });

  it('shows no badge anywhere when badges are switched off', async () => {
    const page = await world.ext.context.newPage();
    await page.goto(APPLE_SPOTIFY);
    await expect.poll(() => badgeText(page)).toContain('Spotify');
    const options = await world.ext.openPage('options.html');
    const toggle = options.getByLabel('Show a badge on Google Play and App Store pages of apps with an offer');
    await toggle.uncheck();
    await options.getByRole('button', { name: 'Save and test' }).click();
    await options.locator('.result').waitFor();
    await page.reload();
    expect(await answerForContentScript(page)).toMatchObject({ enabled: false, offers: [] });
    expect(await page.locator('offer-lens-badge').count()).toBe(0);
    await toggle.check();
    await options.getByRole('button', { name: 'Save and test' }).click();
    await options.locator('.result').waitFor();
    await page.reload();
    await expect.poll(() => badgeText(page)).toContain('Spotify');
    await Promise.all([page.close(), options.close()]);
  });
});
