import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Watchlist } from '../../lib/changes/watch';
import { sendMessage } from '../../lib/messaging/client';
import {
  type SurfaceStart,
  sameValue,
  settingsItem,
  settingsMirror,
  statusItem,
  summaryItem,
} from '../../lib/storage/items';
import { useAsyncEffect } from '../use-async-effect';
import { useStorageItem } from '../use-storage-item';
import { useDemo } from './use-demo';
import { useFocusedOffer } from './use-focused-offer';
import { useOfferFacts } from './use-offer-facts';
import { useOfferSearch } from './use-offer-search';
import { useOfferSource } from './use-offer-source';
import { useSurfaceStart } from './use-surface-start';

export type OffersData = ReturnType<typeof useOffers>;

/**
 * Everything an offers surface (popup, side panel, page) loads and does, by concern: the feed's
 * state and settings here; the networks and currency offers are shown in, the demo, the offer
 * source, the search and the detail in their own hooks; and where the surface starts.
 */
export function useOffers(watchlist: Watchlist | undefined, start?: SurfaceStart) {
  const summary = useStorageItem(summaryItem);
  const status = useStorageItem(statusItem);
  const settings = useStorageItem(settingsItem);
  // What the rows are painted with until the settings are read (a display currency, a sub ID
  // warning); what acts on the settings — a link copied, an export — waits for `settings`.
  const [mirrored] = useState(() => settingsMirror.peek());
  useEffect(() => {
    if (settings) settingsMirror.keep(settings);
  }, [settings]);
  // The copy itself while the settings read are the same (the rows are not drawn again for them).
  const paintSettings = useMemo(
    () => (settings && mirrored && sameValue(settings, mirrored) ? mirrored : (settings ?? mirrored)),
    [settings, mirrored],
  );
  const facts = useOfferFacts(paintSettings);
  const demo = useDemo(summary);
  const offers = useOfferSource(summary?.fetchedAt);
  const search = useOfferSearch(offers, summary, watchlist, facts.networks.searchNames);
  const detail = useFocusedOffer(offers.source);
  useSurfaceStart(start, summary !== undefined, search.change, detail.open);

  // Only a surface with no offers at all needs to know whether a key is set.
  const [keyInfo, setKeyInfo] = useState<{ hasKey: boolean } | null>(null);
  useAsyncEffect(
    () => (summary === null ? sendMessage('apiKeyInfo', {}).catch(() => ({ hasKey: false })) : undefined),
    setKeyInfo,
    [summary],
  );

  return {
    summary,
    status,
    settings,
    paintSettings,
    keyInfo,
    facts,
    demo,
    source: offers.source,
    search,
    detail,
    refresh: () => sendMessage('refresh', {}).catch(() => undefined),
    tryDemo: () => sendMessage('loadDemo', {}).catch(() => undefined),
  };
}
