import { DEFAULT_CLICK_ID_PARAM, DEFAULT_SUB_ID_PARAM } from '../tracking-link';

/** Kept apart from the zod schema (schema.ts), so pages can know the defaults without zod. */
export const BADGE_CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export type BadgeCorner = (typeof BADGE_CORNERS)[number];

/** The floor no stored value can go under: automatic refreshes never run more often. */
export const MIN_REFRESH_MINUTES = 5;
export const MAX_REFRESH_MINUTES = 240;

export interface Settings {
  /** Feed URL template with {apiKey}. */
  feedUrl: string;
  refreshMinutes: number;
  clickId: string;
  clickIdParam: string;
  subId: string;
  subIdParam: string;
  /** The country the publisher buys traffic in ('' = not set). */
  country: string;
  badgesEnabled: boolean;
  badgeCorner: BadgeCorner;
  /** Warn about a watched offer's payout drop of at least this many percent (0 = any drop). */
  alertPayoutDrop: number;
  /** Countries whose removal from a watched offer is worth a warning ('' = any country). */
  watchedCountries: string;
}

/** Each setting's name as the settings page labels it. */
export const SETTING_LABELS: Record<keyof Settings, string> = {
  feedUrl: 'Feed URL',
  refreshMinutes: 'Refresh every',
  clickId: 'Click ID',
  clickIdParam: 'Click ID parameter',
  subId: 'Sub ID',
  subIdParam: 'Sub ID parameter',
  country: 'Country',
  badgesEnabled: 'Show badges',
  badgeCorner: 'Badge corner',
  alertPayoutDrop: 'Payout drop to warn about',
  watchedCountries: 'Countries to watch',
};

/** The build's feed URL (WXT_FEED_URL) is the default and the one origin approved from the start. */
export function defaultSettings(feedUrl: string): Settings {
  return {
    feedUrl,
    refreshMinutes: 30,
    clickId: '[CLICK_ID]',
    clickIdParam: DEFAULT_CLICK_ID_PARAM,
    subId: '',
    subIdParam: DEFAULT_SUB_ID_PARAM,
    country: '',
    badgesEnabled: true,
    badgeCorner: 'bottom-right',
    alertPayoutDrop: 0,
    watchedCountries: '',
  };
}
