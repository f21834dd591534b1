import type { browser as wxtBrowser } from 'wxt/browser';
import {
  bestLocale,
  LOCALES,
  type Locale,
  type MessageKey,
  type PluralKey,
  useBrowserMessages,
  useCatalogue,
} from '../i18n';
import { readShippedLanguage } from '../i18n/catalogue';
import type { BadgeLanguage } from '../messaging/protocol';
import type { Settings } from '../settings/defaults';

type Browser = typeof wxtBrowser;

/** A language's messages as the build wrote them for the browser (`_locales/<tag>/messages.json`). */
const readLanguage = (browser: Browser, locale: Locale) =>
  readShippedLanguage((path) => browser.runtime.getURL(path as '/'), locale);

const isLocale = (tag: string): tag is Locale => (LOCALES as readonly string[]).includes(tag);

/**
 * The background speaks the language the pages speak: the browser's, or the one chosen on the
 * settings page (its notifications, menus, address-bar suggestions, toolbar titles, errors).
 */
export function createLanguage(browser: Browser) {
  let shown: string | null = null;
  return {
    /** Follow the settings' language (called at start and whenever the settings change). */
    async follow(settings: Pick<Settings, 'language'>): Promise<void> {
      if (settings.language === shown) return;
      shown = settings.language;
      if (!isLocale(settings.language)) {
        useBrowserMessages(browser.i18n);
        return;
      }
      const locale = settings.language;
      const { messages, english } = await readLanguage(browser, locale);
      useCatalogue(messages, locale, english ?? undefined);
    },
  };
}

/** The lib/ messages the badge's helpers say (lib/format: caps, countries, expiry and its duration). */
const BADGE_CORE_MESSAGES: ReadonlySet<string> = new Set<MessageKey | PluralKey>([
  'formatCapDaily',
  'formatCapMonthly',
  'formatNoCap',
  'formatAllCountries',
  'formatExpiresIn',
  'formatExpiredAgo',
  'formatDurationUnderMinute',
  'formatDurationMinutes',
  'formatDurationHours',
  'formatDurationDays',
  // The sub-ID warning (components/SubIdWarning.tsx), said on the badge as in the popup.
  'offersSubIdExcluded',
  'offersSubIdNotAccepted',
  'offersSubIdMissing',
]);

/** A message the store-page badge says: its own (`badge…`), or one of its helpers'. */
function isBadgeMessage(key: string): boolean {
  return key.startsWith('badge') || BADGE_CORE_MESSAGES.has(key.replace(/_(zero|one|two|few|many|other)$/, ''));
}

/**
 * The badge's words when the settings page chose a language other than the browser's: the
 * content script reads the browser's catalogue by itself, so the background hands it the
 * badge's messages in the chosen language (English where a translation lacks one), and only
 * those. Null when the browser's own catalogue already says it.
 */
export function createBadgeLanguage(browser: Browser, settings: () => Promise<Pick<Settings, 'language'>>) {
  const loaded = new Map<Locale, Promise<BadgeLanguage>>();
  async function load(locale: Locale): Promise<BadgeLanguage> {
    const { messages, english } = await readLanguage(browser, locale);
    const all = { ...english, ...messages };
    return { locale, messages: Object.fromEntries(Object.entries(all).filter(([key]) => isBadgeMessage(key))) };
  }
  return async function badgeLanguage(): Promise<BadgeLanguage | null> {
    const { language } = await settings();
    if (!isLocale(language) || language === bestLocale(browser.i18n.getUILanguage())) return null;
    let words = loaded.get(language);
    if (!words) {
      words = load(language);
      loaded.set(language, words);
      // A failed read is tried again on the next page.
      words.catch(() => loaded.delete(language));
    }
    return words;
  };
}
