import { DEFAULT_LOCALE, type Locale } from '.';

/**
 * The catalogues as the browser reads them: `_locales/<locale>/messages.json`, written by the
 * build (wxt.config.ts) from `lib/i18n/messages/<locale>.json`. The browser treats `$` as the
 * start of its own placeholders, so a literal one is written `$$`; our placeholders are `{name}`,
 * filled by `t()` after the lookup.
 */
export function toBrowserCatalogue(messages: Record<string, string>): Record<string, { message: string }> {
  const catalogue: Record<string, { message: string }> = {};
  for (const [key, message] of Object.entries(messages)) catalogue[key] = { message: message.replaceAll('$', '$$$$') };
  return catalogue;
}

/** A catalogue read back from `_locales/<locale>/messages.json` (a language chosen on the settings page). */
export function fromBrowserCatalogue(raw: unknown): Record<string, string> {
  const messages: Record<string, string> = {};
  if (!raw || typeof raw !== 'object') return messages;
  for (const [key, entry] of Object.entries(raw as Record<string, { message?: unknown }>)) {
    if (typeof entry?.message === 'string') messages[key] = entry.message.replaceAll('$$', '$');
  }
  return messages;
}

/** The `{placeholders}` a message uses, sorted (every language's message must use the same). */
export function placeholdersOf(message: string): string[] {
  const found = new Set<string>();
  for (let open = message.indexOf('{'); open !== -1; open = message.indexOf('{', open + 1)) {
    const close = message.indexOf('}', open);
    if (close === -1) break;
    found.add(message.slice(open + 1, close));
  }
  return [...found].sort();
}

/**
 * A language's catalogue as the extension ships it, with English for what it lacks (null when the
 * language is English): read from the build's `_locales` through `url` (`runtime.getURL`).
 */
export async function readShippedLanguage(
  url: (path: string) => string,
  locale: Locale,
): Promise<{ messages: Record<string, string>; english: Record<string, string> | null }> {
  const read = async (tag: Locale) =>
    fromBrowserCatalogue(await (await fetch(url(`/_locales/${tag}/messages.json`))).json());
  const [messages, english] = await Promise.all([
    read(locale),
    locale === DEFAULT_LOCALE ? null : read(DEFAULT_LOCALE),
  ]);
  return { messages, english };
}
