import { t } from '../i18n';

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
export function linkCheckWhy(): string {
  return t('linkCheckWhy');
}

export { isFirefox } from '../browser-kind';
