import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askForNotificationsPermission, hasNotificationsPermission } from '../lib/changes/notifications';
import { useAsyncEffect } from './use-async-effect';

/**
 * Whether watch alerts may show as notifications (null until the browser said), and the way to
 * ask: for the settings page's "Allow notifications" as for the first star.
 */
export function useNotificationsPermission() {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  useAsyncEffect(() => hasNotificationsPermission(browser.permissions), setAllowed, []);
  return {
    allowed,
    /** Runs inside the click: the browser's question must come from the publisher's gesture. */
    ask(): Promise<boolean> {
      return askForNotificationsPermission(browser.permissions).then((granted) => {
        setAllowed(granted);
        return granted;
      });
    },
  };
}
