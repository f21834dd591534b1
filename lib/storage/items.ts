import { storage } from 'wxt/utils/storage';
import { z } from 'zod';
import { EMPTY_WATCHLIST, WATCHLIST_MAX_APPS, WATCHLIST_MAX_OFFERS, type Watchlist } from '../changes/watch';
import { EMPTY_STATUS, type RefreshStatus } from '../refresh/status';
import { DEFAULT_SEARCH_STATE } from '../search/query';
import { SearchStateSchema } from '../search/schema';
import { defaultSettings, type Settings } from '../settings/defaults';
import { readSettings } from '../settings/schema';
import type { SnapshotSummary } from '../snapshot';

/**
 * Every item kept in the browser's extension storage, in one place. These areas are reachable
 * from content scripts in Firefox (and in Chrome until the background restricts them), so:
 * no secret lives here (the key and the offers are in IndexedDB, see database.ts), and every
 * value is checked on read — a value that fails its check is replaced by its default, never
 * acted on. Shape changes need no migration: a missing or older field reads as its default.
 */

export interface StoredItem<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  /** Calls back with every new (checked) value; returns the unwatch function. */
  watch(callback: (value: T) => void): () => void;
}

type StorageKey = `local:${string}` | `sync:${string}` | `session:${string}`;

function checkedItem<T>(key: StorageKey, read: (raw: unknown) => T): StoredItem<T> {
  return {
    async getValue() {
      return read(await storage.getItem(key));
    },
    setValue: (value) => storage.setItem(key, value),
    watch: (callback) => storage.watch(key, (raw) => callback(read(raw))),
  };
}

/** A reader from a zod schema: an invalid value reads as the fallback (and is reported once). */
function withSchema<T>(name: string, schema: z.ZodType<T>, fallback: T): (raw: unknown) => T {
  return (raw) => {
    if (raw === null || raw === undefined) return fallback;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    console.warn(`Offer Lens: the stored ${name} was not valid and was replaced by its default`);
    return fallback;
  };
}

const nullableNumber = z.number().finite().nullable();

const StatusSchema: z.ZodType<RefreshStatus> = z.object({
  lastAttemptAt: nullableNumber,
  lastSuccessAt: nullableNumber,
  nextAttemptAt: nullableNumber,
  failures: z.number().int().nonnegative(),
  refreshing: z.boolean(),
  error: z
    .object({ code: z.string(), httpStatus: z.number().nullable(), message: z.string().max(400) })
    .nullable() as z.ZodType<RefreshStatus['error']>,
  notice: z.string().max(400).nullable().default(null),
});

const SummarySchema: z.ZodType<SnapshotSummary> = z.object({
  fetchedAt: z.number().finite(),
  source: z.enum(['feed', 'demo']),
  offerCount: z.number().int().nonnegative(),
  rejectedCount: z.number().int().nonnegative(),
});

const DEFAULT_SETTINGS = defaultSettings(import.meta.env.WXT_FEED_URL ?? '');

/** Settings follow the publisher's browser profile; read through `readSettings` field by field. */
export const settingsItem = checkedItem<Settings>(
  'sync:settings',
  (raw) => readSettings(raw, DEFAULT_SETTINGS).settings,
);

/** The settings with the fields that had to be replaced, for the background to report. */
export async function loadSettings(): Promise<ReturnType<typeof readSettings>> {
  return readSettings(await storage.getItem('sync:settings'), DEFAULT_SETTINGS);
}

export { DEFAULT_SETTINGS };

/** The refresh status for display (the background's own copy is in IndexedDB). */
export const statusItem = checkedItem('local:status', withSchema('status', StatusSchema, EMPTY_STATUS));

/** Counts and dates of the current snapshot, for first paint. */
export const summaryItem = checkedItem<SnapshotSummary | null>(
  'local:summary',
  withSchema('summary', SummarySchema.nullable(), null),
);

/** The popup's last search, so it reopens where the publisher left it. */
export const searchStateItem = checkedItem(
  'local:searchState',
  withSchema('search', SearchStateSchema, DEFAULT_SEARCH_STATE),
);

/** Store key → signature of that app's offers when its badge was dismissed (see store-page/). */
export const dismissedItem = checkedItem<Record<string, string>>(
  'local:dismissedBadges',
  withSchema('dismissals', z.record(z.string().max(200), z.string().max(20_000)), {}),
);

const WatchlistSchema: z.ZodType<Watchlist> = z.object({
  offers: z.array(z.string().max(200)).max(WATCHLIST_MAX_OFFERS),
  apps: z.array(z.string().max(300)).max(WATCHLIST_MAX_APPS),
});

/** What the publisher watches; follows the browser profile (sync: 8 KB an item, so it is capped). */
export const watchlistItem = checkedItem('sync:watchlist', withSchema('watchlist', WatchlistSchema, EMPTY_WATCHLIST));

/** An offer the popup should open on (a badge's "Open in popup"). Session only. */
export const popupFocusItem = checkedItem<string | null>(
  'session:popupFocus',
  withSchema('popup focus', z.string().max(200).nullable(), null),
);
