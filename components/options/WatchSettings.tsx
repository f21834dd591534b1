import { countText } from '../../lib/format';
import { t, tp } from '../../lib/i18n';
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
        {t('optionsWatching', { offers: countText(watchedOffers), apps: tp('optionsWatchedApps', watchedApps) })}
      </p>
      {notificationsAllowed === false && (
        <div class="banner warn">
          {notificationsWhy()}{' '}
          <button type="button" class="btn" onClick={onAllow}>
            {t('optionsAllowNotifications')}
          </button>
        </div>
      )}
      {notificationsAllowed && <p class="muted">{t('optionsNotificationsOn')}</p>}
    </div>
  );
}
