import { z } from 'zod';
import { BADGE_CORNERS, MAX_REFRESH_MINUTES, MIN_REFRESH_MINUTES } from './settings-defaults';

export { BADGE_CORNERS, defaultSettings, MAX_REFRESH_MINUTES, MIN_REFRESH_MINUTES } from './settings-defaults';

const PARAM_NAME = /^[A-Za-z0-9_.\-[\]]{1,64}$/;

/** Feed URL template: absolute http(s) URL; `{apiKey}` marks where the key goes. */
export const FeedUrlTemplate = z
  .string()
  .trim()
  .max(2048)
  .refine((value) => value === '' || isHttpUrl(value.replaceAll('{apiKey}', 'key')), {
    message: 'Enter a full http:// or https:// address',
  })
  .refine((value) => value === '' || value.includes('{apiKey}'), {
    message: 'Put {apiKey} where the key goes, e.g. …/offers?apikey={apiKey}',
  });

export const SettingsSchema = z.object({
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
});

export type Settings = z.infer<typeof SettingsSchema>;
export type BadgeCorner = Settings['badgeCorner'];

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

/** The feed URL with the key in it. The key is URL-encoded so it cannot change the URL's shape. */
export function feedUrlFor(template: string, apiKey: string): string {
  return template.replaceAll('{apiKey}', encodeURIComponent(apiKey));
}

/** Text with every trace of the key replaced, for logs and errors. */
export function redactKey(text: string, apiKey: string): string {
  if (!apiKey) return text;
  return text.replaceAll(apiKey, '•••').replaceAll(encodeURIComponent(apiKey), '•••');
}

/** "••••••3f9a": enough to recognise a key, not enough to use it. */
export function maskApiKey(apiKey: string): string {
  if (!apiKey) return '';
  const tail = apiKey.length > 8 ? apiKey.slice(-4) : '';
  return `${'•'.repeat(8)}${tail}`;
}

function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}
