import type { ChangeRecord } from '../../lib/changes/log';
import type { Offer } from '../../lib/offer';
import type { Settings } from '../../lib/settings/defaults';
import type { Body } from './body';
import { type ChangeListRow, ChangesView } from './ChangesView';
import { CheckAll } from './CheckAll';
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
  /** What Check links checks, in words ("listed offers"). */
  checkWhat: string;
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

/** What fills a surface under its search bar: the list, the Changes view, Check links, or why there is nothing. */
export function OffersBody({ body, offers, changes, changeRows, selected, now, settings, scrollTo, ...props }: Props) {
  const { on } = props;
  switch (body) {
    case 'connect':
      return (
        <div class="empty">
          <h2>Connect your CarrierAppTraffic account</h2>
          <p class="muted">Paste your API key in the settings, or look around with demo offers first.</p>
          <div class="row center">
            <button type="button" class="btn primary" onClick={on.openSettings}>
              Open settings
            </button>
            <button type="button" class="btn" onClick={on.tryDemo}>
              Try with demo data
            </button>
          </div>
        </div>
      );
    case 'check-all':
      return <CheckAll offers={offers} what={props.checkWhat} onClose={on.closeCheckAll} />;
    case 'changes':
      return (
        <ChangesView
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
          <p>The feed has no active offers for your account right now.</p>
        </div>
      );
    case 'no-app-offers':
      return (
        <div class="empty">
          <p>No offers for this app.</p>
          <button type="button" class="btn" onClick={on.showAllApps}>
            Show all apps
          </button>
        </div>
      );
    case 'nothing-watched':
      return (
        <div class="empty">
          <p>You watch nothing yet: open an offer and press ☆ Watch, or click a row's star.</p>
        </div>
      );
    case 'no-match':
      return (
        <div class="empty">
          <p>No offers match.</p>
          <button type="button" class="btn" onClick={on.clearSearch}>
            Clear search and filters
          </button>
        </div>
      );
    case 'list':
      return (
        <OfferList
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
