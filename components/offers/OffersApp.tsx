import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { ChangeRecord } from '../../lib/changes/log';
import { changesCsv, changesJson, exportFileName, offersCsv, offersJson } from '../../lib/export';
import { countText } from '../../lib/format';
import type { Offer } from '../../lib/offer';
import { describeStatus, EMPTY_STATUS } from '../../lib/refresh/status';
import { DEFAULT_SEARCH_STATE } from '../../lib/search/query';
import { type SurfaceStart, type TabOffer, tabOffersItem, toTabOffer } from '../../lib/storage/items';
import { parseStoreUrl, storeKey, storeKeyLabel } from '../../lib/store-url';
import { subIdStatus, trackingLinkFor } from '../../lib/tracking-link';
import { safeHttpUrl } from '../../lib/url';
import { downloadText } from '../download';
import { StatusLine } from '../StatusLine';
import { hasSidePanel, openSidePanel } from '../side-panel';
import { useCopy } from '../use-copy';
import { useNow, useStorageItem } from '../use-storage-item';
import { useWatchlist } from '../use-watchlist';
import { ChangesView, changeListRows } from './ChangesView';
import { CheckAll } from './CheckAll';
import { type ExportFormat, ExportMenu } from './ExportMenu';
import { Filters } from './Filters';
import { OfferDetail } from './OfferDetail';
import { OfferList } from './OfferList';
import { OnThisPage } from './OnThisPage';
import { useActiveStoreTab } from './use-active-tab';
import { useChanges } from './use-changes';
import { useOffers } from './use-offers';

type View = 'offers' | 'changes';

/** Where the offers are shown: the same components, laid out for the room each surface has. */
export type Surface = 'popup' | 'panel' | 'page';

interface Props {
  surface?: Surface;
  /** What to open on (the page surface's URL); the popup reads what was left for it instead. */
  start?: SurfaceStart;
  copy?: (text: string) => Promise<void>;
}

