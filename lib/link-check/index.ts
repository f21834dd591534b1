import { formatInteger } from '../format';
import { t } from '../i18n';
import type { Platform } from '../offer';
import { parseStoreUrl, type StoreApp, storeKey } from '../store-url';
import { privateHostOf } from './private-host';

export { isPrivateHost, privateHostOf } from './private-host';

/**
 * Judging a followed tracking link (docs/architecture.md, "A link check" and "Judging a
 * followed link"; `judgeHops` is a contract other code relies on). The follower (lib/background/link-checks.ts) records every hop of a
 * check: each URL requested, its HTTP status, and where it pointed next (a Location header, or a
 * <meta http-equiv="refresh"> / script location read from the HTML as text). These functions
 * are pure: they decide what the hops mean.
 */

export interface Hop {
  url: string;
  /** HTTP status; 0 when the request got no answer. */
  status: number;
  /** Where it pointed next, as the header (or page) said it: may be relative. */
  location: string | null;
}

export type LinkVerdict = 'right-app' | 'other-app' | 'web-page' | 'broken';

/** What a check found: the verdict first, then what helps read it. */
export interface LinkCheckResult {
  offerId: string;
  checkedAt: number;
  verdict: LinkVerdict;
  /** The verdict in words: "Lands on the offer's app", "HTTP 404 at hop 2"… */
  reason: string;
  finalApp: StoreApp | null;
  hops: Hop[];
  ms: number;
  phone: Platform;
  /** "Android phone", "iPhone": the user agent the check used. */
  phoneLabel: string;
  clickId: string;
  /** The hop (1-based) whose URL first carried the click ID on; null when none did. */
  clickIdPassedAt: number | null;
  country: { text: string; fits: boolean | null } | null;
}

export type LinkCheckAnswer =
  | { status: 'checked'; result: LinkCheckResult }
  | { status: 'too-soon'; retryInMs: number; last: LinkCheckResult | null }
  | { status: 'needs-permission' }
  | { status: 'unknown-offer' };

export interface Judgement {
  verdict: LinkVerdict;
  finalApp: StoreApp | null;
  reason: string;
}

/** More hops than this is a broken link, whatever the end. */
export const MAX_HOPS = 15;

/** The longest hop URL or Location a result keeps: a tracker may send megabytes. */
export const MAX_HOP_TEXT = 2048;

/** The hop as a result keeps it: its URL and Location clipped to 2 KB. */
export function clipHop(hop: Hop): Hop {
  return {
    url: hop.url.slice(0, MAX_HOP_TEXT),
    status: hop.status,
    location: hop.location?.slice(0, MAX_HOP_TEXT) ?? null,
  };
}

/** Schemes a browser hands to the store app instead of fetching: the end of a chain. */
const HAND_OFF_SCHEMES = new Set(['market:', 'itms-apps:', 'itms-appss:', 'intent:']);

/** `location` resolved against the hop's URL; null when it is no URL at all. */
export function resolveLocation(hop: Pick<Hop, 'url' | 'location'>): string | null {
  // Stryker disable next-line ConditionalExpression: without it, null.trim() throws into the catch below: null too
  if (!hop.location) return null;
  try {
    return new URL(hop.location.trim(), hop.url).href;
  } catch {
    return null;
  }
}

/** "market:", "https:"; "" for text without a scheme. */
function schemeOf(url: string): string {
  return url.slice(0, url.indexOf(':') + 1).toLowerCase();
}

/** Where a hop is, as the report shows it: "trk.example.com", "market://details". */
export function hopHost(url: string): string {
  try {
    const parsed = new URL(url);
    return /^https?:$/.test(parsed.protocol) ? parsed.host : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return url.slice(0, 60);
  }
}

/** True for a URL the follower cannot fetch, which hands over to a store app. */
export function isHandOff(url: string): boolean {
  return HAND_OFF_SCHEMES.has(schemeOf(url));
}

/** The app of a store URL, `intent://…#Intent;…;end` (Android) included. */
export function appOf(url: string): StoreApp | null {
  return schemeOf(url) === 'intent:' ? intentApp(url) : parseStoreUrl(url);
}

/** Android package names: "com.spotify.music". */
const PACKAGE_NAME = /^[A-Za-z][\w.]*$/;
const PLAY_STORE_PACKAGE = 'com.android.vending';
/** An intent is a store link, and store links are short (as lib/store-url.ts has it). */
const MAX_INTENT_LENGTH = 8192;

/**
 * The app an Android intent opens. An intent that opens the Play Store (`scheme=market`, or
 * `package=com.android.vending`) names the Play Store as its package: the app is the `id=` of
 * its address. Any other intent opens its `package=` itself.
 */
