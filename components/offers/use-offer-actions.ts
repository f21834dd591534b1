import { browser } from 'wxt/browser';
import { changesCsv, changesJson, exportFileName, offersCsv, offersJson } from '../../lib/export';
import { countText } from '../../lib/format';
import type { Offer } from '../../lib/offer';
import type { Settings } from '../../lib/settings/defaults';
import { offerKey } from '../../lib/sources';
import type { TabOffer } from '../../lib/storage/items';
import { subIdStatus, trackingLinkFor } from '../../lib/tracking-link';
import { safeHttpUrl } from '../../lib/url';
import { downloadText } from '../download';
import { hasSidePanel, openSidePanel } from '../side-panel';
import { useCopy } from '../use-copy';
import type { useWatchlist } from '../use-watchlist';
import type { View } from './body';
import type { ExportFormat } from './ExportMenu';
import type { useChanges } from './use-changes';
import type { OfferFacts } from './use-offer-facts';
import type { OfferSearch } from './use-offer-search';

/** What the footer says after an action (one place, for the translations to come). */
const SAID = {
  copied: (name: string) => `Copied the tracking link of ${name}`,
  subIdRefused: ' (⚠ your sub ID is not accepted by it)',
  /** The demo's links lead nowhere of the publisher's: a copy of one says so. */
  demoLink: ' (demo link)',
  copyFailed: 'Could not copy the link',
  exported: (what: string, format: ExportFormat) => `Exported ${what} as ${format.toUpperCase()}`,
  watching: (name: string) => `Watching ${name}`,
  stoppedWatching: (name: string) => `Stopped watching ${name}`,
};

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
  const demo = isDemo ? SAID.demoLink : '';
  return {
    async copyLink(offer: Offer): Promise<void> {
      if (!settings) return;
      if (!(await copyToClipboard(trackingLinkFor(offer, settings)))) {
        say(SAID.copyFailed);
        return;
      }
      say(SAID.copied(offer.name) + demo + (subIdStatus(offer, settings.subId) === 'ok' ? '' : SAID.subIdRefused));
    },
    async copyTabOffer(offer: TabOffer): Promise<void> {
      const copied = await copyToClipboard(safeHttpUrl(offer.trackingLink));
      say(copied ? SAID.copied(offer.name) + demo : SAID.copyFailed);
    },
    /** The list the view shows, all of it (not only the rows loaded), as a file. */
    async exportView(format: ExportFormat): Promise<void> {
      if (!settings) return;
      const at = Date.now();
      const csv = format === 'csv';
      const type = csv ? 'text/csv;charset=utf-8' : 'application/json';
      if (view === 'offers') {
        const list = await search.allMatches();
        const networkOf = facts.networks.nameOf;
        const text = csv ? offersCsv(list, settings, networkOf) : offersJson(list, settings, at, networkOf);
        downloadText(exportFileName('offers', format, at), text, type);
        say(SAID.exported(countText(list.length), format));
      } else {
        const list = await changes.all();
        downloadText(exportFileName('changes', format, at), csv ? changesCsv(list) : changesJson(list, at), type);
        say(SAID.exported(countText(list.length, 'change'), format));
      }
    },
    toggleWatch(offer: Offer): void {
      const on = !watch.watchlist?.offers.includes(offerKey(offer));
      watch.toggle({ offerId: offerKey(offer) }, on);
      say(on ? SAID.watching(offer.name) : SAID.stoppedWatching(offer.name));
    },
    openSettings: () => void browser.runtime.openOptionsPage(),
    /** Null where the browser has no side panel. Opened inside the click; the popup then closes. */
    openSidePanel: hasSidePanel() ? () => void openSidePanel().then((opened) => opened && window.close()) : null,
  };
}
