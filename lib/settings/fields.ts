import { z } from 'zod/mini';
import { BUNDLED_RATES, DISPLAY_CURRENCIES, isCurrencyCode } from '../currency';
import { formatInteger } from '../format';
import { LOCALE_NAMES, LOCALES, type MessageKey, t, tp } from '../i18n';
import type { RefreshOutcome } from '../refresh';
import { DEFAULT_CLICK_ID_PARAM, DEFAULT_SUB_ID_PARAM } from '../tracking-link';
import { feedUrlProblem } from './feed-url';
import { TRACKER_CHOICES, TRACKERS, type TrackerChoice } from './trackers';

/**
 * Every setting, declared once: its label, hint, how it is typed, its default and its check.
 * The `Settings` type, the defaults, the labels (the settings page, the "settings were reset"
 * notice), the settings page's fields and its draft type all come from this table, so a new
 * setting is one entry here (docs/architecture.md, "Adding a setting").
 *
 * zod/mini (the same checks as zod, as functions): every extension page reads settings, and its
 * smaller size starts faster.
 */

export const BADGE_CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export type BadgeCorner = (typeof BADGE_CORNERS)[number];

/** The floor no stored value can go under: automatic refreshes never run more often. */
export const MIN_REFRESH_MINUTES = 5;
export const MAX_REFRESH_MINUTES = 240;

const PARAM_NAME = /^[A-Za-z0-9_.\-[\]]{1,64}$/;

/**
 * Every word of this table is looked up when it is read (`field`, `choice`, `problem`), never
 * when the module loads: imports run before an entrypoint installs its catalogue.
 */
const problem = (key: MessageKey) => ({ error: () => t(key) });
const choice = (value: string, key: MessageKey) => ({
  value,
  get label() {
    return t(key);
  },
});

/** A trimmed string of at most `max` characters; `error` says so (zod's own words when none). */
const trimmed = (max: number, error?: () => string) => z.string().check(z.trim(), z.maxLength(max, error && { error }));
const atMostCharacters = (max: number) => () => tp('settingProblemAtMostCharacters', max);

/** Two-letter country codes, upper-cased; `pattern` allows several separated by commas or spaces. */
const countryCodes = (max: number, pattern: RegExp, message: MessageKey) =>
  trimmed(max).check(
    z.toUpperCase(),
    z.refine((value) => value === '' || pattern.test(value), problem(message)),
  );

/** Where a field sits on the settings page. */
export type SettingSection = 'general' | 'links' | 'store-pages' | 'watchlist' | 'currency' | 'advanced';

/** How a setting is typed on the settings page. */
export type SettingInput =
  | { kind: 'text'; placeholder?: string; maxLength?: number; spellcheck?: false }
  | { kind: 'url' }
  | { kind: 'number'; min: number; max: number; inputMode: 'numeric' | 'decimal' }
  | { kind: 'checkbox' }
  | { kind: 'select'; options: readonly { value: string; label: string }[] };

export interface SettingField<T> {
  label: string;
  hint?: string;
  input: SettingInput;
  section: SettingSection;
  check: z.ZodMiniType<T, unknown>;
  /** The value before the publisher sets one; `buildFeedUrl` is the build's WXT_FEED_URL. */
  initial: (buildFeedUrl: string) => T;
  /**
   * Changes where the key goes or what a tracking link carries: takes effect only when saved on
   * the settings page; a value arriving any other way is a proposal (docs/architecture.md,
   * "Trust boundary").
   */
  guarded?: true;
}

/** A field as declared below: its words by message key (a function for words with values), looked up when read. */
type FieldSpec<T> = Omit<SettingField<T>, 'label' | 'hint'> & { label: MessageKey; hint?: MessageKey | (() => string) };

const field = <T>({ label, hint, ...spec }: FieldSpec<T>): SettingField<T> => {
  const words: PropertyDescriptorMap = { label: { enumerable: true, get: () => t(label) } };
  if (hint) words.hint = { enumerable: true, get: typeof hint === 'function' ? hint : () => t(hint) };
  return Object.defineProperties(spec, words) as SettingField<T>;
};

