import { LOCALES, type Locale, useBrowserMessages, useCatalogue } from '../../lib/i18n';
import type { BadgeLanguage } from '../../lib/messaging/protocol';

/** Far more than the badge says in any language (its messages, their plural forms, its helpers'). */
const MAX_MESSAGES = 400;
const MAX_TEXT = 1000;
const MESSAGE_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

/**
 * The badge's words as the background sent them, if they are what it sends: a known language
 * and a plain map of message names to texts, bounded in count and length. Anything else is null.
 */
export function checkedBadgeLanguage(raw: unknown): BadgeLanguage | null {
  if (!raw || typeof raw !== 'object') return null;
  const { locale, messages } = raw as Record<string, unknown>;
  if (typeof locale !== 'string' || !(LOCALES as readonly string[]).includes(locale)) return null;
  if (!messages || typeof messages !== 'object' || Array.isArray(messages)) return null;
  const entries = Object.entries(messages);
  if (entries.length > MAX_MESSAGES) return null;
  const checked: Record<string, string> = {};
  for (const [name, text] of entries) {
    if (!MESSAGE_NAME.test(name) || typeof text !== 'string' || text.length > MAX_TEXT) return null;
    checked[name] = text;
  }
  return { locale: locale as Locale, messages: checked };
}

/**
 * The badge speaks the language chosen on the settings page when the background sent its words
 * in it, and the browser's otherwise (also once the setting is back to the browser's).
 */
export function speakBadgeLanguage(raw: unknown, i18n: Parameters<typeof useBrowserMessages>[0]): void {
  const language = checkedBadgeLanguage(raw);
  if (language) useCatalogue(language.messages, language.locale);
  else useBrowserMessages(i18n);
}
