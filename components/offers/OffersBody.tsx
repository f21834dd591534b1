import type { ChangeRecord } from '../../lib/changes/log';
import { t } from '../../lib/i18n';
import type { Offer } from '../../lib/offer';
import type { Settings } from '../../lib/settings/defaults';
import { pure } from '../pure';
import type { Body } from './body';
import type { ChangeListRow } from './ChangesView';
import { ChangesViewPart, CheckAllPart } from './lazy-parts';
import { OfferList } from './OfferList';
import type { ChangesState } from './use-changes';
import type { OfferFacts } from './use-offer-facts';

interface Props {
  body: Body;
  offers: Offer[];
  changes: ChangesState;
  changeRows: ChangeListRow[];
  selected: number;
  now: number;
  settings: Settings | undefined;
  facts: OfferFacts;
  /** Sorted by expiry: rows say their expiry dates. */
  showExpiry: boolean;
  /** Check links checks the watched offers (the Watching filter), not the listed ones. */
  checkWatched: boolean;
  scrollTo: { current: ((index: number) => void) | null };
  isWatched: (offer: Offer) => boolean;
  on: {
    openSettings: () => void;
    tryDemo: () => void;
    showAllApps: () => void;
    clearSearch: () => void;
    closeCheckAll: () => void;
    /** A row clicked: chosen and opened. */
    openOffer: (index: number) => void;
    openChange: (change: ChangeRecord) => void;
    selectChange: (index: number) => void;
    markAllSeen: () => void;
    toggleWatch: (offer: Offer) => void;
    loadMore: () => void;
  };
}

/** The list, drawn again only when its rows' data changes (not for every render of the surface). */
const Rows = pure(OfferList);

/** What fills a surface under its search bar: the list, the Changes view, Check links, or why there is nothing. */
export function OffersBody({ body, offers, changes, changeRows, selected, now, settings, scrollTo, ...props }: Props) {
  const { on } = props;
  switch (body) {
    case 'connect':
      return (
        <div class="empty">
          <h2>{t('offersConnectTitle')}</h2>
          <p class="muted">{t('offersConnectHint')}</p>
          <div class="row center">
            <button type="button" class="btn primary" onClick={on.openSettings}>
              {t('offersOpenSettings')}
            </button>
            <button type="button" class="btn" onClick={on.tryDemo}>
              {t('offersTryDemo')}
            </button>
          </div>
        </div>
      );
    case 'check-all':
      return <CheckAllPart.Component offers={offers} watched={props.checkWatched} onClose={on.closeCheckAll} />;
    case 'changes':
      return (
        <ChangesViewPart.Component
          state={changes}
          rows={changeRows}
          selected={selected}
          now={now}
          onOpen={on.openChange}
          onSelect={on.selectChange}
          onMarkAllSeen={on.markAllSeen}
          scrollTo={scrollTo}
        />
      );
    case 'feed-empty':
      return (
        <div class="empty">
          <p>{t('offersFeedEmpty')}</p>
        </div>
      );
    case 'no-app-offers':
      return (
        <div class="empty">
          <p>{t('offersNoAppOffers')}</p>
          <button type="button" class="btn" onClick={on.showAllApps}>
            {t('offersShowAllApps')}
          </button>
        </div>
      );
    case 'nothing-watched':
      return (
        <div class="empty">
          <p>{t('offersNothingWatched')}</p>
        </div>
      );
    case 'no-match':
      return (
        <div class="empty">
          <p>{t('offersNoMatch')}</p>
          <button type="button" class="btn" onClick={on.clearSearch}>
            {t('offersClearSearch')}
          </button>
        </div>
      );
    case 'list':
      return (
        <Rows
          offers={offers}
          selected={selected}
          now={now}
          settings={settings}
          facts={props.facts}
          showExpiry={props.showExpiry}
          isWatched={props.isWatched}
          onOpen={on.openOffer}
          onToggleWatch={on.toggleWatch}
          onNearEnd={on.loadMore}
          scrollTo={scrollTo}
        />
      );
  }
}
