import { browser } from 'wxt/browser';
import { intlLocale, LOCALES, type Locale, useBrowserMessages, useCatalogue } from '../lib/i18n';
import { readShippedLanguage } from '../lib/i18n/catalogue';

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
  // The page says which language it is in: screen readers pronounce it, and Chinese text gets
  // Chinese glyphs (not Japanese ones).
  const start = () => {
    document.documentElement.lang = intlLocale();
    mount();
  };
  if (!chosen) {
    start();
    return;
  }
  void loadCatalogue(chosen).then(start, start);
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
  const { messages, english } = await readShippedLanguage((path) => browser.runtime.getURL(path as '/'), locale);
  useCatalogue(messages, locale, english ?? undefined);
}
