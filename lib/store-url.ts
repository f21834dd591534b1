import { normaliseCountry } from './country';
import { t } from './i18n';

export type StoreName = 'google-play' | 'app-store';

export interface StoreApp {
  store: StoreName;
  appId: string;
  /** ISO alpha-2, upper-case, from the URL (`gl=` on Play, the path on the App Store). */
  country: string | null;
}

const PLAY_HOST = 'play.google.com';
const APPLE_HOSTS = new Set(['apps.apple.com', 'itunes.apple.com']);
const APPLE_SCHEMES = new Set(['itms-apps:', 'itms-appss:']);
// Java-style package name: segments of letters, digits and underscores, dot-separated.
const PACKAGE_RE = /^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*$/;
const COUNTRY_RE = /^[A-Za-z]{2}$/;

/** The store hosts, the one list the manifest, the content script and the permission checks use. */
export const STORE_HOSTS = [PLAY_HOST, ...APPLE_HOSTS] as const;

/** Match patterns for the whole store hosts (the content script decides per URL, see architecture.md). */
export const STORE_MATCH_PATTERNS = STORE_HOSTS.map((host) => `https://${host}/*`);

/**
 * Match patterns for store app pages (http or https), for the context menu's link and page
 * items: the browser shows "Offer Lens: offers for this app" only on these. They narrow;
 * parseStoreUrl decides (a pattern's * also spans slashes).
 */
export const STORE_APP_PATTERNS = [
  '*://play.google.com/store/apps/details*',
  ...[...APPLE_HOSTS].flatMap((host) => [`*://${host}/app/*`, `*://${host}/*/app/*`]),
];

export const STORE_LABELS: Record<StoreName, string> = { 'google-play': 'Google Play', 'app-store': 'App Store' };

/** "com.spotify.music on Google Play", "id324684580 on the App Store", from a storeKey. */
export function storeKeyLabel(key: string): string {
  const at = key.indexOf(':');
  const store = key.slice(0, at) as StoreName;
  const appId = key.slice(at + 1);
  if (store === 'app-store') return t('storeAppOnAppStore', { app: `id${appId}` });
  if (store === 'google-play') return t('storeAppOnGooglePlay', { app: appId });
  return key;
}

/** True for a store host, whatever the case: the feed may never be fetched from one. */
export function isStoreHost(hostname: string): boolean {
  return (STORE_HOSTS as readonly string[]).includes(hostname.toLowerCase());
}

/** Which store app page a URL is, or null for anything else (never throws). */
export function parseStoreUrl(url: string): StoreApp | null {
  const parsed = safeUrl(url);
  if (!parsed) return null;
  if (parsed.protocol === 'market:') return parseMarketUrl(parsed);
  if (APPLE_SCHEMES.has(parsed.protocol)) {
    if (parsed.host && !APPLE_HOSTS.has(parsed.hostname)) return null;
    return parseAppStorePath(parsed.pathname);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  // URL lower-cases the host; an exact comparison keeps look-alikes (play.google.com.evil.io) out.
  if (parsed.hostname === PLAY_HOST) return parsePlayUrl(parsed);
  if (APPLE_HOSTS.has(parsed.hostname)) return parseAppStorePath(parsed.pathname);
  return null;
}

/** Stable key for an app, case-insensitive: "google-play:com.spotify.music". */
export function storeKey(app: StoreApp): string {
  return `${app.store}:${app.appId.toLowerCase()}`;
}

/** The https store page of an app (used to rewrite market:// and itms-apps:// links). */
export function storePageUrl(app: StoreApp): string {
  if (app.store === 'google-play') {
    return `https://play.google.com/store/apps/details?id=${encodeURIComponent(app.appId)}`;
  }
  const country = app.country ? `${app.country.toLowerCase()}/` : '';
  return `https://apps.apple.com/${country}app/id${app.appId}`;
}

function parsePlayUrl(url: URL): StoreApp | null {
  const segments = url.pathname.split('/').filter(Boolean);
  // /store/apps/details or /store/apps/details/<name>
  if (segments[0] !== 'store' || segments[1] !== 'apps' || segments[2] !== 'details') return null;
  if (segments.length > 4) return null;
  return playApp(url.searchParams.get('id'), url.searchParams.get('gl'));
}

function parseMarketUrl(url: URL): StoreApp | null {
  // market://details?id=… parses with host "details"; some links use market:details?id=… or market:///details
  const where = url.host || url.pathname.split('/').filter(Boolean).join('/');
  if (where !== 'details') return null;
  return playApp(url.searchParams.get('id'), url.searchParams.get('gl'));
}

function playApp(id: string | null, gl: string | null): StoreApp | null {
  const appId = id?.trim();
  if (!appId || !PACKAGE_RE.test(appId)) return null;
  return { store: 'google-play', appId, country: normaliseCountry(gl) };
}

function parseAppStorePath(pathname: string): StoreApp | null {
  const segments = pathname.split('/').filter(Boolean);
  let i = 0;
  let country: string | null = null;
  if (segments[i] && COUNTRY_RE.test(segments[i] as string)) {
    country = normaliseCountry(segments[i]);
    i++;
  }
  if (segments[i] !== 'app') return null;
  i++;
  const rest = segments.slice(i);
  // [slug/]id<digits>
  if (rest.length > 2) return null;
  const match = /^id(\d+)$/.exec(rest.at(-1) ?? '');
  if (!match) return null;
  return { store: 'app-store', appId: match[1] as string, country };
}

/** Store links are short; a longer text is not one (and is not worth parsing). */
const MAX_URL_LENGTH = 4096;

function safeUrl(text: string): URL | null {
  if (typeof text !== 'string' || text.length > MAX_URL_LENGTH) return null;
  return URL.canParse(text) ? new URL(text) : null;
}
