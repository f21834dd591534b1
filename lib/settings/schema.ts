import { z } from 'zod/mini';
import { BADGE_CORNERS, MAX_REFRESH_MINUTES, MIN_REFRESH_MINUTES, type Settings } from './defaults';
import { feedUrlProblem } from './feed-url';

// zod/mini (the same checks as zod, as functions): these schemas are in every extension page,
// where its smaller size is faster to start.
const PARAM_NAME = /^[A-Za-z0-9_.\-[\]]{1,64}$/;
const PARAM_RULE = 'Letters, digits, _ . - only';

/** A trimmed string of at most `max` characters. */
const trimmed = (max: number, message?: string) => z.string().check(z.trim(), z.maxLength(max, message));

/** Feed URL template: see feed-url.ts for the rules. */
const FeedUrlTemplate = trimmed(2048).check(
  z.refine((value) => feedUrlProblem(value) === null, {
    error: (issue) => feedUrlProblem(issue.input as string) ?? undefined,
  }),
);

/** Two-letter country codes, upper-cased; `list` allows several separated by commas or spaces. */
const countryCodes = (max: number, pattern: RegExp, message: string) =>
  trimmed(max).check(
    z.toUpperCase(),
    z.refine((value) => value === '' || pattern.test(value), { error: message }),
  );

/** Each setting's rule, checked as the publisher types and every time a setting is read. */
const fields = {
  feedUrl: FeedUrlTemplate,
  refreshMinutes: z
    .number({ error: 'Enter a number of minutes' })
    .check(
      z.refine(Number.isInteger, { error: 'Whole minutes only', abort: true }),
      z.gte(MIN_REFRESH_MINUTES, `At least ${MIN_REFRESH_MINUTES} minutes`),
      z.lte(MAX_REFRESH_MINUTES, `At most ${MAX_REFRESH_MINUTES} minutes`),
    ),
  clickId: trimmed(200, 'At most 200 characters'),
  clickIdParam: z.string().check(z.trim(), z.regex(PARAM_NAME, PARAM_RULE)),
  subId: trimmed(200, 'At most 200 characters'),
  subIdParam: z.string().check(z.trim(), z.regex(PARAM_NAME, PARAM_RULE)),
  country: countryCodes(200, /^[A-Z]{2}$/, 'Two letters, e.g. US'),
  badgesEnabled: z.boolean(),
  badgeCorner: z.enum(BADGE_CORNERS),
  alertPayoutDrop: z
    .number({ error: 'Enter a percentage' })
    .check(z.gte(0, 'At least 0 %'), z.lte(100, 'At most 100 %')),
  watchedCountries: countryCodes(300, /^[A-Z]{2}([\s,]+[A-Z]{2})*$/, 'Two-letter codes, e.g. US, GB'),
} satisfies { [K in keyof Settings]: z.ZodMiniType<Settings[K], unknown> };

export const SettingsSchema = z.object(fields);

export const ApiKeySchema = z.string().check(
  z.trim(),
  z.maxLength(512, 'That is too long for an API key'),
  z.refine((value) => !/\s/.test(value), { error: 'An API key has no spaces' }),
);

/** Field → first problem, for inline messages as the publisher types. */
export function settingsProblems(input: unknown): Partial<Record<keyof Settings, string>> {
  const parsed = SettingsSchema.safeParse(input);
  if (parsed.success) return {};
  const problems: Partial<Record<keyof Settings, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof Settings;
    problems[field] ??= issue.message;
  }
  return problems;
}

/**
 * Settings as stored, made safe to act on: each field is checked with its rule, and a field that
 * is missing or invalid (an older version, or a write that did not come from the settings page)
 * is replaced by its default — never acted on. `repaired` names the fields that were replaced.
 */
export function readSettings(
  stored: unknown,
  defaults: Settings,
): { settings: Settings; repaired: (keyof Settings)[] } {
  const source = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const settings = { ...defaults } as Record<keyof Settings, unknown>;
  const repaired: (keyof Settings)[] = [];
  for (const key of Object.keys(fields) as (keyof Settings)[]) {
    const parsed = fields[key].safeParse(source[key]);
    if (parsed.success) settings[key] = parsed.data;
    else if (key in source) repaired.push(key);
  }
  return { settings: settings as Settings, repaired };
}
