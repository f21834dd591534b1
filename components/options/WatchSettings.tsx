import { notificationsWhy } from '../use-watchlist';

interface Props {
  watchedOffers: number;
  watchedApps: number;
  notificationsAllowed: boolean | null;
  onAllow: () => void;
}

/** What is watched, and whether warnings can reach the publisher as notifications. */
export function WatchSettings({ watchedOffers, watchedApps, notificationsAllowed, onAllow }: Props) {
  return (
    <div class="watch-settings">
      <p class="muted">
        Watching {watchedOffers} offer{watchedOffers === 1 ? '' : 's'} and {watchedApps} app
        {watchedApps === 1 ? '' : 's'} (the star in the popup, the offer detail and the store-page badge).
      </p>
      {notificationsAllowed === false && (
        <div class="banner warn">
          {notificationsWhy()}{' '}
          <button type="button" class="btn" onClick={onAllow}>
            Allow notifications
          </button>
        </div>
      )}
      {notificationsAllowed && <p class="muted">✓ Notifications are on.</p>}
    </div>
  );
}
