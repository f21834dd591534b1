import { browser } from 'wxt/browser';
import { t, tp } from '../../lib/i18n';
import type { Offer } from '../../lib/offer';
import type { Settings } from '../../lib/settings/defaults';
import { offerKey } from '../../lib/sources';
import { settingsItem, type TabOffer } from '../../lib/storage/items';
import { subIdStatus, trackingLinkFor } from '../../lib/tracking-link';
import { safeHttpUrl } from '../../lib/url';
import { downloadText } from '../download';
import { hasSidePanel, openSidePanel } from '../side-panel';
import { useCopy } from '../use-copy';
import type { useWatchlist } from '../use-watchlist';
import type { View } from './body';
import type { ExportFormat } from './ExportMenu';
import { loadExport } from './lazy-parts';
import type { useChanges } from './use-changes';
import type { OfferFacts } from './use-offer-facts';
import type { OfferSearch } from './use-offer-search';

/**
 * What the footer says after a copy: the demo's links lead nowhere of the publisher's, and a
 * link whose sub ID the offer refuses will not pay — a copy of either says so.
 */
function copiedText(name: string, isDemo: boolean, subIdRefused: boolean): string {
  if (subIdRefused) return t(isDemo ? 'offersToastCopiedDemoSubIdRefused' : 'offersToastCopiedSubIdRefused', { name });
  return t(isDemo ? 'offersToastCopiedDemo' : 'offersToastCopied', { name });
}

interface Deps {
  view: View;
  settings: Settings | undefined;
  facts: OfferFacts;
  isDemo: boolean;
  search: OfferSearch;
  changes: ReturnType<typeof useChanges>;
  watch: ReturnType<typeof useWatchlist>;
  copy: (text: string) => Promise<void>;
  say: (text: string) => void;
}

/** What an offers surface does on the publisher's clicks and keys, each said in the footer. */
export function useOfferActions({ view, settings, facts, isDemo, search, changes, watch, copy, say }: Deps) {
  const { copy: copyToClipboard } = useCopy(copy);
  return {
    async copyLink(offer: Offer): Promise<void> {
      // Pressed as the rows are painted (from copies) and before the settings are read: with the
      // settings in force, read now — never the painted copy, and never a key press lost.
      const inForce = settings ?? (await settingsItem.getValue());
      if (!(await copyToClipboard(trackingLinkFor(offer, inForce)))) {
        say(t('offersToastCopyFailed'));
        return;
      }
      say(copiedText(offer.name, isDemo, subIdStatus(offer, inForce.subId) !== 'ok'));
    },
    async copyTabOffer(offer: TabOffer): Promise<void> {
      const copied = await copyToClipboard(safeHttpUrl(offer.trackingLink));
      say(copied ? copiedText(offer.name, isDemo, false) : t('offersToastCopyFailed'));
    },
    /** The list the view shows, all of it (not only the rows loaded), as a file. */
    async exportView(format: ExportFormat): Promise<void> {
      const inForce = settings ?? (await settingsItem.getValue());
      const at = Date.now();
      const csv = format === 'csv';
      const type = csv ? 'text/csv;charset=utf-8' : 'application/json';
      const shownFormat = format.toUpperCase();
      const rules = loadExport();
      if (view === 'offers') {
        const [list, { exportFileName, offersCsv, offersJson }] = await Promise.all([search.allMatches(), rules]);
        const networkOf = facts.networks.nameOf;
        const text = csv ? offersCsv(list, inForce, networkOf) : offersJson(list, inForce, at, networkOf);
        downloadText(exportFileName('offers', format, at), text, type);
        say(tp('offersToastExportedOffers', list.length, { format: shownFormat }));
      } else {
        const [list, { changesCsv, changesJson, exportFileName }] = await Promise.all([changes.all(), rules]);
        downloadText(exportFileName('changes', format, at), csv ? changesCsv(list) : changesJson(list, at), type);
        say(tp('offersToastExportedChanges', list.length, { format: shownFormat }));
      }
    },
    toggleWatch(offer: Offer): void {
      const on = !watch.watchlist?.offers.includes(offerKey(offer));
      watch.toggle({ offerId: offerKey(offer) }, on);
      say(t(on ? 'offersToastWatching' : 'offersToastStoppedWatching', { name: offer.name }));
    },
    openSettings: () => void browser.runtime.openOptionsPage(),
    /** Null where the browser has no side panel. Opened inside the click; the popup then closes. */
    openSidePanel: hasSidePanel() ? () => void openSidePanel().then((opened) => opened && window.close()) : null,
  };
}
