import { browser } from 'wxt/browser';
import { z } from 'zod/mini';
import { EMPTY_WATCHLIST, WATCHLIST_MAX_APPS, WATCHLIST_MAX_OFFERS, type Watchlist } from '../changes/watch';
import type { Offer } from '../offer';
import { EMPTY_STATUS } from '../refresh/status';
import { DEFAULT_SEARCH_STATE, type SearchState } from '../search/query';
import { SearchStateSchema } from '../search/schema';
import { defaultSettings, type Settings } from '../settings/defaults';
import { readSettings } from '../settings/schema';
import type { SnapshotSummary } from '../snapshot';
import { offerKey } from '../sources';
import { database } from './database';
import { currentWorld } from './db';
import { StatusSchema } from './meta';

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
  /** Its last value as the pages saw it, for a page's first paint (PageMirror); none: the page waits. */
  mirror?: PageMirror<T>;
}

type StorageKey = `local:${string}` | `sync:${string}` | `session:${string}`;
type AreaName = 'local' | 'sync' | 'session';

/**
 * The browser's storage areas by "area:key", as WXT's storage names them, in the few calls these
 * items need: an unset key reads as null, null removes it, and a watcher hears real changes only.
 * (WXT's storage module does more — versions, metadata, migrations — that no item here uses, and
 * every page would load it first.)
 */
const storage = {
  async getItems(keys: StorageKey[]): Promise<{ key: StorageKey; value: unknown }[]> {
    const byArea = new Map<AreaName, string[]>();
    for (const key of keys) {
      const [area, name] = splitKey(key);
      byArea.set(area, [...(byArea.get(area) ?? []), name]);
    }
    const read = new Map<StorageKey, unknown>();
    await Promise.all(
      [...byArea].map(async ([area, names]) => {
        const values = await browser.storage[area].get(names);
        for (const name of names) read.set(`${area}:${name}`, values[name] ?? null);
      }),
    );
    return keys.map((key) => ({ key, value: read.get(key) ?? null }));
  },
  async setItem(key: StorageKey, value: unknown): Promise<void> {
    const [area, name] = splitKey(key);
    if (value === null || value === undefined) await browser.storage[area].remove(name);
    else await browser.storage[area].set({ [name]: value });
  },
  async setItems(items: { key: StorageKey; value: unknown }[]): Promise<void> {
    await Promise.all(items.map(({ key, value }) => storage.setItem(key, value)));
  },
  watch(key: StorageKey, callback: (value: unknown) => void): () => void {
    const [area, name] = splitKey(key);
    const listener = (changes: Record<string, { oldValue?: unknown; newValue?: unknown }>) => {
      const change = changes[name];
      if (change && !sameValue(change.newValue, change.oldValue)) callback(change.newValue ?? null);
    };
    browser.storage[area].onChanged.addListener(listener);
    return () => browser.storage[area].onChanged.removeListener(listener);
  },
};

function splitKey(key: StorageKey): [AreaName, string] {
  const at = key.indexOf(':');
  return [key.slice(0, at) as AreaName, key.slice(at + 1)];
}

/** Whether two stored (JSON-like) values are the same: a write of an equal value is no change. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  if (keysA.length !== keysB.length) return false;
  return keysA.every(
    (key) => key in b && sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
  );
}

/**
 * Reads asked for in the same task go to the browser together (one call per storage area): a
 * page's first render asks for several items at once, and each call is a round trip to the
 * browser process (10–40 ms apiece measured in the popup, answered one after another). Each
 * area answers for itself: the first page (session) does not wait for the watchlist (sync).
 */
const pending = new Map<AreaName, { keys: Set<StorageKey>; values: Promise<Map<string, unknown>> }>();
function readSoon(key: StorageKey): Promise<unknown> {
  const [area] = splitKey(key);
  let batch = pending.get(area);
  if (!batch) {
    const keys = new Set<StorageKey>();
    const values = Promise.resolve().then(async () => {
      pending.delete(area);
      const read = await storage.getItems([...keys]);
      return new Map(read.map(({ key, value }) => [key, value]));
    });
    batch = { keys, values };
    pending.set(area, batch);
  }
  batch.keys.add(key);
  return batch.values.then((values) => values.get(key));
}

