import { useState } from 'preact/hooks';
import type { Settings } from '../../lib/settings/defaults';
import { offerKey } from '../../lib/sources';
import { type TabOffer, type TabOffers, tabOffersItem } from '../../lib/storage/items';
import type { OfferSource } from '../../lib/storage/offer-source';
import { payoutText } from '../../lib/surfaces/offer-facts';
import { trackingLinkFor } from '../../lib/tracking-link';
import { useAsyncEffect } from '../use-async-effect';
import { useStorageItem } from '../use-storage-item';
import { lookBesideEarly, useActiveStoreTab } from './use-active-tab';
import type { OfferFacts } from './use-offer-facts';

/** How many of the page's offers are matched here when the background has not (the panel shows 5, then "All N"). */
const MATCHED_MAX = 10;

export interface PageOffers {
  url: string;
  offers: TabOffer[];
}

/** What the background kept of each tab's offers, read as the page starts (its answer once there). */
let earlyTabOffers: TabOffers | undefined;

/**
 * The side panel's start: the tab beside and what the background kept for it are asked for
 * before the first render, which waits for them (at most a moment), so "On this page" is in the
 * first frame instead of after two rounds of effects and reads.
 */
export function prepareOnThisPage(waitMs = 100): Promise<unknown> {
  const kept = tabOffersItem.getValue().then(
    (value) => {
      earlyTabOffers = value;
    },
    () => undefined,
  );
  const ready = Promise.all([lookBesideEarly(), kept]);
  return Promise.race([ready, new Promise((resolve) => setTimeout(resolve, waitMs))]);
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
  facts: OfferFacts,
): PageOffers | null {
  const beside = useActiveStoreTab(enabled);
  const tabOffers = useStorageItem(tabOffersItem) ?? earlyTabOffers;
  const [matched, setMatched] = useState<PageOffers | null>(null);
  const known = beside ? tabOffers?.[beside.tabId] : undefined;
  const isKnown = !!beside && known?.url === beside.url;

  useAsyncEffect(
    () => {
      if (!beside || !source || !settings || isKnown) return undefined;
      return source.forStorePage(beside.url, settings.country || null, Date.now()).then((found) => ({
        url: beside.url,
        // As the background writes them for the badge: by offer key, with network and equivalent.
        offers: found.slice(0, MATCHED_MAX).map((offer) => ({
          id: offerKey(offer),
          name: offer.name,
          platform: offer.platform,
          geos: offer.geos,
          payout: offer.payout,
          trackingLink: trackingLinkFor(offer, settings),
          network: facts.networks.nameOf(offer),
          equivalent: payoutText(offer.payout, facts.displayCurrency, facts.rates).equivalent,
        })),
      }));
    },
    setMatched,
    [beside, source, settings, isKnown, facts],
  );

  if (isKnown && known) return known;
  return matched && matched.url === beside?.url ? matched : null;
}
