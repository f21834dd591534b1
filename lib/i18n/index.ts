import type badge from './messages/en/badge.json';
import type core from './messages/en/core.json';
import type manifest from './messages/en/manifest.json';
import type offers from './messages/en/offers.json';
import type options from './messages/en/options.json';

/**
 * Every user-visible word of Offer Lens comes from one message catalogue per language
 * (`lib/i18n/messages/<locale>/<area>.json`, English the source and the fallback; one file per area —
 * core (lib/), offers, options, badge, manifest — so each part's words are found and translated
 * together), looked up here. The
 * build turns the catalogues into the browser's own `_locales/<locale>/messages.json`
 * (wxt.config.ts), so pages, the background and the content script read them synchronously with
 * `browser.i18n.getMessage`, in the browser's language, at no cost to the bundles; a language
 * chosen on the settings page loads its catalogue file instead (`useCatalogue`).
 *
 * Plurals: the browser's format has no plural forms, so a counted message has one key per form
 * of its language (`offers_one`, `offers_few`, `offers_many`, `offers_other`), chosen with
 * `Intl.PluralRules` — Russian needs one/few/many ("1 оффер, 2 оффера, 5 офферов"), Chinese,
 * Vietnamese and Indonesian one form, English two.
 */

/** The languages Offer Lens speaks, as the browser names their folders (`_locales/pt_BR`). */
export const LOCALES = ['en', 'ru', 'es', 'pt_BR', 'zh_CN', 'tr', 'vi', 'id'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'en';

/** Each language in its own words, for the settings page's choice. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  ru: 'Русский',
  es: 'Español',
  pt_BR: 'Português (Brasil)',
  zh_CN: '简体中文',
  tr: 'Türkçe',
  vi: 'Tiếng Việt',
  id: 'Bahasa Indonesia',
};

type English = typeof core & typeof offers & typeof options & typeof badge & typeof manifest;
type Keys = keyof English & string;
type PluralForm = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
/** A counted message's name: the part before `_one` / `_other`. */
export type PluralKey = Keys extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;
/** A message's name (counted ones are asked for with `tp`). */
export type MessageKey = Exclude<Keys, `${string}_${PluralForm}`>;
export type Values = Record<string, string | number>;

/** Where messages come from: the browser's catalogue, or one loaded from a file (override, tests). */
type Lookup = (key: string) => string | undefined;

let lookup: Lookup = () => undefined;
let locale: Locale = DEFAULT_LOCALE;
let plurals: Intl.PluralRules | null = null;

/**
 * Read messages through the browser (`browser.i18n`): the catalogue of the browser's language,
 * English for what it lacks. Each entrypoint calls this (or `useCatalogue`) once, first.
 */
export function useBrowserMessages(i18n: { getMessage(key: string): string; getUILanguage(): string }): void {
  lookup = (key) => i18n.getMessage(key) || undefined;
  locale = bestLocale(i18n.getUILanguage());
  plurals = null;
}

/** Read messages from a catalogue (a language chosen on the settings page, or tests). */
export function useCatalogue(catalogue: Record<string, string>, tag: Locale, fallback?: Record<string, string>): void {
  lookup = (key) => (Object.hasOwn(catalogue, key) ? catalogue[key] : fallback?.[key]);
  locale = tag;
  plurals = null;
}

/** The language messages are in now. */
export function currentLocale(): Locale {
  return locale;
}

/** The language's BCP 47 tag, for `Intl` (numbers, money, dates): "pt-BR", "zh-CN". */
export function intlLocale(tag: Locale = locale): string {
  return tag.replace('_', '-');
}

/** The supported language closest to a browser's ("pt-PT" → pt_BR, "zh-TW" → zh_CN, "de" → en). */
export function bestLocale(tag: string): Locale {
  const [language, region] = tag.replace('_', '-').split('-');
  const exact = LOCALES.find((l) => l.toLowerCase() === `${language}_${region ?? ''}`.toLowerCase());
  if (exact) return exact;
  return LOCALES.find((l) => l.split('_')[0] === language?.toLowerCase()) ?? DEFAULT_LOCALE;
}

/** A message with its `{placeholders}` filled in. A missing message shows its name (a bug to see, not hide). */
export function t(key: MessageKey, values?: Values): string {
  return fill(lookup(key) ?? key, values);
}

/** A counted message in the form the language needs for `count`; `{count}` is written in the language's digits. */
export function tp(key: PluralKey, count: number, values?: Values): string {
  plurals ??= new Intl.PluralRules(intlLocale());
  const form = plurals.select(count);
  const text = lookup(`${key}_${form}`) ?? lookup(`${key}_other`) ?? key;
  return fill(text, { count: formatNumber(count), ...values });
}

const formatters = new Map<string, Intl.NumberFormat>();

/** A number as the language writes it ("1,234", "1 234", "1.234"); formatters made once per language and options. */
export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  const key = options ? `${locale}|${JSON.stringify(options)}` : locale;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.NumberFormat(intlLocale(), options);
    formatters.set(key, formatter);
  }
  return formatter.format(value);
}

/** `{name}` → its value; text without braces is returned as it is (the common case). */
function fill(text: string, values?: Values): string {
  if (!values || !text.includes('{')) return text;
  let out = '';
  let at = 0;
  for (let open = text.indexOf('{'); open !== -1; open = text.indexOf('{', at)) {
    const close = text.indexOf('}', open);
    if (close === -1) break;
    const name = text.slice(open + 1, close);
    out += text.slice(at, open);
    out += Object.hasOwn(values, name) ? String(values[name]) : text.slice(open, close + 1);
    at = close + 1;
  }
  return out + text.slice(at);
}