function checkedItem<T>(key: StorageKey, read: (raw: unknown) => T): StoredItem<T> {
  return {
    async getValue() {
      return read(await readSoon(key));
    },
    setValue: (value) => storage.setItem(key, value),
    watch: (callback) => storage.watch(key, (raw) => callback(read(raw))),
  };
}

/** A reader from a zod schema: an invalid value reads as the fallback (and is reported once). */
function withSchema<T>(name: string, schema: z.ZodMiniType<T, unknown>, fallback: T): (raw: unknown) => T {
  return (raw) => {
    if (raw === null || raw === undefined) return fallback;
    const parsed = schema.safeParse(raw);
    if (parsed.success) return parsed.data;
    console.warn(`Offer Lens: the stored ${name} was not valid and was replaced by its default`);
    return fallback;
  };
}

// zod/mini: every extension page reads these items, and its smaller size starts faster.
const count = z.int().check(z.nonnegative());
const text = (max: number) => z.string().check(z.maxLength(max));

const SummarySchema = z.object({
  fetchedAt: z.number(),
  source: z.enum(['feed', 'demo']),
  offerCount: count,
  rejectedCount: count,
}) satisfies z.ZodMiniType<SnapshotSummary, unknown>;

const DEFAULT_SETTINGS = defaultSettings(import.meta.env.WXT_FEED_URL ?? '');

export { DEFAULT_SETTINGS };

/**
 * The settings in force. Settings that change where the key goes or what a link carries may
 * only change from the settings page (docs/architecture.md, "Trust boundary"), and storage.sync
 * is writable by content scripts in Firefox and by another device through sync: so the settings
 * in force are kept in the extension's IndexedDB (`secrets` store), mirrored into session
 * storage (out of content scripts' reach in both browsers) for the pages' fast, live reads.
 * `setValue` applies settings as the settings page saves them: in force here, and written to
 * storage.sync as well, where the publisher's other devices find them (as a proposal).
 */
export const settingsItem: StoredItem<Settings> = {
  async getValue() {
    const mirrored = await readSoon('session:settings');
    if (mirrored !== undefined && mirrored !== null) return readSettings(mirrored, DEFAULT_SETTINGS).settings;
    const { settings } = await loadSettings();
    await storage.setItem('session:settings', settings).catch(() => undefined);
    return settings;
  },
  async setValue(settings) {
    await database.saveSettings(settings);
    await storage.setItems([
      { key: 'session:settings', value: settings },
      { key: 'sync:settings', value: settings },
    ]);
  },
  watch: (callback) =>
    storage.watch('session:settings', (raw) => {
      if (raw !== null && raw !== undefined) callback(readSettings(raw, DEFAULT_SETTINGS).settings);
    }),
};

/**
 * The settings as the last page to open saw them, for painting only (the display currency a row's
 * equivalent is in, before session storage answers): links and exports wait for settingsItem.
 * A copy with a field that fails its check is no copy.
 */
export const settingsMirror = pageMirror<Settings>('settings', (raw) => {
  const { settings, repaired } = readSettings(raw, DEFAULT_SETTINGS);
  return repaired.length ? undefined : settings;
});

/** The settings in force with the fields that had to be replaced, for the background to report. */
export async function loadSettings(): Promise<ReturnType<typeof readSettings>> {
  const stored = await database.loadSettings();
  return stored === null ? { settings: DEFAULT_SETTINGS, repaired: [] } : readSettings(stored, DEFAULT_SETTINGS);
}

/** Apply settings here only (they came from sync and need no confirmation): IndexedDB and the mirror. */
export async function applySettingsHere(settings: Settings): Promise<void> {
  await database.saveSettings(settings);
  await storage.setItem('session:settings', settings);
}

/**
 * What storage.sync holds: the settings page's saves on any of the publisher's devices — or a
 * write by something else (a content script in Firefox). Never acted on as such: fields that
 * steer links or the key are proposals the settings page shows (lib/settings/proposal.ts).
 */
export const syncedSettingsItem = checkedItem<unknown>('sync:settings', (raw) => raw ?? null);

