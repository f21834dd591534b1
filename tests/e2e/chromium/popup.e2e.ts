import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumWorld, clipboardText, startChromiumWorld, waitForOfferCount } from '../../support/chromium';
import { POPUP_SIZE } from '../../support/constants';

let world: ChromiumWorld;

beforeAll(async () => {
  world = await startChromiumWorld();
  await waitForOfferCount(world.ext, 223);
});
afterAll(() => world?.close());

describe('popup', () => {
  it('opens focused on the search, lists offers best payout first, and filters as you type', async () => {
    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    await popup.locator('.offer-row').first().waitFor();
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search offers');
    expect(await popup.locator('.offer-row .name').first().textContent()).toBe(
      'ExpressVPN - iOS - US/BR/KR - Install + register',
    );

    await popup.keyboard.type('spotfy');
    await expect
      .poll(() => popup.locator('.offer-row .name').allTextContents())
      .toEqual(['Spotify - Android - ES - Install + register', 'Spotify - iOS - US/GB - Install + reach level 10']);

    await popup.getByLabel('Platform').selectOption('ios');
    await expect
      .poll(() => popup.locator('.offer-row .name').allTextContents())
      .toEqual(['Spotify - iOS - US/GB - Install + reach level 10']);
    await popup.getByLabel('Platform').selectOption('');
    await popup.close();
  });

  it('copies the tracking link with the click ID, from the detail and with Ctrl+C', async () => {
    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    const search = popup.getByRole('combobox', { name: 'Search offers' });
    await search.fill('spotify');
    await expect.poll(() => popup.locator('.offer-row').count()).toBe(2);

    await search.press('Enter');
    // The link in full, its click-ID parameter marked.
    expect(await popup.locator('#tracking-link').textContent()).toBe(
      'https://trk.carrierapptraffic.example/click?offer_id=4100&aff_id=demo&aff_sub=[CLICK_ID]',
    );
    expect(await popup.locator('#tracking-link mark.click-id').allTextContents()).toEqual(['aff_sub=[CLICK_ID]']);
    await popup.getByRole('button', { name: 'Copy tracking link' }).click();
    await popup.getByText('Copied', { exact: true }).waitFor();
    expect(await clipboardText(popup)).toBe(
      'https://trk.carrierapptraffic.example/click?offer_id=4100&aff_id=demo&aff_sub=[CLICK_ID]',
    );
    // The build's click ID is still the placeholder: said, with the way to the settings.
    expect(await popup.locator('.copy-status').textContent()).toBe(
      "Copied — but the click ID is still the placeholder [CLICK_ID]: set your tracker's macro in Settings",
    );
    expect(await popup.locator('.copy-status').getByRole('button', { name: 'Settings' }).isVisible()).toBe(true);
    expect(await popup.getByText('→ trk.carrierapptraffic.example').isVisible()).toBe(true);
    expect(await popup.getByRole('img', { name: 'QR code of the tracking link' }).isVisible()).toBe(true);

    await popup.getByRole('button', { name: 'Copy tracking link' }).focus();
    await popup.keyboard.press('Escape');
    await popup.locator('.offer-row').first().waitFor();
    await search.press('ArrowDown');
    await search.press('Control+c');
    await popup
      .getByRole('status')
      .getByText('Copied the tracking link of Spotify - iOS - US/GB - Install + reach level 10')
      .waitFor();
    expect(await clipboardText(popup)).toBe(
      'https://trk.carrierapptraffic.example/click?offer_id=4101&aff_id=demo&aff_sub=[CLICK_ID]',
    );
    await popup.close();
  });

  it('filters by a minimum payout typed in the Min box, compared in dollars', async () => {
    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    await popup.getByRole('combobox', { name: 'Search offers' }).fill('');
    const min = popup.getByLabel('Minimum payout');
    expect(await min.getAttribute('placeholder')).toBe('Min $');
    await min.fill('12.5');
    // $13.22 and $12.88 pass; €10.95 (≈ $12.44) does not.
    await expect
      .poll(() => popup.locator('.offer-row .name').allTextContents())
      .toEqual([
        'ExpressVPN - iOS - US/BR/KR - Install + register',
        'Telegram - Android - GB - Install + subscribe (trial)',
      ]);
    await min.fill('');
    await expect.poll(() => popup.locator('.offer-row').count()).toBeGreaterThan(2);
    await popup.close();
  });

  it('remembers the last search for the next open, and shows a typed country in its control', async () => {
    const popup = await world.ext.openPage('popup.html', POPUP_SIZE);
    await popup.getByRole('combobox', { name: 'Search offers' }).fill('candy geo:de');
    await expect.poll(() => popup.getByLabel('Country').inputValue()).toBe('DE');
    await popup.close();
    const again = await world.ext.openPage('popup.html', POPUP_SIZE);
    await expect.poll(() => again.getByRole('combobox', { name: 'Search offers' }).inputValue()).toBe('candy geo:de');
    await again.getByLabel('Country').selectOption('');
    await expect.poll(() => again.getByRole('combobox', { name: 'Search offers' }).inputValue()).toBe('candy');
    await again.getByRole('combobox', { name: 'Search offers' }).fill('');
    await again.close();
  });
});
