import type { browser as wxtBrowser } from 'wxt/browser';
import { bestLocale, DEFAULT_LOCALE, LOCALES, type Locale, useBrowserMessages, useCatalogue } from '../i18n';
import { fromBrowserCatalogue } from '../i18n/catalogue';
import type { Settings } from '../settings/defaults';

type Browser = typeof wxtBrowser;

/**
 * The background speaks the language the pages speak: the browser's, or the one chosen on the
 * settings page (its notifications, menus, address-bar suggestions, toolbar titles, errors).
 */
export function createLanguage(browser: Browser) {
  let shown: string | null = null;
  async function read(tag: Locale): Promise<Record<string, string>> {
    const answer = await fetch(browser.runtime.getURL(`/_locales/${tag}/messages.json` as '/'));
    return fromBrowserCatalogue(await answer.json());
  }
  return {
    /** Follow the settings' language (called at start and whenever the settings change). */
    async follow(settings: Pick<Settings, 'language'>): Promise<void> {
      if (settings.language === shown) return;
      shown = settings.language;
      if (!(LOCALES as readonly string[]).includes(settings.language)) {
        useBrowserMessages(browser.i18n);
        return;
      }
      const locale = settings.language as Locale;
      const [messages, english] = await Promise.all([
        read(locale),
        locale === DEFAULT_LOCALE ? null : read(DEFAULT_LOCALE),
      ]);
      useCatalogue(messages, bestLocale(locale), english ?? undefined);
    },
  };
}
