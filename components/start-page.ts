import { browser } from 'wxt/browser';
import { bestLocale, DEFAULT_LOCALE, LOCALES, type Locale, useBrowserMessages, useCatalogue } from '../lib/i18n';
import { fromBrowserCatalogue } from '../lib/i18n/catalogue';

/** Where extension pages keep the language chosen on the settings page (the extension origin's, out of web pages' reach). */
const CHOSEN_LANGUAGE = 'offerLens.language';

/**
 * Every extension page starts here: its words from the browser's catalogue, in the browser's
 * language — or, when the publisher chose another language on the settings page, from that
 * language's catalogue file (read before the first render, so nothing shows in two languages).
 */
export function startPage(mount: () => void): void {
  useBrowserMessages(browser.i18n);
  const chosen = chosenLanguage();
  if (!chosen) {
    mount();
    return;
  }
  void loadCatalogue(chosen).then(mount, mount);
}

/** The language chosen on the settings page; null for the browser's. */
export function chosenLanguage(): Locale | null {
  const stored = globalThis.localStorage?.getItem(CHOSEN_LANGUAGE) ?? null;
  return stored && (LOCALES as readonly string[]).includes(stored) ? (stored as Locale) : null;
}

/** Remember the language chosen on the settings page ('auto': the browser's), for every page's next start. */
export function rememberLanguage(language: string): void {
  if ((LOCALES as readonly string[]).includes(language)) localStorage.setItem(CHOSEN_LANGUAGE, language);
  else localStorage.removeItem(CHOSEN_LANGUAGE);
}

async function loadCatalogue(locale: Locale): Promise<void> {
  const read = async (tag: Locale) =>
    fromBrowserCatalogue(await (await fetch(browser.runtime.getURL(`/_locales/${tag}/messages.json` as '/'))).json());
  const [messages, english] = await Promise.all([
    read(locale),
    locale === DEFAULT_LOCALE ? null : read(DEFAULT_LOCALE),
  ]);
  useCatalogue(messages, bestLocale(locale), english ?? undefined);
}