/** The refresh status for display (the background's own copy is in IndexedDB). */
export const statusItem: StoredItem<typeof EMPTY_STATUS> = {
  ...checkedItem('local:status', withSchema('status', StatusSchema, EMPTY_STATUS)),
  mirror: pageMirror('status', bySchema(StatusSchema)),
};

/** Counts and dates of the current snapshot, for first paint. */
export const summaryItem: StoredItem<SnapshotSummary | null> = {
  ...checkedItem('local:summary', withSchema('summary', z.nullable(SummarySchema), null)),
  mirror: pageMirror('summary', bySchema(z.nullable(SummarySchema))),
};

/** The pages' own localStorage (the extension's origin: no web page or content script reaches it). */
const pageStorage = {
  text(key: string): string | null {
    try {
      return globalThis.localStorage?.getItem(key) ?? null;
    } catch {
      return null;
    }
  },
  /** Null or undefined removes it; a failure (full, or a private profile's quota) only loses the copy. */
  write(key: string, text: string | null): void {
    try {
      if (text === null) globalThis.localStorage?.removeItem(key);
      else globalThis.localStorage?.setItem(key, text);
    } catch {
      // The page goes on; only the memory is lost.
    }
  },
  /** Parsed, or undefined when there is none or it is not JSON. */
  parse(text: string | null | undefined): unknown {
    if (text === null || text === undefined) return undefined;
    try {
      return JSON.parse(text);
    } catch {
      return undefined;
    }
  },
};

/**
 * An item only extension pages use, kept in their own localStorage, checked on read like the
 * others. A write to browser.storage wakes a stopped background (it listens to every area), and a
 * worker starting beside a page costs that page's first answer ~50 ms here; a write here wakes
 * nothing. `legacy`: where it was kept before, read once when this has nothing, then removed
 * (and what was read, or the default, kept here: the next page reads it at once).
 */
function pageItem<T>(
  name: string,
  read: (raw: unknown) => T,
  legacy: StorageKey,
): StoredItem<T> & { peek(): T | undefined } {
  const key = `offerLens.${name}`;
  const keep = (value: T) =>
    pageStorage.write(key, value === null || value === undefined ? null : JSON.stringify(value));
  const peek = () => {
    const text = pageStorage.text(key);
    return text === null ? undefined : read(pageStorage.parse(text) ?? null);
  };
  return {
    peek,
    async getValue() {
      const here = peek();
      if (here !== undefined) return here;
      const before = await readSoon(legacy);
      if (before !== null && before !== undefined) void storage.setItem(legacy, null).catch(() => undefined);
      // Kept only when it is still good: what fails its check is not carried over.
      const value = read(before ?? null);
      keep(value);
      return value;
    },
    async setValue(value) {
      keep(value);
    },
    watch(callback) {
      const listener = (event: StorageEvent) => {
        if (event.key === key) callback(read(pageStorage.parse(event.newValue) ?? null));
      };
      globalThis.addEventListener?.('storage', listener);
      return () => globalThis.removeEventListener?.('storage', listener);
    },
  };
}

/**
 * A copy of an item's last value as the pages saw it, kept in their localStorage: a page paints
 * its first screen from it at once, before the browser's storage answers (its first answer takes
 * ~60 ms in a new renderer here), and the answer replaces it (the copy with it). For painting
 * only: it may be a refresh old, so what acts on a value (a link copied, a list saved) waits for
 * the item itself. Checked on read like the item; a copy that fails its check, or is not JSON,
 * is no copy (the page waits), never a default painted in place of the real value.
 */
export interface PageMirror<T> {
  /** The copy; undefined when there is none (or it failed its check). */
  peek(): T | undefined;
  /** Keep this value as the copy (written only when it differs). */
  keep(value: T): void;
}

export function pageMirror<T>(name: string, check: (raw: unknown) => T | undefined): PageMirror<T> {
  const key = `offerLens.mirror.${name}`;
  return {
    peek() {
      const raw = pageStorage.parse(pageStorage.text(key));
      return raw === undefined ? undefined : check(raw);
    },
    keep(value) {
      const text = JSON.stringify(value ?? null);
      if (pageStorage.text(key) !== text) pageStorage.write(key, text);
    },
  };
}

