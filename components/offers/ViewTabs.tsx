import { formatNumber, t } from '../../lib/i18n';
import type { View } from './body';

interface Props {
  view: View;
  unseenChanges: number;
  watching: boolean;
  onView: (view: View) => void;
  onWatching: (watching: boolean) => void;
}

/** Offers or Changes (with the count of unseen changes), and the Watching filter beside them. */
export function ViewTabs({ view, unseenChanges, watching, onView, onWatching }: Props) {
  return (
    <div class="views">
      <div role="tablist" aria-label={t('offersViews')}>
        <button type="button" role="tab" aria-selected={view === 'offers'} onClick={() => onView('offers')}>
          {t('offersTabOffers')}
        </button>
        <button type="button" role="tab" aria-selected={view === 'changes'} onClick={() => onView('changes')}>
          {t('offersTabChanges')}
          {unseenChanges > 0 && <span class="count">{formatNumber(unseenChanges)}</span>}
        </button>
      </div>
      <button
        type="button"
        class={watching ? 'watching-filter on' : 'watching-filter'}
        aria-pressed={watching}
        onClick={() => onWatching(!watching)}
      >
        {t('offersWatchingFilter')}
      </button>
    </div>
  );
}
