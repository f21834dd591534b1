import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { isWatched, setWatched, type WatchTarget } from '../lib/changes/watch';
import type { Offer } from '../lib/offer';
import { watchlistItem } from '../lib/storage/items';
import { storeKey } from '../lib/store-url';
import { useStorageItem } from './use-storage-item';

/** Why Offer Lens asks to show notifications, said beside the browser's question. */
export const NOTIFICATIONS_WHY =
  'Offer Lens warns you with a notification when a watched offer goes, its payout drops, a cap is cut, a watched country is removed, it expires within 48 h, or a watched app gets a new offer.';

/** The watchlist for extension pages: what is watched, and the star's toggle. */
export function useWatchlist() {
  const watchlist = useStorageItem(watchlistItem);
  const [notificationsAllowed, setNotificationsAllowed] = useState<boolean | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void Promise.resolve()
      .then(() => browser.permissions.contains({ permissions: ['notifications'] }))
      .then(setNotificationsAllowed, () => setNotificationsAllowed(false));
  }, []);

  return {
    watchlist,
    notificationsAllowed,
    notice,
    isOfferWatched: (offer: Offer) =>
      !!watchlist && isWatched(watchlist, offer.id, offer.store ? storeKey(offer.store) : null),
    isAppWatched: (offer: Offer) => !!watchlist && !!offer.store && watchlist.apps.includes(storeKey(offer.store)),
    /** Ask for the notification permission (inside a click). */
    allowNotifications(): void {
      void browser.permissions
        .request({ permissions: ['notifications'] })
        .then(setNotificationsAllowed)
        .catch(() => undefined);
    },
    /** Runs inside the click: the permission question must come from the publisher's gesture. */
    toggle(target: WatchTarget, on: boolean): void {
      if (on && notificationsAllowed === false) {
        setNotice(NOTIFICATIONS_WHY);
        void browser.permissions
          .request({ permissions: ['notifications'] })
          .then((granted) => {
            setNotificationsAllowed(granted);
            setNotice(granted ? null : 'Watching. Without notifications, watched changes show in the Changes view.');
          })
          .catch(() => undefined);
      }
      void watchlistItem.getValue().then(async (current) => {
        const next = setWatched(current, target, on);
        if (!next) setNotice('Your watchlist is full: stop watching something first.');
        else await watchlistItem.setValue(next);
      });
    },
  };
}