/** A mirror's check from a zod schema: what fails it is no copy. */
function bySchema<T>(schema: z.ZodMiniType<T, unknown>): (raw: unknown) => T | undefined {
  return (raw) => {
    const parsed = schema.safeParse(raw);
    return parsed.success ? parsed.data : undefined;
  };
}

/** The popup's last search, so it reopens where the publisher left it (each keystroke writes it). */
export const searchStateItem = pageItem(
  'searchState',
  withSchema('search', SearchStateSchema, DEFAULT_SEARCH_STATE),
  'local:searchState',
);

/** Store key → signature of that app's offers when its badge was dismissed (see store-page/). */
export const dismissedItem = checkedItem<Record<string, string>>(
  'local:dismissedBadges',
  withSchema('dismissals', z.record(text(200), text(20_000)), {}),
);

const WatchlistSchema = z.object({
  offers: z.array(text(200)).check(z.maxLength(WATCHLIST_MAX_OFFERS)),
  apps: z.array(text(300)).check(z.maxLength(WATCHLIST_MAX_APPS)),
}) satisfies z.ZodMiniType<Watchlist, unknown>;

/** What the publisher watches; follows the browser profile (sync: 8 KB an item, so it is capped). */
const readWatchlist = withSchema('watchlist', WatchlistSchema, EMPTY_WATCHLIST);
/** Offers watched before several sources were watched by id: they are the first source's. */
const withKeys = (watchlist: Watchlist): Watchlist => ({
  ...watchlist,
  offers: watchlist.offers.map((entry) => (entry.includes('|') ? entry : offerKey({ id: entry }))),
});
const syncedWatchlist = checkedItem('sync:watchlist', (raw) => withKeys(readWatchlist(raw)));
/** The demo's watch state: its own, on this computer only, so watching a demo offer touches nothing of the publisher's. */
const demoWatchlist = checkedItem('local:demoWatchlist', (raw) => withKeys(readWatchlist(raw)));

/**
 * What the publisher watches (offer keys and app keys); follows the browser profile (sync: 8 KB
 * an item, so it is capped). In the demo, the demo's own.
 */
export const watchlistItem: StoredItem<Watchlist> = {
  getValue: async () => ((await currentWorld()) === 'demo' ? demoWatchlist : syncedWatchlist).getValue(),
  setValue: async (value) => ((await currentWorld()) === 'demo' ? demoWatchlist : syncedWatchlist).setValue(value),
  watch(callback) {
    const forWorld = (world: 'real' | 'demo') => (value: Watchlist) =>
      void currentWorld().then((shown) => shown === world && callback(value));
    const unwatch = [syncedWatchlist.watch(forWorld('real')), demoWatchlist.watch(forWorld('demo'))];
    return () => {
      for (const stop of unwatch) stop();
    };
  },
};

/**
 * The best-paying offers of the current snapshot, for the popup's first paint without opening
 * IndexedDB (opening it costs ~50 ms when no extension page had it open). Session storage: in
 * memory, and out of content scripts' reach in both browsers (Chrome's default access level
 * for this area; Firefox never exposes it to them). Written by whoever read it from IndexedDB.
 */
export interface FirstPage {
  fetchedAt: number;
  top: Offer[];
}
const isOfferLike = (value: unknown) =>
  typeof value === 'object' && value !== null && typeof (value as Offer).id === 'string';
const checkFirstPage = (raw: unknown): FirstPage | null => {
  const page = raw as FirstPage | null | undefined;
  const valid =
    typeof page?.fetchedAt === 'number' &&
    Array.isArray(page.top) &&
    page.top.length <= 200 &&
    page.top.every(isOfferLike);
  return valid ? page : null;
};
export const firstPageItem = checkedItem<FirstPage | null>('session:firstPage', checkFirstPage);
/** The first page as the last page to open saw it, painted before session storage answers (pageMirror). */
export const firstPageMirror = pageMirror<FirstPage | null>('firstPage', (raw) => checkFirstPage(raw) ?? undefined);

/**
 * The first screen of the last answer to a search other than the default one, as the last page
 * showed it: a remembered search ("spotify") paints its rows in the first render, as the default
 * search paints the best-paying offers (firstPageMirror), instead of after its first answer
 * (~80–90 ms on a stopped worker). For painting only: the keys wait for the search's own answer.
 */
