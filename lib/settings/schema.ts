import { z } from 'zod/mini';
import { t } from '../i18n';
import { SETTING_FIELDS, SETTING_KEYS, type SettingKey, type Settings } from './fields';

/** Each setting's check from the table (fields.ts), as one object schema for messages. */
export const SettingsSchema = z.object(
  Object.fromEntries(SETTING_KEYS.map((key) => [key, SETTING_FIELDS[key].check])) as {
    [K in SettingKey]: z.ZodMiniType<Settings[K], unknown>;
  },
);

export const ApiKeySchema = z.string().check(
  z.trim(),
  z.maxLength(512, { error: () => t('settingProblemKeyTooLong') }),
  z.refine((value) => !/\s/.test(value), { error: () => t('settingProblemKeySpaces') }),
);

/** Field → first problem, for inline messages as the publisher types. */
export function settingsProblems(input: unknown): Partial<Record<SettingKey, string>> {
  const parsed = SettingsSchema.safeParse(input);
  if (parsed.success) return {};
  const problems: Partial<Record<SettingKey, string>> = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as SettingKey;
    problems[field] ??= issue.message;
  }
  return problems;
}

/**
 * Settings as stored, made safe to act on: each field is checked with its rule, and a field that
 * is missing or invalid (an older version, or a write that did not come from the settings page)
 * is replaced by its default — never acted on. `repaired` names the fields that were replaced.
 */
export function readSettings(stored: unknown, defaults: Settings): { settings: Settings; repaired: SettingKey[] } {
  const source = stored && typeof stored === 'object' ? (stored as Record<string, unknown>) : {};
  const settings = { ...defaults } as Record<SettingKey, unknown>;
  const repaired: SettingKey[] = [];
  for (const key of SETTING_KEYS) {
    const parsed = SETTING_FIELDS[key].check.safeParse(source[key]);
    if (parsed.success) settings[key] = parsed.data;
    else if (key in source) repaired.push(key);
  }
  return { settings: settings as Settings, repaired };
}
