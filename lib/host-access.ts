import { browser } from 'wxt/browser';
import { feedHostPermission } from './permissions';

/** The store hosts the badge needs. Firefox treats them as optional until the user grants them. */
export const STORE_ORIGINS = ['https://play.google.com/*', 'https://apps.apple.com/*', 'https://itunes.apple.com/*'];

/** Origins the extension needs and does not have yet (stores, and the feed's origin). */
export async function missingOrigins(feedUrlTemplate: string): Promise<string[]> {
  const feed = feedHostPermission(feedUrlTemplate);
  const wanted = feed ? [...STORE_ORIGINS, feed] : STORE_ORIGINS;
  const granted = await Promise.all(wanted.map((origin) => browser.permissions.contains({ origins: [origin] })));
  return wanted.filter((_, i) => !granted[i]);
}

/** Ask for them; must run inside the click handler (browsers require a user gesture). */
export function requestOrigins(origins: string[]): Promise<boolean> {
  return origins.length === 0 ? Promise.resolve(true) : browser.permissions.request({ origins });
}