export const SETTING_FIELDS = {
  language: field<string>({
    label: 'settingLanguage',
    hint: 'settingLanguageHint',
    input: {
      kind: 'select',
      options: [choice('auto', 'settingLanguageAuto'), ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] }))],
    },
    section: 'general',
    check: z.enum(['auto', ...LOCALES]),
    initial: () => 'auto',
  }),
  tracker: field<TrackerChoice>({
    label: 'settingTracker',
    hint: 'settingTrackerHint',
    input: {
      kind: 'select',
      options: [
        choice('', 'settingTrackerNotChosen'),
        ...TRACKERS.map((tracker) => ({ value: tracker.id, label: `${tracker.name} (${tracker.clickId})` })),
        choice('custom', 'settingTrackerOther'),
      ],
    },
    section: 'links',
    check: z.enum(TRACKER_CHOICES),
    initial: () => '',
  }),
  clickId: field({
    label: 'settingClickId',
    hint: 'settingClickIdHint',
    input: { kind: 'text', spellcheck: false },
    section: 'links',
    check: trimmed(200, atMostCharacters(200)),
    initial: () => '[CLICK_ID]',
    guarded: true,
  }),
  clickIdParam: field({
    label: 'settingClickIdParam',
    input: { kind: 'text', spellcheck: false },
    section: 'links',
    check: z.string().check(z.trim(), z.regex(PARAM_NAME, problem('settingProblemParamName'))),
    initial: () => DEFAULT_CLICK_ID_PARAM,
    guarded: true,
  }),
  subId: field({
    label: 'settingSubId',
    hint: 'settingSubIdHint',
    input: { kind: 'text', spellcheck: false },
    section: 'links',
    check: trimmed(200, atMostCharacters(200)),
    initial: () => '',
    guarded: true,
  }),
  subIdParam: field({
    label: 'settingSubIdParam',
    input: { kind: 'text', spellcheck: false },
    section: 'links',
    check: z.string().check(z.trim(), z.regex(PARAM_NAME, problem('settingProblemParamName'))),
    initial: () => DEFAULT_SUB_ID_PARAM,
    guarded: true,
  }),
  country: field({
    label: 'settingCountry',
    hint: 'settingCountryHint',
    input: { kind: 'text', maxLength: 2 },
    section: 'links',
    check: countryCodes(200, /^[A-Z]{2}$/, 'settingProblemCountry'),
    initial: () => '',
  }),
  badgesEnabled: field({
    label: 'settingBadgesEnabled',
    input: { kind: 'checkbox' },
    section: 'store-pages',
    check: z.boolean(),
    initial: () => true,
  }),
  badgeCorner: field<BadgeCorner>({
    label: 'settingBadgeCorner',
    input: {
      kind: 'select',
      options: [
        choice('bottom-right', 'settingBadgeCornerBottomRight'),
        choice('bottom-left', 'settingBadgeCornerBottomLeft'),
        choice('top-right', 'settingBadgeCornerTopRight'),
        choice('top-left', 'settingBadgeCornerTopLeft'),
      ],
    },
    section: 'store-pages',
    check: z.enum(BADGE_CORNERS),
    initial: () => 'bottom-right',
  }),
  alertPayoutDrop: field({
    label: 'settingAlertPayoutDrop',
    hint: 'settingAlertPayoutDropHint',
    input: { kind: 'number', min: 0, max: 100, inputMode: 'decimal' },
    section: 'watchlist',
    check: z
      .number(problem('settingProblemPercentage'))
      .check(
        z.gte(0, { error: () => t('settingProblemPercentAtLeast', { min: formatInteger(0) }) }),
        z.lte(100, { error: () => t('settingProblemPercentAtMost', { max: formatInteger(100) }) }),
      ),
    initial: () => 0,
  }),
  watchedCountries: field({
    label: 'settingWatchedCountries',
    hint: 'settingWatchedCountriesHint',
    input: {
      kind: 'text',
      get placeholder() {
        return t('settingWatchedCountriesPlaceholder');
      },
    },
    section: 'watchlist',
    check: countryCodes(300, /^[A-Z]{2}([\s,]+[A-Z]{2})*$/, 'settingProblemCountries'),
    initial: () => '',
  }),
  displayCurrency: field({
    label: 'settingDisplayCurrency',
    hint: 'settingDisplayCurrencyHint',
    input: {
      kind: 'select',
      options: DISPLAY_CURRENCIES.map((code) => ({ value: code, label: code })),
    },
    section: 'currency',
    check: z.string().check(z.refine((value) => isCurrencyCode(value), problem('settingProblemCurrency'))),
    initial: () => 'USD',
  }),
  refreshRates: field({
    label: 'settingRefreshRates',
    hint: () => t('settingRefreshRatesHint', { date: BUNDLED_RATES.date }),
    input: { kind: 'checkbox' },
    section: 'currency',
    check: z.boolean(),
    initial: () => false,
  }),
  feedUrl: field({
    label: 'settingFeedUrl',
    hint: 'settingFeedUrlHint',
    input: { kind: 'url' },
    section: 'advanced',
    // See feed-url.ts for the rules.
    check: trimmed(2048).check(
      z.refine((value) => feedUrlProblem(value) === null, {
        error: (issue) => feedUrlProblem(issue.input as string) ?? undefined,
      }),
    ),
    initial: (buildFeedUrl) => buildFeedUrl,
    guarded: true,
  }),
  refreshMinutes: field({
    label: 'settingRefreshMinutes',
    hint: () => `${formatInteger(MIN_REFRESH_MINUTES)}–${formatInteger(MAX_REFRESH_MINUTES)}`,
    input: { kind: 'number', min: MIN_REFRESH_MINUTES, max: MAX_REFRESH_MINUTES, inputMode: 'numeric' },
    section: 'advanced',
    check: z
      .number(problem('settingProblemMinutes'))
      .check(
        z.refine(Number.isInteger, { ...problem('settingProblemWholeMinutes'), abort: true }),
        z.gte(MIN_REFRESH_MINUTES, { error: () => tp('settingProblemAtLeastMinutes', MIN_REFRESH_MINUTES) }),
        z.lte(MAX_REFRESH_MINUTES, { error: () => tp('settingProblemAtMostMinutes', MAX_REFRESH_MINUTES) }),
      ),
    initial: () => 30,
  }),
};

