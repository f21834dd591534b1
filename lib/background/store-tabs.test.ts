import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { toBrowserCatalogue } from '../i18n/catalogue';
import { readCatalogue } from '../i18n/read-catalogue';
import type { Sender } from '../messaging/listener';
import { defaultSettings } from '../settings/defaults';
import { database } from '../storage/database';
import { settingsItem } from '../storage/items';
import { createOffers } from './offers';
import { createStoreTabs } from './store-tabs';

const SPOTIFY = 'https://play.google.com/store/apps/details?id=com.spotify.music';
const sender = { frameId: 0, url: SPOTIFY, tab: { id: 1, url: SPOTIFY } } as Sender;
/** A Russian catalogue as the build writes it, with a few of the badge's words and others'. */
const RUSSIAN = {
  badgeCopy: 'Копировать',
  badgeOffers_one: '{count} оффер',
  badgeOffers_few: '{count} оффера',
  badgeOffers_many: '{count} офферов',
  formatNoCap: 'без капа',
  formatDurationDays_few: '{count} дня',
  formatOffers_few: '{count} оффера',
  settingLanguage: 'Язык',
};

let catalogues: Record<string, unknown>;
function storeTabs() {
  return createStoreTabs({
    browser: fakeBrowser as never,
    offers: createOffers(database),
    toolbar: { showTab: async () => undefined } as never,
    surfaces: {} as never,
    linkChecks: {} as never,
    sourceNames: async () => new Map(),
  });
}
const answerFor = () => storeTabs().handlers.offersForPage({}, sender);

beforeEach(async () => {
  fakeBrowser.reset();
  await database.clear();
  fakeBrowser.i18n.getUILanguage = () => 'en-US';
  catalogues = { en: toBrowserCatalogue(readCatalogue('en')), ru: toBrowserCatalogue(RUSSIAN) };
  vi.stubGlobal('fetch', async (url: string) => {
    const tag = /\/_locales\/(\w+)\/messages\.json$/.exec(url)?.[1] ?? '';
    return tag in catalogues ? new Response(JSON.stringify(catalogues[tag])) : new Response('', { status: 404 });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe("a store page's offers, in the language chosen on the settings page", () => {
  it("carry the badge's words in it when the browser speaks another, English where it lacks one", async () => {
    await settingsItem.setValue({ ...defaultSettings(''), language: 'ru' });
    const answer = await answerFor();
    expect(answer.url).toBe(SPOTIFY);
    const language = answer.badgeLanguage;
    expect(language?.locale).toBe('ru');
    expect(language?.messages).toMatchObject({
      badgeCopy: 'Копировать',
      badgeOffers_few: '{count} оффера',
      badgeCopyLabel: 'Copy tracking link',
      formatNoCap: 'без капа',
      formatDurationDays_few: '{count} дня',
      formatCapDaily: '{cap}/day',
    });
  });

  it("and only those: the badge's own and its helpers'", async () => {
    await settingsItem.setValue({ ...defaultSettings(''), language: 'ru' });
    const names = Object.keys((await answerFor()).badgeLanguage?.messages ?? {});
    expect(names.filter((name) => !name.startsWith('badge') && !name.startsWith('format'))).toEqual([
      'offersSubIdExcluded',
      'offersSubIdNotAccepted',
      'offersSubIdMissing',
    ]);
    expect(names).not.toContain('formatOffers_few');
    expect(names.length).toBeLessThan(100);
  });

  it("carry none when the setting follows the browser, or is the browser's language", async () => {
    expect((await answerFor()).badgeLanguage).toBeUndefined();
    fakeBrowser.i18n.getUILanguage = () => 'ru-RU';
    await settingsItem.setValue({ ...defaultSettings(''), language: 'ru' });
    expect((await answerFor()).badgeLanguage).toBeUndefined();
  });

  it('carry English when that is chosen in a browser in Russian', async () => {
    fakeBrowser.i18n.getUILanguage = () => 'ru';
    await settingsItem.setValue({ ...defaultSettings(''), language: 'en' });
    const language = (await answerFor()).badgeLanguage;
    expect([language?.locale, language?.messages.badgeCopy]).toEqual(['en', 'Copy']);
  });

  it("still answer, without words, when the chosen language's catalogue cannot be read", async () => {
    await settingsItem.setValue({ ...defaultSettings(''), language: 'es' });
    const answer = await answerFor();
    expect(answer.url).toBe(SPOTIFY);
    expect(answer.badgeLanguage).toBeUndefined();
  });
});
