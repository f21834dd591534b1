import type { browser as wxtBrowser } from 'wxt/browser';
import type { ChangeRecord } from '../changes/log';
import { hasNotificationsPermission } from '../changes/notifications';
import { isWatched, recordKey, type WatchAlert, type Watchlist, watchAlerts } from '../changes/watch';
import type { Handlers } from '../messaging/listener';
import type { Offer } from '../offer';
import type { Settings } from '../settings/defaults';
import type { changeLog } from '../storage/change-log';
import type { StoredItem } from '../storage/items';
import { writeChangesFirstScreen } from './changes-first-screen';

const NOTIFICATION_PREFIX = 'offer-lens|';
/** Alerts remembered this long (each is raised once within a day; older ones are forgotten). */
const SENT_KEPT_MS = 30 * 86_400_000;

export interface WatchingDeps {
  browser: typeof wxtBrowser;
  watchlist: StoredItem<Watchlist>;
  settings(): Promise<Settings>;
  log: typeof changeLog;
  repaintToolbar(): Promise<void>;
  /** Show this offer to the publisher (the popup, focused on it). */
  openOffer(offerId: string): Promise<void>;
  now(): number;
}

/**
 * The watchlist's side effects: after a good refresh, the warnings the watch rules
 * (lib/changes/watch.ts) ask for become browser notifications — when the publisher allowed
 * them — and the toolbar counts the changes to watched things until the Changes view is opened.
 */
export function createWatching(deps: WatchingDeps) {
  const { browser, log } = deps;

  async function notify(alerts: WatchAlert[]): Promise<void> {
    const allowed = await hasNotificationsPermission(browser.permissions);
    if (!allowed || !browser.notifications) return;
    const iconUrl = browser.runtime.getURL('/icons/128.png' as '/');
    for (const alert of alerts) {
      await browser.notifications
        .create(`${NOTIFICATION_PREFIX}${encodeURIComponent(alert.offerId)}|${alert.key}`, {
          type: 'basic',
          iconUrl,
          title: alert.title,
          message: alert.message,
        })
        .catch((error: unknown) => console.warn('Offer Lens: a notification failed', error));
    }
  }

  /** The Changes view was opened: the toolbar stops counting what the publisher has now seen. */
  async function clearCount(): Promise<void> {
    if ((await log.loadWatchedUnseen()) === 0) return;
    await log.saveWatchedUnseen(0);
    await deps.repaintToolbar();
  }

  /** A notification of ours was clicked: show its offer. */
  async function onNotificationClicked(notificationId: string): Promise<void> {
    if (!notificationId.startsWith(NOTIFICATION_PREFIX)) return;
    const offerId = decodeURIComponent(notificationId.slice(NOTIFICATION_PREFIX.length).split('|')[0] ?? '');
    await browser.notifications.clear(notificationId).catch(() => undefined);
    if (offerId) await deps.openOffer(offerId);
  }

  /**
   * The Changes view's first screen, made anew for the log and the watchlist as they are now. A
   * failure only costs the view its head start (a screen that no longer matches the log is not used).
   */
  let rewriting: Promise<void> = Promise.resolve();
  function rewriteChangesScreen(written: readonly ChangeRecord[] = []): Promise<void> {
    // One at a time, each reading the log as it is when it starts: the last written is the newest.
    rewriting = rewriting.then(async () => {
      await writeChangesFirstScreen(log, await deps.watchlist.getValue(), written).catch((error: unknown) =>
        console.warn('Offer Lens: the Changes view’s first screen was not written', error),
      );
    });
    return rewriting;
  }

  const handlers = {
    /** "Mark all seen": everything up to `upTo` is seen, and the toolbar count goes. */
    async markChangesSeen({ upTo }) {
      if (upTo > (await log.loadSeenId())) {
        await log.markSeen(upTo);
        await rewriteChangesScreen();
      }
      await clearCount();
      return { ok: true as const };
    },
    /** The Changes view was opened: the toolbar stops counting what the publisher has now seen. */
    async changesViewed() {
      await clearCount();
      return { ok: true as const };
    },
  } satisfies Partial<Handlers>;

  let listeningToNotifications = false;
  /** The notifications API appears once its (optional) permission is granted. */
  function listenToNotifications(): void {
    if (!browser.notifications || listeningToNotifications) return;
    listeningToNotifications = true;
    browser.notifications.onClicked.addListener((id) => void onNotificationClicked(id));
  }

  return {
    handlers,
    onNotificationClicked,
    rewriteChangesScreen,
    listen(): void {
      listenToNotifications();
      // Another watchlist marks and orders other rows first: the screen made with the old one is not used.
      deps.watchlist.watch(() => void rewriteChangesScreen());
      browser.permissions.onAdded?.addListener(listenToNotifications);
    },

    /** After a good refresh: raise the warnings and count the changes to watched things. */
    async afterRefresh(records: ChangeRecord[], offers: Offer[]): Promise<WatchAlert[]> {
      const now = deps.now();
      const [watchlist, settings, sent] = await Promise.all([
        deps.watchlist.getValue(),
        deps.settings(),
        log.loadAlertsSent(),
      ]);
      if (watchlist.offers.length === 0 && watchlist.apps.length === 0) return [];
      const alerts = watchAlerts({ records, offers, watchlist, settings, sent, now });
      const watchedChanges = records.filter((r) => isWatched(watchlist, recordKey(r), r.appKey)).length;
      const expiring = alerts.filter((a) => a.key.startsWith('expiry:')).length;
      if (alerts.length) {
        const kept = Object.fromEntries(Object.entries(sent).filter(([, at]) => now - at < SENT_KEPT_MS));
        for (const alert of alerts) kept[alert.key] = now;
        await log.saveAlertsSent(kept);
      }
      if (watchedChanges + expiring > 0) {
        await log.saveWatchedUnseen((await log.loadWatchedUnseen()) + watchedChanges + expiring);
        await deps.repaintToolbar();
      }
      await notify(alerts);
      return alerts;
    },
  };
}
