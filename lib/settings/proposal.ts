import { t } from '../i18n';
import { SETTING_FIELDS, SETTING_KEYS, type SettingKey, type Settings } from './fields';

/**
 * Settings that arrive in storage.sync without having been saved on this computer's settings
 * page: from another device through the browser's sync — or written by something else (in
 * Firefox a content script can write storage.sync). Each field is checked with its rule; a field
 * that steers where the key goes or what a link carries (`guarded`) is only a proposal the
 * settings page shows until the publisher applies it; the others (badge corner, warnings…) follow
 * the other device at once. Invalid fields are ignored.
 */
export interface SettingChange {
  key: SettingKey;
  label: string;
  from: string;
  to: string;
}

export interface SyncedSettings {
  /** Fields to take at once (not guarded, valid, different). */
  apply: Partial<Settings>;
  /** Guarded fields that differ: shown on the settings page, used only once applied there. */
  proposed: SettingChange[];
  /** The settings in force with the proposal applied, for "Apply". */
  withProposal: Settings;
  /** Fields whose synced value is not valid (ignored). */
  invalid: SettingKey[];
}

export function readSyncedSettings(current: Settings, synced: unknown): SyncedSettings {
  const source = synced && typeof synced === 'object' ? (synced as Record<string, unknown>) : {};
  const apply: Partial<Settings> = {};
  const proposed: SettingChange[] = [];
  const withProposal: Record<string, unknown> = { ...current };
  const invalid: SettingKey[] = [];
  for (const key of SETTING_KEYS) {
    if (!(key in source)) continue;
    const field = SETTING_FIELDS[key];
    const parsed = field.check.safeParse(source[key]);
    if (!parsed.success) {
      invalid.push(key);
      continue;
    }
    if (parsed.data === current[key]) continue;
    if (field.guarded) {
      proposed.push({ key, label: field.label, from: shown(current[key]), to: shown(parsed.data) });
      withProposal[key] = parsed.data;
    } else {
      (apply as Record<string, unknown>)[key] = parsed.data;
    }
  }
  return { apply, proposed, withProposal: { ...(withProposal as Settings), ...apply }, invalid };
}

function shown(value: unknown): string {
  return value === '' ? t('settingEmptyValue') : String(value);
}
