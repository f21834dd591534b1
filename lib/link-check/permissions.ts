/**
 * What a link check needs, asked for (optional permissions) the first time the publisher
 * clicks Check link: host access to any site (the tracker, the attribution service and the
 * store are not known in advance) and webRequest to see each redirect. Chrome also needs
 * declarativeNetRequestWithHostAccess to send the phone's user agent (Firefox lets the check's
 * own fetch set it). The rest of Offer Lens works without them; the settings page revokes them.
 */
export const LINK_CHECK_ORIGINS = ['https://*/*', 'http://*/*'];

export function linkCheckPermissions(firefox: boolean): { permissions: string[]; origins: string[] } {
  return {
    permissions: firefox ? ['webRequest'] : ['webRequest', 'declarativeNetRequestWithHostAccess'],
    origins: LINK_CHECK_ORIGINS,
  };
}

/** Why, in one sentence, shown before the browser's prompt. */
export const LINK_CHECK_WHY =
  'Checking a link follows it through the tracker and the attribution service to the store, as a phone would: Offer Lens asks once for access to those sites and to see the redirects. Each check is a real click at the network.';

export { isFirefox } from '../browser-kind';