type Fields = typeof SETTING_FIELDS;
export type SettingKey = keyof Fields;

/** The settings, as the table's checks make them. */
export type Settings = { [K in SettingKey]: Fields[K] extends SettingField<infer T> ? T : never };

/** Settings as typed on the settings page: numbers as the text in their boxes. */
export type Draft = { [K in SettingKey]: Settings[K] extends number ? string : Settings[K] };

export const SETTING_KEYS = Object.keys(SETTING_FIELDS) as SettingKey[];

/** The fields that steer where the key goes or what a link carries (see `guarded`). */
export const GUARDED_SETTINGS = SETTING_KEYS.filter((key) => SETTING_FIELDS[key].guarded);

/** Each setting's one label (read when shown, like the table's). */
export const SETTING_LABELS = {} as Readonly<Record<SettingKey, string>>;
for (const key of SETTING_KEYS) {
  Object.defineProperty(SETTING_LABELS, key, { enumerable: true, get: () => SETTING_FIELDS[key].label });
}

/** The build's feed URL (WXT_FEED_URL) is the default and the one origin approved from the start. */
export function defaultSettings(buildFeedUrl: string): Settings {
  return Object.fromEntries(SETTING_KEYS.map((key) => [key, SETTING_FIELDS[key].initial(buildFeedUrl)])) as Settings;
}

/** The settings page's text for each value. */
export function toDraft(settings: Settings): Draft {
  const draft: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const value = settings[key];
    draft[key] = SETTING_FIELDS[key].input.kind === 'number' ? String(value) : value;
  }
  return draft as Draft;
}

/** The values typed, as settings to check (an empty number box is not a number). */
export function fromDraft(draft: Draft): Settings {
  const settings: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const value = draft[key];
    settings[key] =
      SETTING_FIELDS[key].input.kind === 'number' ? (String(value).trim() === '' ? Number.NaN : Number(value)) : value;
  }
  return settings as Settings;
}

/**
 * What "Save and test" answers; `field` names the setting an error is about, when one is;
 * `confirmOrigin` the server the publisher is asked to approve by name ('confirm-origin').
 */
export type SaveOutcome = RefreshOutcome & { field?: SettingKey | 'apiKey'; confirmOrigin?: string };

/** The field of the settings page an error belongs beside. */
export function fieldOfError(code: string): SettingKey | 'apiKey' | null {
  if (code === 'auth' || code === 'no-key' || code === 'api-refused') return 'apiKey';
  if (
    ['not-found', 'no-feed-url', 'redirected', 'unapproved-origin', 'confirm-origin', 'not-json', 'malformed'].includes(
      code,
    )
  ) {
    return 'feedUrl';
  }
  return null;
}
