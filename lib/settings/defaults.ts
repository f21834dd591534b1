/** The settings' types, defaults and labels, all derived from the one table in fields.ts. */
export {
  BADGE_CORNERS,
  type BadgeCorner,
  type Draft,
  defaultSettings,
  MAX_REFRESH_MINUTES,
  MIN_REFRESH_MINUTES,
  type SaveOutcome,
  SETTING_LABELS,
  type SettingKey,
  type Settings,
} from './fields';
