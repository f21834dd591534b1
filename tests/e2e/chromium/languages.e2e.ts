import { afterAll, describe, expect, it } from 'vitest';
import {
  badgeText,
  type ChromiumWorld,
  refreshEndedAfter,
  refreshFrom,
  shownStatus,
  startDemoWorld,
  waitForOfferCount,
} from '../../support/chromium';
import { PLAY_SPOTIFY, POPUP_SIZE } from '../../support/constants';
import { tinyOffersFeed } from '../../support/hostile-feeds';

/**
 * A browser in Russian or Chinese (Debian's Chromium reads --lang once chromium-l10n is
 * installed): the popup, the settings page and the store-page badge speak it, with Russian's
 * three counted forms for 1, 2 and 5 offers.
 */
let world: ChromiumWorld | undefined;
afterAll(() => world?.close());

async function inLanguage(lang: string): Promise<ChromiumWorld> {
  await world?.close();
  world = await startDemoWorld(lang);
  return world;
}

/** What each language's pages say: the search box, the settings page's Save, the badge's Copy. */
const SPOKEN = [
  {
    lang: 'ru',
    html: 'ru',
    search: 'Поиск офферов',
    save: 'Сохранить и проверить',
    copy: 'Копировать',
    offers: '223 оффера',
  },
  { lang: 'zh-CN', html: 'zh-CN', search: '搜索 Offer', save: '保存并测试', copy: '复制', offers: '223 个 Offer' },
];

for (const words of SPOKEN) {
  describe(`a browser in ${words.lang}`, () => {
    it('gets the popup, the settings page and the badge in its language', async () => {
      const { ext } = await inLanguage(words.lang);
      const popup = await ext.openPage('popup.html', POPUP_SIZE);
      await popup.getByRole('combobox', { name: words.search }).waitFor();
      await expect.poll(() => popup.locator('.offer-row').count()).toBeGreaterThan(0);
      expect(await popup.locator('html').getAttribute('lang')).toBe(words.html);
      await popup.close();

      const options = await ext.openPage('options.html');
      await options.getByRole('button', { name: words.save }).waitFor();
      await expect
        .poll(() => options.locator('.status-line').first().textContent())
        .toMatch(new RegExp(`^${words.offers} ·`));
      await options.close();

      const store = await ext.context.newPage();
      await store.goto(PLAY_SPOTIFY);
      await expect.poll(() => badgeText(store)).toContain(words.copy);
      await store.close();
    });

    if (words.lang === 'ru')
      it('counts offers as Russian does: 1 оффер, 2 оффера, 5 офферов', async () => {
        const { ext, feed } = world as ChromiumWorld;
        const options = await ext.openPage('options.html');
        for (const [count, counted] of [
          [1, '1 оффер'],
          [2, '2 оффера'],
          [5, '5 офферов'],
        ] as const) {
          const since = (await shownStatus(ext))?.lastAttemptAt ?? 0;
          feed.setBody(JSON.stringify(tinyOffersFeed(`n${count}`, count)));
          await refreshFrom(options);
          expect((await refreshEndedAfter(ext, since)).error).toBeNull();
          await waitForOfferCount(ext, count);
          await expect
            .poll(() => options.locator('.status-line').first().textContent())
            .toMatch(new RegExp(`^${counted} ·`));
        }
        await options.close();
      });
  });
}
