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

describe('a browser in Russian', () => {
  it('gets the popup, the settings page and the badge in Russian', async () => {
    const { ext } = await inLanguage('ru');
    const popup = await ext.openPage('popup.html', POPUP_SIZE);
    await popup.getByRole('combobox', { name: 'Поиск офферов' }).waitFor();
    await expect.poll(() => popup.locator('.offer-row').count()).toBeGreaterThan(0);
    await popup.close();

    const options = await ext.openPage('options.html');
    await options.getByRole('button', { name: 'Сохранить и проверить' }).waitFor();
    expect(await options.locator('html').getAttribute('lang')).toBe('ru');
    await options.close();

    const store = await ext.context.newPage();
    await store.goto(PLAY_SPOTIFY);
    await expect.poll(() => badgeText(store)).toContain('Копировать');
    await store.close();
  });

  it('counts offers as Russian does: 1 оффер, 2 оффера, 5 офферов', async () => {
    const { ext, feed } = world as ChromiumWorld;
    const options = await ext.openPage('options.html');
    for (const [count, words] of [
      [1, '1 оффер'],
      [2, '2 оффера'],
      [5, '5 офферов'],
    ] as const) {
      const since = (await shownStatus(ext))?.lastAttemptAt ?? 0;
      feed.setBody(JSON.stringify(tinyOffersFeed(`n${count}`, count)));
      await refreshFrom(options);
      expect((await refreshEndedAfter(ext, since)).error).toBeNull();
      await waitForOfferCount(ext, count);
      await expect.poll(() => options.locator('.status-line').first().textContent()).toMatch(new RegExp(`^${words} ·`));
    }
    await options.close();
  });
});

describe('a browser in Chinese', () => {
  it('gets the popup, the settings page and the badge in Simplified Chinese', async () => {
    const { ext } = await inLanguage('zh-CN');
    const popup = await ext.openPage('popup.html', POPUP_SIZE);
    await popup.getByRole('combobox', { name: '搜索 Offer' }).waitFor();
    await expect.poll(() => popup.locator('.offer-row').count()).toBeGreaterThan(0);
    await popup.close();

    const options = await ext.openPage('options.html');
    await options.getByRole('button', { name: '保存并测试' }).waitFor();
    await expect.poll(() => options.locator('.status-line').first().textContent()).toMatch(/^223 个 Offer ·/);
    await options.close();

    const store = await ext.context.newPage();
    await store.goto(PLAY_SPOTIFY);
    await expect.poll(() => badgeText(store)).toContain('复制');
    await store.close();
  });
});