export function OffersApp({ surface = 'popup', start, copy = copyText }: Props) {
  const watch = useWatchlist();
  const app = useOffers(watch.watchlist, start);
  const now = useNow();
  const [view, setView] = useState<View>('offers');
  const [selected, setSelected] = useState(0);
  const [checkingAll, setCheckingAll] = useState(false);
  const [toast, setToast] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollTo = useRef<((index: number) => void) | null>(null);
  const { copy: copyToClipboard } = useCopy(copy);
  const changes = useChanges(app.search, view === 'changes', app.summary?.fetchedAt ?? null);
  const changeRows = useMemo(
    () => changeListRows(changes.changes, changes.unseen, changes.showingEarlier),
    [changes.changes, changes.unseen, changes.showingEarlier],
  );
  const offers = app.results?.offers ?? [];
  const count = view === 'offers' ? offers.length : changeRows.length;
  const beside = useActiveStoreTab(surface === 'panel');
  const tabOffers = useStorageItem(tabOffersItem);
  const [matched, setMatched] = useState<{ url: string; offers: TabOffer[] } | null>(null);
  const known = beside ? tabOffers?.[beside.tabId] : undefined;
  // The side panel's "On this page": what the background matched for that tab's badge, at once;
  // else (badges off, a tab from before the install) matched here from the stored offers.
  const onPage = beside && known?.url === beside.url ? known : matched?.url === beside?.url ? matched : null;
  useEffect(() => {
    const source = app.source;
    const settings = app.settings;
    if (!beside || !source || !settings || (known && known.url === beside.url)) return;
    let live = true;
    source.forStorePage(beside.url, settings.country || null, Date.now()).then(
      (found) =>
        live &&
        setMatched({
          url: beside.url,
          offers: found
            .slice(0, 10)
            .map((offer) => toTabOffer({ ...offer, trackingLink: trackingLinkFor(offer, settings) })),
        }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [beside, app.source, app.settings, known?.url]);

  // A new search, or the other view, starts the selection at the top again.
  useEffect(() => setSelected(view === 'changes' ? 1 : 0), [app.search, view]);
  useEffect(() => {
    if (!app.focused) searchRef.current?.focus();
  }, [app.focused]);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(''), 2500);
    return () => clearTimeout(timer);
  }, [toast]);

  const status = describeStatus(app.status ?? EMPTY_STATUS, app.summary ?? null, now);
  const settings = app.settings;

  async function copyLink(offer: Offer) {
    if (!settings) return;
    if (!(await copyToClipboard(trackingLinkFor(offer, settings)))) {
      setToast('Could not copy the link');
      return;
    }
    const warning = subIdStatus(offer, settings.subId) === 'ok' ? '' : ' (⚠ your sub ID is not accepted by it)';
    setToast(`Copied the tracking link of ${offer.name}${warning}`);
  }

  async function copyTabOffer(offer: TabOffer) {
    const ok = await copyToClipboard(safeHttpUrl(offer.trackingLink));
    setToast(ok ? `Copied the tracking link of ${offer.name}` : 'Could not copy the link');
  }

  async function exportView(format: ExportFormat) {
    if (!settings) return;
    const at = Date.now();
    const csv = format === 'csv';
    const type = csv ? 'text/csv;charset=utf-8' : 'application/json';
    if (view === 'offers') {
      const list = await app.allMatches();
      const text = csv ? offersCsv(list, settings) : offersJson(list, settings, at);
      downloadText(exportFileName('offers', format, at), text, type);
      setToast(`Exported ${countText(list.length)} as ${format.toUpperCase()}`);
    } else {
      const list = await changes.all();
      downloadText(exportFileName('changes', format, at), csv ? changesCsv(list) : changesJson(list, at), type);
      setToast(`Exported ${countText(list.length, 'change')} as ${format.toUpperCase()}`);
    }
  }

  function showAllApps() {
    if (app.search) app.changeSearch({ ...app.search, app: null });
  }

  function toggleWatch(offer: Offer) {
    const on = !watch.watchlist?.offers.includes(offer.id);
    watch.toggle({ offerId: offer.id }, on);
    setToast(on ? `Watching ${offer.name}` : `Stopped watching ${offer.name}`);
  }

  function openChange(change: ChangeRecord) {
    void app.openOffer(change.offerId);
  }

  function move(by: number) {
    let index = Math.max(0, Math.min(count - 1, selected + by));
    // Group headers are not choices: step over them.
    if (view === 'changes' && changeRows[index]?.type === 'header')
      index = Math.min(count - 1, index + (by < 0 ? -1 : 1));
    if (view === 'changes' && changeRows[index]?.type === 'header') index = selected;
    setSelected(index);
    scrollTo.current?.(index);
  }

  function onKeyDown(e: KeyboardEvent) {
    const offer = view === 'offers' ? offers[selected] : undefined;
    const row = view === 'changes' ? changeRows[selected] : undefined;
    if (e.key === 'ArrowDown') move(1);
    else if (e.key === 'ArrowUp') move(-1);
    else if (e.key === 'PageDown') move(8);
    else if (e.key === 'PageUp') move(-8);
    else if (e.key === 'Enter' && offer) app.showOffer(offer);
    else if (e.key === 'Enter' && row?.type === 'change') openChange(row.change);
    else if (e.key === 'Escape' && app.search?.query) app.typeQuery('');
    else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && offer && !hasTextSelection(e.currentTarget)) {
      void copyLink(offer);
    } else if (e.key.toLowerCase() === 's' && e.altKey && offer) toggleWatch(offer);
    else return;
    e.preventDefault();
  }

  const rootClass = `popup surface-${surface}`;
  if (app.focused && settings) {
    return (
      <div
        class={rootClass}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            app.showOffer(null);
          }
        }}
      >
        <OfferDetail
          offer={app.focused.offer}
          goneAt={app.focused.goneAt}
          settings={settings}
          now={now}
          watch={watch}
          onBack={() => app.showOffer(null)}
          onCopy={copy}
        />
      </div>
    );
  }

  const noKey = app.keyInfo && !app.keyInfo.hasKey && app.summary === null;
  // "N match" only means something against a loaded feed, and only while it differs from it.
  const matchCount =
    view === 'offers' && app.summary && app.results?.complete && app.results.total !== app.summary.offerCount
      ? app.results.total
      : null;
  const listId = view === 'offers' ? 'results' : 'changes';
  const activeId = view === 'offers' ? `offer-${selected}` : `change-${selected}`;
  return (
    <div class={rootClass}>
      <header class="search-bar">
        <input
          ref={searchRef}
          type="search"
          role="combobox"
          aria-label="Search offers"
          aria-controls={listId}
          aria-expanded={count > 0}
          aria-activedescendant={count ? activeId : undefined}
          aria-autocomplete="list"
          aria-description="Arrow keys choose, Enter opens, Ctrl+C copies the link, Alt+S watches"
          placeholder="Search offers, e.g. spotify geo:US"
          value={app.search?.query ?? ''}
          onInput={(e) => app.typeQuery(e.currentTarget.value)}
          onKeyDown={onKeyDown}
          autoFocus
          spellcheck={false}
        />
        {app.summary && (
          <ExportMenu what={view === 'offers' ? 'these offers' : 'these changes'} onExport={exportView} />
        )}
        {surface === 'popup' && hasSidePanel() && (
          <button
            type="button"
            class="btn icon"
            title="Open in side panel"
            aria-label="Open in side panel"
            onClick={() => {
              void openSidePanel().then((opened) => opened && window.close());
            }}
          >
            ◧
          </button>
        )}
        <button
          type="button"
          class="btn icon"
          title="Settings"
          aria-label="Settings"
          onClick={() => browser.runtime.openOptionsPage()}
        >
          ⚙
        </button>
      </header>
      {app.search && app.summary && (
        <>
          <Filters
            search={app.search}
            categories={app.results?.categories ?? []}
            geos={app.results?.geos ?? []}
            onChange={app.changeSearch}
          />
          <div class="views">
            <div role="tablist" aria-label="Views">
              <button type="button" role="tab" aria-selected={view === 'offers'} onClick={() => setView('offers')}>
                Offers
              </button>
              <button type="button" role="tab" aria-selected={view === 'changes'} onClick={() => setView('changes')}>
                Changes
                {changes.unseenTotal > 0 && <span class="count">{changes.unseenTotal.toLocaleString('en-US')}</span>}
              </button>
            </div>
            <button
              type="button"
              class={`watching-filter${app.search.watching ? ' on' : ''}`}
              aria-pressed={app.search.watching}
              onClick={() => app.search && app.changeSearch({ ...app.search, watching: !app.search.watching })}
            >
              ★ Watching
            </button>
          </div>
        </>
      )}
      {app.search?.app && (
        <div class="app-filter">
          <span>
            Offers for <strong>{storeKeyLabel(app.search.app)}</strong>
          </span>
          <button type="button" class="btn link" onClick={showAllApps}>
            Show all apps
          </button>
        </div>
      )}
      {view === 'offers' && onPage && !app.search?.app && (
        <OnThisPage
          url={onPage.url}
          offers={onPage.offers}
          onOpen={(offer) => void app.openOffer(offer.id)}
          onCopy={(offer) => void copyTabOffer(offer)}
          onShowAll={() => {
            const page = parseStoreUrl(onPage.url);
            if (page && app.search) app.changeSearch({ ...DEFAULT_SEARCH_STATE, app: storeKey(page) });
          }}
        />
      )}
      {status.tone === 'error' && (
        <div class="banner error" role="alert">
          {status.text}
          <div class="muted-on-error">{status.detail}</div>
          <button type="button" class="btn" onClick={app.refresh}>
            Retry
          </button>
        </div>
      )}
      {app.searchError && <div class="banner error">{app.searchError}</div>}

      {noKey ? (
        <div class="empty">
          <h2>Connect your CarrierAppTraffic account</h2>
          <p class="muted">Paste your API key in the settings, or look around with demo offers first.</p>
          <div class="row center">
            <button type="button" class="btn primary" onClick={() => browser.runtime.openOptionsPage()}>
              Open settings
            </button>
            <button type="button" class="btn" onClick={app.tryDemo}>
              Try with demo data
            </button>
          </div>
        </div>
      ) : checkingAll && view === 'offers' ? (
        <CheckAll
          offers={offers}
          what={app.search?.watching ? 'watched offers' : 'listed offers'}
          onClose={() => setCheckingAll(false)}
        />
      ) : view === 'changes' ? (
        <ChangesView
          state={changes}
          rows={changeRows}
          selected={selected}
          now={now}
          onOpen={openChange}
          onSelect={setSelected}
          onMarkAllSeen={() => void changes.markAllSeen()}
          scrollTo={scrollTo}
        />
      ) : app.results && app.results.total === 0 ? (
        <div class="empty">
          {app.summary?.offerCount === 0 ? (
            <p>The feed has no active offers for your account right now.</p>
          ) : app.search?.app ? (
            <>
              <p>No offers for this app.</p>
              <button type="button" class="btn" onClick={showAllApps}>
                Show all apps
              </button>
            </>
          ) : app.search?.watching && !app.search.query ? (
            <p>You watch nothing yet: open an offer and press ☆ Watch, or click a row's star.</p>
          ) : (
            <>
              <p>No offers match.</p>
              <button type="button" class="btn" onClick={app.clearSearch}>
                Clear search and filters
              </button>
            </>
          )}
        </div>
      ) : (
        <OfferList
          offers={offers}
          selected={selected}
          now={now}
          settings={settings}
          isWatched={watch.isOfferWatched}
          onOpen={(index) => {
            setSelected(index);
            app.showOffer(offers[index] ?? null);
          }}
          onToggleWatch={toggleWatch}
          onNearEnd={app.loadMore}
          scrollTo={scrollTo}
        />
      )}

      <footer class="footer">
        <span class="sr-only" role="status" aria-live="polite">
          {toast}
        </span>
        {toast ? (
          <span class="copied" aria-hidden="true">
            ✓ {toast}
          </span>
        ) : (
          <StatusLine status={status} />
        )}
        {app.searching && <span class="muted">Searching…</span>}
        {!app.searching && matchCount !== null && <span class="muted">{matchCount.toLocaleString('en-US')} match</span>}
        {!noKey && view === 'offers' && offers.length > 0 && !checkingAll && (
          <button
            type="button"
            class="btn link"
            title="Follow the listed links (up to 50) as a phone would"
            onClick={() => setCheckingAll(true)}
          >
            Check links
          </button>
        )}
        {!noKey && (
          <button type="button" class="btn link" onClick={app.refresh} disabled={status.tone === 'busy'}>
            Refresh
          </button>
        )}
      </footer>
    </div>
  );
}

function hasTextSelection(input: EventTarget | null): boolean {
  const el = input as HTMLInputElement | null;
  return !!el && el.selectionStart !== null && el.selectionStart !== el.selectionEnd;
}

async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}
