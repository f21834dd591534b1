import { t } from '../i18n';
import { isStoreHost } from '../store-url';
import { hasUserInfo, isLoopbackHost, parseHttpUrl } from '../url';

/**
 * Where the feed may be fetched from. The URL is a template: `{apiKey}` marks where the key
 * goes. The key travels in it, so the rules are strict: https only (plain http only to this
 * computer, for local testing), never a store host, no user-info, and only an origin the
 * publisher approved (the build's WXT_FEED_URL origin, or one granted from the settings page).
 */

export const API_KEY_PLACEHOLDER = '{apiKey}';

/**
 * Plain http to this computer is for local testing: dev and test builds only. A release build
 * (`wxt build`, mode 'production') takes https feeds only.
 */
export const LOOPBACK_HTTP_ALLOWED = import.meta.env.MODE !== 'production';

/** What is wrong with a feed URL template, in words for the settings page; null when fine. */
export function feedUrlProblem(template: string, allowLoopbackHttp = LOOPBACK_HTTP_ALLOWED): string | null {
  const text = template.trim();
  if (text === '') return null;
  const url = parseHttpUrl(text.replaceAll(API_KEY_PLACEHOLDER, 'key'));
  if (!url) return t('feedUrlProblemNotUrl');
  if (url.protocol === 'http:' && !(allowLoopbackHttp && isLoopbackHost(url.hostname))) {
    return t('feedUrlProblemNotHttps');
  }
  if (hasUserInfo(text)) return t('feedUrlProblemUserInfo');
  if (isStoreHost(url.hostname)) return t('feedUrlProblemStoreHost');
  // The message names the placeholder itself: `{apiKey}` stays in it as written (t() fills nothing here).
  if (!text.includes(API_KEY_PLACEHOLDER)) return t('feedUrlProblemNoKeyPlace');
  return null;
}

/** The feed URL with the key in it. The key is URL-encoded so it cannot change the URL's shape. */
export function feedUrlFor(template: string, apiKey: string): string {
  return template.replaceAll(API_KEY_PLACEHOLDER, encodeURIComponent(apiKey));
}

/** "https://feed.example.com": the origin a template points at; null when it is not a feed URL. */
export function feedOrigin(template: string): string | null {
  if (feedUrlProblem(template) !== null || template.trim() === '') return null;
  return parseHttpUrl(template.replaceAll(API_KEY_PLACEHOLDER, 'key'))?.origin ?? null;
}

/**
 * Host-permission match pattern for the feed's origin, e.g. "https://feed.example.com/*".
 * Match patterns carry no port: a pattern on a host covers every port of it.
 */
export function feedOriginPattern(template: string): string | null {
  const origin = feedOrigin(template);
  if (!origin) return null;
  const url = new URL(origin);
  return `${url.protocol}//${url.hostname}/*`;
}
