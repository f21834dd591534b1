import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ChromiumWorld, saveKey, startDemoWorld, storedOfferCount } from '../../support/chromium';
import { DEMO_OFFERS, DEMO_SAVED, E2E_API_KEY } from '../../support/constants';

let world: ChromiumWorld;

beforeAll(async () => {
  world = await startDemoWorld();
});
afterAll(() => world?.close());

describe('settings page', () => {
  it('saves a key and tests it, then keeps the offers when a wrong key is rejected', async () => {
    const options = await world.ext.openPage('options.html');
    const key = options.getByLabel('API key', { exact: true });
    await saveKey(options, E2E_API_KEY);
    await expect.poll(() => options.locator('.result').textContent()).toBe(DEMO_SAVED);

    await saveKey(options, 'not-the-key');
    // Beside the field, with what to do; the key typed stays for correction and is not kept.
    await expect
      .poll(() => options.locator('#apiKey-problem').textContent())
      .toBe('The API key was rejected (HTTP 401)');
    expect(await options.locator('#apiKey-next').textContent()).toBe(
      'Not saved: Offer Lens keeps using what was saved before. Check that you pasted the whole key (no spaces); a new key comes from your account manager.',
    );
    expect(await key.inputValue()).toBe('not-the-key');
    expect(await storedOfferCount(world.ext)).toBe(DEMO_OFFERS);
    // The saved key is still the good one: Refresh works, and the popup shows no error.
    await options.getByRole('button', { name: 'Refresh now' }).click();
    await expect.poll(() => options.locator('.account .result').textContent()).toBe(DEMO_SAVED);
    // The key is not shown in clear until asked for.
    await key.fill('');
    expect(await key.getAttribute('type')).toBe('password');
    expect(await key.getAttribute('placeholder')).toBe('••••••••3a9c (saved)');

    await saveKey(options, E2E_API_KEY);
    await expect.poll(() => options.locator('.result').textContent()).toBe(DEMO_SAVED);
    await options.getByText('3 offers skipped', { exact: true }).click();
    expect(await options.locator('.skipped li').allTextContents()).toEqual([
      'Offer #224 (id 4100): Duplicate id 4100',
      'Offer #225 (id 9001): Tracking URL is missing or not an http(s) link',
      'Offer #226: Missing id',
    ]);
    await options.close();
  });

  it('says what is wrong with a setting as it is typed, and will not save it', async () => {
    const options = await world.ext.openPage('options.html');
    await options.getByText('Advanced').click();
    await options.getByLabel('Refresh every (minutes)').fill('2');
    await expect.poll(() => options.locator('.problem').first().textContent()).toBe('At least 5 minutes');
    expect(await options.getByRole('button', { name: 'Save and test' }).isDisabled()).toBe(true);
    await options.getByLabel('Refresh every (minutes)').fill('30');

    const feedUrl = options.getByLabel('Feed URL');
    await feedUrl.fill('http://feed.example.com/offers?apikey={apiKey}');
    await expect
      .poll(() => options.locator('#feedUrl-problem').textContent())
      .toBe('The feed URL must start with https:// (your key would travel unencrypted)');
    expect(await options.getByRole('button', { name: 'Save and test' }).isDisabled()).toBe(true);
    await feedUrl.fill('https://play.google.com/offers?apikey={apiKey}');
    await expect
      .poll(() => options.locator('#feedUrl-problem').textContent())
      .toBe('The feed URL cannot be a store address');
    await options.close();
  });
});
