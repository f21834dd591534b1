import { browser } from 'wxt/browser';
import { feedOriginPattern } from './settings/feed-url';
import { STORE_MATCH_PATTERNS } from './store-url';

/**
 * Asking the browser for host access: the store hosts (the badge) and the feed's origin.
 * Firefox treats host permissions as optional until the publisher grants them.
 */

/** Origins the extension needs and does not have yet. */
export async function missingOrigins(feedUrlTemplate: string): Promise<string[]> {
  const feed = feedOriginPattern(feedUrlTemplate);
  const wanted = feed ? [...STORE_MATCH_PATTERNS, feed] : STORE_MATCH_PATTERNS;
  const granted = await Promise.all(wanted.map((origin) => browser.permissions.contains({ origins: [origin] })));
  return wanted.filter((_, i) => !granted[i]);
}

/** Ask for them; must run inside the click handler (browsers require a user gesture). */
export function requestOrigins(origins: string[]): Promise<boolean> {
  return origins.length === 0 ? Promise.resolve(true) : browser.permissions.request({ origins });
}