export interface LastAnswer {
  /** The snapshot the rows are of. */
  fetchedAt: number;
  state: SearchState;
  total: number;
  offers: Offer[];
}
/** The rows a LastAnswer keeps: a popup's first screen. */
export const LAST_ANSWER_ROWS = 16;
const checkLastAnswer = (raw: unknown): LastAnswer | undefined => {
  const answer = raw as LastAnswer | null | undefined;
  const valid =
    typeof answer?.fetchedAt === 'number' &&
    typeof answer.total === 'number' &&
    Array.isArray(answer.offers) &&
    answer.offers.length <= LAST_ANSWER_ROWS &&
    answer.offers.every(isOfferLike);
  const state = valid ? SearchStateSchema.safeParse(answer.state) : null;
  return valid && state?.success ? { ...answer, state: state.data } : undefined;
};
export const lastAnswerMirror = pageMirror<LastAnswer | null>('lastAnswer', (raw) =>
  raw === null ? null : checkLastAnswer(raw),
);

/** An offer as "On this page" lists it: what decides, and the link ready to copy. */
export interface TabOffer {
  id: string;
  name: string;
  platform: Offer['platform'];
  geos: string[];
  payout: Offer['payout'];
  trackingLink: string;
  /** The network it comes from ("AppRocket (Affise)"), and its payout's equivalent ("≈ $1.73"), as the badge has them. */
  network?: string;
  equivalent?: string | null;
}
export type TabOffers = Record<string, { url: string; offers: TabOffer[] }>;

export function toTabOffer(offer: TabOffer): TabOffer {
  const { id, name, platform, geos, payout, trackingLink, network, equivalent } = offer;
  return { id, name, platform, geos, payout, trackingLink, network, equivalent };
}
/** Tabs kept at most (the oldest go first); tabs also leave when closed. */
export const TAB_OFFERS_MAX = 40;
const isTabOffer = (value: unknown) => {
  const o = value as TabOffer | null;
  return typeof o?.id === 'string' && typeof o.name === 'string' && typeof o.trackingLink === 'string';
};

/**
 * The offers the background matched for each store tab (tab id → page URL and offers), as it
 * answered that tab's content script: the side panel's "On this page" reads them at once,
 * without waking the background or loading the search index. Session storage: out of content
 * scripts' reach in both browsers.
 */
export const tabOffersItem = checkedItem<TabOffers>('session:tabOffers', (raw) => {
  if (!raw || typeof raw !== 'object') return {};
  const valid: TabOffers = {};
  for (const [tab, entry] of Object.entries(raw as TabOffers)) {
    if (typeof entry?.url === 'string' && Array.isArray(entry.offers) && entry.offers.every(isTabOffer)) {
      valid[tab] = entry;
    }
  }
  return valid;
});

/**
 * What a surface should open on: an offer (a badge's "Open in popup", a notification, the
 * address bar), an app's offers (a right-click on a store link), or a query. Session only; the
 * popup reads it once and clears it.
 */
export interface SurfaceStart {
  offerId?: string;
  appUrl?: string;
  query?: string;
}
export const popupFocusItem = checkedItem<SurfaceStart | null>(
  'session:popupFocus',
  withSchema(
    'popup focus',
    z.nullable(
      z.object({ offerId: z.optional(text(200)), appUrl: z.optional(text(2048)), query: z.optional(text(500)) }),
    ),
    null,
  ),
);

/** A source as the pages know it: its id and names, for the network filter, `net:` and every "· AppRocket". */
export interface SourceName {
  id: string;
  kind: string;
  /** "AppRocket (Affise)". */
  name: string;
  label: string;
}

/**
 * The sources on show, written by the background whenever they change. Session storage: out of
 * content scripts' reach in both browsers, so a page cannot rename a network.
 */
const SourceNamesSchema = z
  .array(z.object({ id: text(40), kind: text(40), name: text(200), label: text(100) }))
  .check(z.maxLength(40));
export const sourceNamesItem: StoredItem<SourceName[]> = {
  ...checkedItem('session:sourceNames', withSchema('source names', SourceNamesSchema, [])),
  mirror: pageMirror('sourceNames', bySchema(SourceNamesSchema)),
};
