import { useCallback, useState } from 'preact/hooks';
import { notificationsWhy } from '../lib/changes/notifications';
import { isWatched, setWatched, type WatchTarget, watchlistFullText } from '../lib/changes/watch';
import { t } from '../lib/i18n';
import type { Offer } from '../lib/offer';
import { offerKey } from '../lib/sources';
import { watchlistItem } from '../lib/storage/items';
import { storeKey } from '../lib/store-url';
import { useNotificationsPermission } from './use-notifications';
import { useStorageItem } from './use-storage-item';

/** Why Offer Lens asks to show notifications (its home is lib/changes/notifications.ts). */
export { notificationsWhy };

/** The watchlist for extension pages: what is watched, and the star's toggle. */
export function useWatchlist() {
  const watchlist = useStorageItem(watchlistItem);
  const notifications = useNotificationsPermission();
  const [notice, setNotice] = useState<string | null>(null);
  // One function while the watchlist is the same: the offers list is drawn again only when it changes.
  const isOfferWatched = useCallback(
    (offer: Offer) => !!watchlist && isWatched(watchlist, offerKey(offer), offer.store ? storeKey(offer.store) : null),
    [watchlist],
  );

  return {
    watchlist,
    notificationsAllowed: notifications.allowed,
    notice,
    isOfferWatched,
    isAppWatched: (offer: Offer) => !!watchlist && !!offer.store && watchlist.apps.includes(storeKey(offer.store)),
    /** Ask for the notification permission (inside a click). */
    allowNotifications(): void {
      void notifications.ask();
    },
    /** Runs inside the click: the permission question must come from the publisher's gesture. */
    toggle(target: WatchTarget, on: boolean): void {
      if (on && notifications.allowed === false) {
        setNotice(notificationsWhy());
        void notifications.ask().then((granted) => setNotice(granted ? null : t('offersWatchingWithoutNotifications')));
      }
      void watchlistItem.getValue().then(async (current) => {
        const next = setWatched(current, target, on);
        if (!next) setNotice(watchlistFullText());
        else await watchlistItem.setValue(next);
      });
    },
  };
}
