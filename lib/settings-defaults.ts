import type { Settings } from './settings';
import { DEFAULT_CLICK_ID_PARAM, DEFAULT_SUB_ID_PARAM } from './tracking-link';

// Kept apart from the zod schemas in settings.ts, so the popup and content script can read
// settings without bundling zod.
export const BADGE_CORNERS = ['bottom-right', 'bottom-left', 'top-right', 'top-left'] as const;
export const MIN_REFRESH_MINUTES = 5;
export const MAX_REFRESH_MINUTES = 240;

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
  };
}
