import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_OFFERS } from '../support/constants';
import { type FirefoxWorld, openExtensionPage, openPopup, startFirefoxWorld, text, until } from '../support/firefox';

/**
 * Firefox in Russian (intl.locale.requested, with Debian's firefox-esr-l10n-ru language pack):
 * the popup and the settings page speak Russian, with the Russian counted form.
 */
let world: FirefoxWorld;
beforeAll(async () => {
  world = await startFirefoxWorld('ru');
}, 60_000);
afterAll(() => world?.close());

describe('Firefox in Russian', () => {
  it('gets the popup and the settings page in Russian', async () => {
    const popup = await openPopup(world.browser);
    expect(await popup.$eval('input[type=search]', (input) => input.getAttribute('aria-label'))).toBe('Поиск офферов');
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('ru');
    await popup.close();

    const options = await openExtensionPage(world.browser, 'options.html');
    // 223 offers: the Russian "few" form (оффера), as for 2, 3, 4, 22, 23.
    expect(
      await until(
        () => text(options, '.status-line'),
        (t) => !!t?.startsWith(`${DEMO_OFFERS} оффера ·`),
        'the feed status in Russian',
      ),
    ).toContain('обновлено');
    expect(await options.$$eval('button', (buttons) => buttons.map((b) => b.textContent))).toContain(
      'Сохранить и проверить',
    );
    await options.close();
  });
});
