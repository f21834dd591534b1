import { storage } from 'wxt/utils/storage';
import type { Offer } from './feed';
import type { Settings } from './settings';
import { defaultSettings } from './settings-defaults';
import { EMPTY_STATUS, type RefreshStatus, type SnapshotSummary } from './snapshot';

/**
 * Every persisted item of the extension, in one place. Versioned, so that a later change of
 * shape is a migration rather than a wipe.
 */

/** Settings follow the publisher's browser profile; the API key never leaves this device. */
export const settingsItem = storage.defineItem<Settings>('sync:settings', {
  fallback: defaultSettings(import.meta.env.WXT_FEED_URL ?? ''),
  version: 1,
});

export const apiKeyItem = storage.defineItem<string>('local:apiKey', { fallback: '', version: 1 });

export const summaryItem = storage.defineItem<SnapshotSummary | null>('local:summary', {
  fallback: null,
  version: 1,
});

export const statusItem = storage.defineItem<RefreshStatus>('local:status', { fallback: EMPTY_STATUS, version: 1 });

export interface PopupState {
  query: string;
  platform: '' | 'android' | 'ios';
  geo: string;
  category: string;
  minPayout: string;
  sort: 'best' | 'payout' | 'name' | 'expiry';
}

export const DEFAULT_POPUP_STATE: PopupState = {
  query: '',
  platform: '',
  geo: '',
  category: '',
  minPayout: '',
  sort: 'best',
};

export const popupStateItem = storage.defineItem<PopupState>('local:popupState', {
  fallback: DEFAULT_POPUP_STATE,
  version: 1,
});

/** Store key → signature of that app's offers when the badge was dismissed. */
export const dismissedItem = storage.defineItem<Record<string, string>>('local:dismissedBadges', {
  fallback: {},
  version: 1,
});

/** An offer the popup should open on (from a badge's "Open in popup"). */
export const popupFocusItem = storage.defineItem<string | null>('session:popupFocus', { fallback: null });

/** The first results of the last search, so a popup reopened on a remembered query paints at once. */
export const lastResultsItem = storage.defineItem<{ key: string; total: number; offers: Offer[] } | null>(
  'local:lastResults',
  { fallback: null, version: 1 },
);
