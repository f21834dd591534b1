import { t } from '../i18n';

/**
 * The optional `notifications` permission the watch alerts need: asked for the first time
 * something is watched (or from the settings page), checked before an alert is raised. Without
 * it the Changes view and the toolbar count still say what changed.
 */
type Asked = { permissions: 'notifications'[] };

const NOTIFICATIONS: Asked = { permissions: ['notifications'] };

interface Permissions {
  contains(permissions: Asked): Promise<boolean>;
  request(permissions: Asked): Promise<boolean>;
}

/** Why Offer Lens asks to show notifications, said beside the browser's question. */
export function notificationsWhy(): string {
  return t('notificationsWhy');
}

/** Whether notifications are allowed; false also when the browser cannot say. */
export function hasNotificationsPermission(permissions: Pick<Permissions, 'contains'>): Promise<boolean> {
  return settle(() => permissions.contains(NOTIFICATIONS));
}

/** Ask for it: must run inside the publisher's click (the browser's prompt needs the gesture). */
export function askForNotificationsPermission(permissions: Pick<Permissions, 'request'>): Promise<boolean> {
  return settle(() => permissions.request(NOTIFICATIONS));
}

/** The browser's answer, or false when it throws or refuses (no permissions API, no gesture). */
function settle(ask: () => Promise<boolean>): Promise<boolean> {
  try {
    return ask().catch(() => false);
  } catch {
    return Promise.resolve(false);
  }
}
