import { z } from 'zod/mini';
import { BUNDLED_RATES, DISPLAY_CURRENCIES, isCurrencyCode } from '../currency';
import { LOCALE_NAMES, LOCALES } from '../i18n';
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
const PARAM_RULE = 'Letters, digits, _ . - only';

/** A trimmed string of at most `max` characters. */
const trimmed = (max: number, message?: string) => z.string().check(z.trim(), z.maxLength(max, message));

/** Two-letter country codes, upper-cased; `pattern` allows several separated by commas or spaces. */
const countryCodes = (max: number, pattern: RegExp, message: string) =>
  trimmed(max).check(
    z.toUpperCase(),
    z.refine((value) => value === '' || pattern.test(value), { error: message }),
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

const field = <T>(spec: SettingField<T>) => spec;

export const SETTING_FIELDS = {
  language: field<string>({
    label: 'Language',
    hint: "Offer Lens speaks your browser's language unless you choose another here",
    input: {
      kind: 'select',
      options: [
        { value: 'auto', label: "The browser's language" },
        ...LOCALES.map((l) => ({ value: l, label: LOCALE_NAMES[l] })),
      ],
    },
    section: 'general',
    check: z.enum(['auto', ...LOCALES]),
    initial: () => 'auto',
  }),
  tracker: field<TrackerChoice>({
    label: 'Your tracker',
    hint: 'Its click-ID macro goes into every tracking link, so conversions can be attributed',
    input: {
      kind: 'select',
      options: [
        { value: '', label: 'Not chosen yet' },
        ...TRACKERS.map((t) => ({ value: t.id, label: `${t.name} (${t.clickId})` })),
        { value: 'custom', label: 'Another tracker, or none' },
      ],
    },
    section: 'links',
    check: z.enum(TRACKER_CHOICES),
    initial: () => '',
  }),
  clickId: field({
    label: 'Click ID',
    hint: "A value, or your tracker's macro such as {clickid}",
    input: { kind: 'text', spellcheck: false },
    section: 'links',
    check: trimmed(200, 'At most 200 characters'),
    initial: () => '[CLICK_ID]',
    guarded: true,
  }),
  clickIdParam: field({
    label: 'Click ID parameter',
    input: { kind: 'text', spellcheck: false },
    section: 'links',
    check: z.string().check(z.trim(), z.regex(PARAM_NAME, PARAM_RULE)),
    initial: () => DEFAULT_CLICK_ID_PARAM,
    guarded: true,
  }),
  subId: field({
    label: 'Sub ID',
    hint: 'Optional',
    input: { kind: 'text', spellcheck: false },
    section: 'links',
    check: trimmed(200, 'At most 200 characters'),
    initial: () => '',
    guarded: true,
  }),
  subIdParam: field({
    label: 'Sub ID parameter',
    input: { kind: 'text', spellcheck: false },
    section: 'links',
    check: z.string().check(z.trim(), z.regex(PARAM_NAME, PARAM_RULE)),
    initial: () => DEFAULT_SUB_ID_PARAM,
    guarded: true,
  }),
  country: field({
    label: 'Country you buy traffic in',
    hint: 'Used when a store page names none, e.g. US',
    input: { kind: 'text', maxLength: 2 },
    section: 'links',
    check: countryCodes(200, /^[A-Z]{2}$/, 'Two letters, e.g. US'),
    initial: () => '',
  }),
  badgesEnabled: field({
    label: 'Show a badge on Google Play and App Store pages of apps with an offer',
    input: { kind: 'checkbox' },
    section: 'store-pages',
    check: z.boolean(),
    initial: () => true,
  }),
  badgeCorner: field<BadgeCorner>({
    label: 'Badge corner',
    input: {
      kind: 'select',
      options: [
        { value: 'bottom-right', label: 'Bottom right' },
        { value: 'bottom-left', label: 'Bottom left' },
        { value: 'top-right', label: 'Top right' },
        { value: 'top-left', label: 'Top left' },
      ],
    },
    section: 'store-pages',
    check: z.enum(BADGE_CORNERS),
    initial: () => 'bottom-right',
  }),
  alertPayoutDrop: field({
    label: 'Warn about a payout drop of at least (%)',
    hint: '0 = any drop',
    input: { kind: 'number', min: 0, max: 100, inputMode: 'decimal' },
    section: 'watchlist',
    check: z.number({ error: 'Enter a percentage' }).check(z.gte(0, 'At least 0 %'), z.lte(100, 'At most 100 %')),
    initial: () => 0,
  }),
  watchedCountries: field({
    label: 'Countries to watch',
    hint: 'Warn when one is removed from a watched offer; empty = any',
    input: { kind: 'text', placeholder: 'e.g. US, GB' },
    section: 'watchlist',
    check: countryCodes(300, /^[A-Z]{2}([\s,]+[A-Z]{2})*$/, 'Two-letter codes, e.g. US, GB'),
    initial: () => '',
  }),
  displayCurrency: field({
    label: 'Show payouts also in',
    hint: 'Payouts in other currencies get the equivalent beside them; every payout order compares them in one currency.',
    input: {
      kind: 'select',
      options: DISPLAY_CURRENCIES.map((code) => ({ value: code, label: code })),
    },
    section: 'currency',
    check: z.string().check(z.refine((value) => isCurrencyCode(value), { error: 'Choose a currency' })),
    initial: () => 'USD',
  }),
  refreshRates: field({
    label: 'Update the exchange rates daily (from a free public rates service)',
    hint: `Off: Offer Lens uses the rates it ships with (${BUNDLED_RATES.date}).`,
    input: { kind: 'checkbox' },
    section: 'currency',
    check: z.boolean(),
    initial: () => false,
  }),
  feedUrl: field({
    label: 'Feed URL',
    hint: '{apiKey} is replaced by your key',
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
    label: 'Refresh every (minutes)',
    hint: `${MIN_REFRESH_MINUTES}–${MAX_REFRESH_MINUTES}`,
    input: { kind: 'number', min: MIN_REFRESH_MINUTES, max: MAX_REFRESH_MINUTES, inputMode: 'numeric' },
    section: 'advanced',
    check: z
      .number({ error: 'Enter a number of minutes' })
      .check(
        z.refine(Number.isInteger, { error: 'Whole minutes only', abort: true }),
        z.gte(MIN_REFRESH_MINUTES, `At least ${MIN_REFRESH_MINUTES} minutes`),
        z.lte(MAX_REFRESH_MINUTES, `At most ${MAX_REFRESH_MINUTES} minutes`),
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

/** Each setting's one label. */
export const SETTING_LABELS = Object.fromEntries(SETTING_KEYS.map((key) => [key, SETTING_FIELDS[key].label])) as Record<
  SettingKey,
  string
>;

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
