import { z } from 'zod';
import { BADGE_CORNERS, MAX_REFRESH_MINUTES, MIN_REFRESH_MINUTES, type Settings } from './defaults';
import { feedUrlProblem } from './feed-url';

const PARAM_NAME = /^[A-Za-z0-9_.\-[\]]{1,64}$/;

/** Feed URL template: see feed-url.ts for the rules. */
const FeedUrlTemplate = z
  .string()
  .trim()
  .max(2048)
  .superRefine((value, ctx) => {
    const problem = feedUrlProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Each setting's rule, checked as the publisher types and every time a setting is read. */
const fields = {
  feedUrl: FeedUrlTemplate,
  refreshMinutes: z
    .number({ message: 'Enter a number of minutes' })
    .int('Whole minutes only')
    .min(MIN_REFRESH_MINUTES, `At least ${MIN_REFRESH_MINUTES} minutes`)
    .max(MAX_REFRESH_MINUTES, `At most ${MAX_REFRESH_MINUTES} minutes`),
  clickId: z.string().trim().max(200, 'At most 200 characters'),
  clickIdParam: z.string().trim().regex(PARAM_NAME, 'Letters, digits, _ . - only'),
  subId: z.string().trim().max(200, 'At most 200 characters'),
  subIdParam: z.string().trim().regex(PARAM_NAME, 'Letters, digits, _ . - only'),
  country: z
    .string()
    .trim()
    .transform((value) => value.toUpperCase())
    .refine((value) => value === '' || /^[A-Z]{2}$/.test(value), { message: 'Two letters, e.g. US' }),
  badgesEnabled: z.boolean(),
  badgeCorner: z.enum(BADGE_CORNERS),
  alertPayoutDrop: z.number({ message: 'Enter a percentage' }).min(0, 'At least 0 %').max(100, 'At most 100 %'),
  watchedCountries: z
    .string()
    .trim()
    .max(300)
    .transform((value) => value.toUpperCase())
    .refine((value) => value === '' || /^[A-Z]{2}([\s,]+[A-Z]{2})*$/.test(value), {
      message: 'Two-letter codes, e.g. US, GB',
    }),
} satisfies { [K in keyof Settings]: z.ZodType<Settings[K], unknown> };

export const SettingsSchema = z.object(fields);

export const ApiKeySchema = z
  .string()
  .trim()
  .max(512, 'That is too long for an API key')
  .refine((value) => !/\s/.test(value), { message: 'An API key has no spaces' });

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
