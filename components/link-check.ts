import { browser } from 'wxt/browser';
import { isFirefox, linkCheckPermissions } from '../lib/link-check/permissions';

type Request = Parameters<typeof browser.permissions.request>[0];

/** The permissions a link check needs, for this browser. */
export const linkCheckRequest = () => linkCheckPermissions(isFirefox(browser.runtime)) as Request;

/**
 * Ask for them, from the publisher's click: called before anything is awaited (both browsers
 * want the click itself). Answers at once when they are already granted.
 */
export function askForLinkChecks(): Promise<boolean> {
  try {
    return browser.permissions.request(linkCheckRequest()).catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}

export const hasLinkChecks = () => browser.permissions.contains(linkCheckRequest()).catch(() => false);

export const revokeLinkChecks = () => browser.permissions.remove(linkCheckRequest()).catch(() => false);
