import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/defaults';
import { type TabOffer, tabOffersItem, toTabOffer } from '../../lib/storage/items';
import type { OfferSource } from '../../lib/storage/offer-source';
import { trackingLinkFor } from '../../lib/tracking-link';
import { useAsyncEffect } from '../use-async-effect';
import { useStorageItem } from '../use-storage-item';
import { useActiveStoreTab } from './use-active-tab';

/** How many of the page's offers are matched here when the background has not (the panel shows 5, then "All N"). */
const MATCHED_MAX = 10;

export interface PageOffers {
  url: string;
  offers: TabOffer[];
}

/**
 * The side panel's "On this page": the offers of the store app page in the tab beside it. What
 * the background matched for that tab's badge, at once; else (badges off, a tab from before the
 * install) matched here from the stored offers. Null when the tab beside is no store page.
 */
export function useOnThisPage(
  enabled: boolean,
  source: OfferSource | null,
  settings: Settings | undefined,
): PageOffers | null {
  const beside = useActiveStoreTab(enabled);
  const tabOffers = useStorageItem(tabOffersItem);
  const [matched, setMatched] = useState<PageOffers | null>(null);
  const known = beside ? tabOffers?.[beside.tabId] : undefined;
  const isKnown = !!beside && known?.url === beside.url;

  useAsyncEffect(
    () => {
      if (!beside || !source || !settings || isKnown) return undefined;
      return source.forStorePage(beside.url, settings.country || null, Date.now()).then((found) => ({
        url: beside.url,
        offers: found
          .slice(0, MATCHED_MAX)
          .map((offer) => toTabOffer({ ...offer, trackingLink: trackingLinkFor(offer, settings) })),
      }));
    },
    setMatched,
    [beside, source, settings, isKnown],
  );

  if (isKnown && known) return known;
  return matched && matched.url === beside?.url ? matched : null;
}
