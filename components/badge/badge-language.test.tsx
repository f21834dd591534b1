// @vitest-environment happy-dom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { currentLocale, useCatalogue } from '../../lib/i18n';
import { readCatalogue } from '../../lib/i18n/read-catalogue';
import type { LinkCheckAnswer, LinkCheckResult } from '../../lib/link-check';
import { defaultSettings } from '../../lib/settings/defaults';
import { checkedBadgeLanguage, speakBadgeLanguage } from './badge-language';
import { pageFor, realClick, SPOTIFY, seen, showBadge } from './badge-test-kit';

const english = readCatalogue('en');
/** The badge's words in Russian, as the background sends them (English where a translation lacks one). */
const RUSSIAN = {
  locale: 'ru',
  messages: {
    ...Object.fromEntries(Object.entries(english).filter(([key]) => key.startsWith('badge'))),
    badgeCopy: 'Копировать',
    badgeCopyLabel: 'Копировать ссылку',
    badgeExpand: 'Подробнее об оффере',
    badgeOffers_one: '{count} оффер',
    badgeOffers_few: '{count} оффера',
    badgeOffers_many: '{count} офферов',
    badgeHops_one: '{count} переход',
    badgeHops_few: '{count} перехода',
    badgeHops_many: '{count} переходов',
    badgeCheckLine: '{verdict} · {hops} · {seconds} с, как {phone}',
    badgeCheckLink: 'Проверить ссылку',
    formatCapDaily: '{cap} в день',
  },
};
/** The browser's own catalogue, in English. */
const browserI18n = { getMessage: (key: string) => english[key] ?? '', getUILanguage: () => 'en-US' };

const checked = (ms: number, hops: number): LinkCheckAnswer => ({
  status: 'checked',
  result: {
    verdict: 'right-app',
    reason: "Lands on the offer's app",
    hops: Array.from({ length: hops }, () => ({})),
    ms,
    phoneLabel: 'Android phone',
  } as LinkCheckResult,
});

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  cleanup();
  useCatalogue(english, 'en');
});

describe("the badge's words from the background", () => {
  it('are taken when they are a known language and a plain, bounded map of texts', () => {
    expect(checkedBadgeLanguage(RUSSIAN)).toEqual(RUSSIAN);
  });

  it.each([
    ['nothing', undefined],
    ['an unknown language', { locale: 'xx', messages: {} }],
    ['a list', { locale: 'ru', messages: ['Копировать'] }],
    ['a text that is not one', { locale: 'ru', messages: { badgeCopy: 1 } }],
    ['a name no message has', { locale: 'ru', messages: { __proto__x: 'x' } }],
    ['a name with spaces', { locale: 'ru', messages: { 'badge copy': 'x' } }],
    ['a text too long', { locale: 'ru', messages: { badgeCopy: 'x'.repeat(1001) } }],
    [
      'too many messages',
      { locale: 'ru', messages: Object.fromEntries(Array.from({ length: 401 }, (_, i) => [`badge${i}`, 'x'])) },
    ],
  ])('are refused when they are %s', (_, raw) => {
    expect(checkedBadgeLanguage(raw)).toBeNull();
  });

  it('make the badge speak the chosen language: its words, counted forms and numbers', async () => {
    const page = await pageFor(`${SPOTIFY}&gl=us`, defaultSettings(''));
    speakBadgeLanguage(RUSSIAN, browserI18n);
    expect(currentLocale()).toBe('ru');
    const { container } = showBadge(page, { onCheckLink: vi.fn(async () => checked(1500, 2)) });
    expect(seen(container.querySelector('.row') as HTMLElement)).toContain('Копировать');
    fireEvent.click(screen.getByRole('button', { name: 'Подробнее об оффере' }));
    expect(seen(container)).toContain('Android · 2 оффера');
    expect(seen(container)).toContain('50 в день');
    realClick(screen.getByRole('button', { name: 'Проверить ссылку' }));
    await waitFor(() =>
      expect(seen(container)).toContain("Lands on the offer's app · 2 перехода · 1,5 с, как Android phone"),
    );
  });

  it("leave the badge in the browser's language when none came (the setting is the browser's)", async () => {
    speakBadgeLanguage(RUSSIAN, browserI18n);
    speakBadgeLanguage(undefined, browserI18n);
    expect(currentLocale()).toBe('en');
    const { container } = showBadge(await pageFor(`${SPOTIFY}&gl=us`, defaultSettings('')), {
      onCheckLink: vi.fn(async () => checked(1460, 1)),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Show offer details' }));
    expect(seen(container)).toContain('Android · 2 offers');
    realClick(screen.getByRole('button', { name: 'Check link' }));
    await waitFor(() =>
      expect(seen(container)).toContain("Lands on the offer's app · 1 hop · 1.5 s as an Android phone"),
    );
  });
});
