import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { Offer } from '../../lib/offer';
import type { Settings } from '../../lib/settings/defaults';
import { offerKey } from '../../lib/sources';
import { payoutText } from '../../lib/surfaces/offer-facts';
import { subIdStatus } from '../../lib/tracking-link';
import { optionId } from './body';
import { OfferRow } from './OfferRow';
import type { OfferFacts } from './use-offer-facts';
import { useVirtualList } from './use-virtual-list';

/** The one place a result row's height is set (rows get it inline; the CSS does not set it). */
const ROW_HEIGHT = 54;

interface Props {
  offers: Offer[];
  selected: number;
  now: number;
  settings: Settings | undefined;
  facts: OfferFacts;
  /** Sorted by expiry: rows say their expiry dates. */
  showExpiry: boolean;
  isWatched: (offer: Offer) => boolean;
  onOpen: (index: number) => void;
  onToggleWatch: (offer: Offer) => void;
  /** Near the end of what is loaded: load more. */
  onNearEnd: () => void;
  /** Lets the search box scroll the list to the selected row. */
  scrollTo: { current: ((index: number) => void) | null };
}

/** The search results, virtualised: only the visible rows are in the DOM. */
export function OfferList({
  offers,
  selected,
  now,
  settings,
  facts,
  showExpiry,
  isWatched,
  onOpen,
  onToggleWatch,
  onNearEnd,
  scrollTo,
}: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const list = useVirtualList(offers.length, ROW_HEIGHT, () => listRef.current);
  scrollTo.current = list.scrollToIndex;
  const lastShown = list.items[list.items.length - 1]?.index;
  const { networks, displayCurrency, rates } = facts;
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked once per new last row, not on every render (onNearEnd is a new function each time)
  useEffect(() => {
    if (lastShown !== undefined && lastShown >= offers.length - 10) onNearEnd();
  }, [lastShown, offers.length]);

  const spacerStyle = `height:${list.totalSize}px`;
  return (
    <ul id="results" class="results" role="listbox" aria-label={t('offersList')} ref={listRef} tabIndex={-1}>
      <li class="spacer" role="presentation" style={spacerStyle} />
      {list.items.map((item) => {
        const offer = offers[item.index] as Offer;
        const rowStyle = `transform:translateY(${item.start}px);height:${ROW_HEIGHT}px`;
        return (
          <OfferRow
            key={offerKey(offer)}
            id={optionId('offers', item.index)}
            offer={offer}
            now={now}
            selected={item.index === selected}
            watched={isWatched(offer)}
            subIdWarning={!!settings && subIdStatus(offer, settings.subId) !== 'ok'}
            payout={payoutText(offer.payout, displayCurrency, rates)}
            network={networks.isMixed ? { label: networks.labelOf(offer), name: networks.nameOf(offer) } : null}
            showExpiry={showExpiry}
            style={rowStyle}
            onOpen={() => onOpen(item.index)}
            onToggleWatch={() => onToggleWatch(offer)}
          />
        );
      })}
    </ul>
  );
}