function intentApp(url: string): StoreApp | null {
  const hash = url.indexOf('#');
  if (url.length > MAX_INTENT_LENGTH || hash === -1 || !url.startsWith('Intent;', hash + 1)) return null;
  const extras = new Map<string, string>();
  for (const part of url.slice(hash + 'Intent;'.length + 1).split(';')) {
    if (part === 'end') break;
    const eq = part.indexOf('=');
    if (eq > 0 && !extras.has(part.slice(0, eq))) extras.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const opensPlayStore =
    extras.get('scheme')?.toLowerCase() === 'market' || extras.get('package') === PLAY_STORE_PACKAGE;
  const address = url.slice(0, hash);
  const query = address.includes('?') ? address.slice(address.indexOf('?') + 1) : '';
  const appId = opensPlayStore ? new URLSearchParams(query).get('id') : (extras.get('package') ?? null);
  return appId && PACKAGE_NAME.test(appId) ? { store: 'google-play', appId, country: null } : null;
}

/** "com.spotify.music", "id324684580". */
export function appName(app: StoreApp): string {
  return app.store === 'app-store' ? `id${app.appId}` : app.appId;
}

/** Where a chain ends: the last hop's hand-off target when it points at a store app's scheme, else its URL. */
export function chainEnd(hops: Hop[]): { url: string; fetched: boolean; hop: Hop; index: number } | null {
  const index = hops.length - 1;
  const last = hops[index];
  if (!last) return null;
  const next = resolveLocation(last);
  if (next && isHandOff(next)) return { url: next, fetched: false, hop: last, index };
  return { url: last.url, fetched: true, hop: last, index };
}

export function judgeHops(previewUrl: string | null, hops: Hop[]): Judgement {
  const broken = (reason: string): Judgement => ({ verdict: 'broken', finalApp: null, reason });
  const end = chainEnd(hops);
  if (!end) return broken(t('linkCheckNoAnswer'));
  for (const [i, hop] of hops.entries()) {
    const host = privateHostOf(hop.url);
    if (host) return broken(t('linkCheckPrivateAddress', { host, hop: hopNumber(i) }));
  }
  const seen = new Set<string>();
  for (const hop of hops) {
    if (seen.has(hop.url)) return broken(t('linkCheckRedirectLoop'));
    seen.add(hop.url);
  }
  if (hops.length > MAX_HOPS)
    return broken(t('linkCheckTooManyRedirects', { count: formatInteger(hops.length, false) }));
  const at = { hop: hopNumber(end.index), status: String(end.hop.status) };
  if (end.fetched && end.hop.status === 0) return broken(t('linkCheckNoAnswerAtHop', at));
  if (end.fetched && end.hop.status >= 400) return broken(t('linkCheckHttpAtHop', at));

  const finalApp = appOf(end.url);
  if (finalApp) {
    const expected = previewUrl ? parseStoreUrl(previewUrl) : null;
    if (expected && storeKey(expected) === storeKey(finalApp)) {
      return { verdict: 'right-app', finalApp, reason: t('linkCheckRightApp') };
    }
    return { verdict: 'other-app', finalApp, reason: t('linkCheckOtherApp', { app: appName(finalApp) }) };
  }
  // Stryker disable next-line ConditionalExpression,LogicalOperator,Regex: a fetched end is an http(s) page and fetch never ends on 1xx; a hand-off's hop is a 3xx
  if (end.fetched && end.hop.status >= 200 && end.hop.status < 300 && /^https?:/i.test(end.url)) {
    return { verdict: 'web-page', finalApp: null, reason: t('linkCheckWebPage', { host: new URL(end.url).hostname }) };
  }
  return broken(
    end.fetched ? t('linkCheckHttpAtHop', at) : t('linkCheckEndsOnScheme', { ...at, scheme: schemeOf(end.url) }),
  );
}

/** A hop's number as the report counts them (from 1). */
function hopNumber(index: number): string {
  return formatInteger(index + 1, false);
}

export { PAGE_READ_CHARS, pageRedirect } from './page-redirect';

/** The click ID a check sends instead of the publisher's: real clicks, told apart in the statistics. */
export function checkClickId(now: number): string {
  return `offerlens-check${now}`;
}

/** The phone a check poses as: trackers route by device. */
export const MOBILE_USER_AGENTS: Record<Platform, { label: string; value: string }> = {
  android: {
    get label() {
      return t('linkCheckPhoneAndroid');
    },
    value:
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36',
  },
  ios: {
    label: 'iPhone',
    value:
      'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
  },
};

/** Android for Play offers, iPhone for App Store offers; the platform field when the preview names no store. */
export function phoneFor(previewUrl: string | null, platform: Platform | null): Platform {
  const app = previewUrl ? parseStoreUrl(previewUrl) : null;
  if (app) return app.store === 'app-store' ? 'ios' : 'android';
  return platform ?? 'android';
}

/** The first hop after the first whose URL carries the click ID (it was passed on), 1-based; null when none did. */
export function clickIdPassedAt(hops: Hop[], clickId: string): number | null {
  for (let i = 1; i < hops.length; i++) if ((hops[i] as Hop).url.includes(clickId)) return i + 1;
  const end = chainEnd(hops);
  if (end && !end.fetched && end.url.includes(clickId)) return hops.length + 1;
  return null;
}

/** "store country ES — offer accepts ES ✓": the country the store page was opened for, against the offer's. */
export function countryNote(finalApp: StoreApp | null, geos: string[]): { text: string; fits: boolean | null } | null {
  if (!finalApp) return null;
  if (!finalApp.country) return { text: t('linkCheckCountryNotSet'), fits: null };
  const country = finalApp.country;
  if (geos.length === 0) return { text: t('linkCheckCountryAny', { country }), fits: true };
  const fits = geos.includes(country);
  const countries = `${geos.slice(0, 6).join(', ')}${geos.length > 6 ? '…' : ''}`;
  return { text: t(fits ? 'linkCheckCountryFits' : 'linkCheckCountryMisfits', { country, countries }), fits };
}
