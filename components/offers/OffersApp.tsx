import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChangeRecord } from '../../lib/changes/log';
import { t } from '../../lib/i18n';
import { describeStatus, EMPTY_STATUS } from '../../lib/refresh/status';
import { DEFAULT_SEARCH_STATE, effectiveFilters } from '../../lib/search/query';
import type { SurfaceStart } from '../../lib/storage/items';
import { storeKeyLabel } from '../../lib/store-url';
import { useNow } from '../use-storage-item';
import { useWatchlist } from '../use-watchlist';
import { bodyFor, type View } from './body';
import { DemoBanner } from './DemoBanner';
import { Filters } from './Filters';
import { Footer } from './Footer';
import { OfferDetailPart, preloadParts } from './lazy-parts';
import { aroundPlaceholder } from './message-parts';
import { OffersBody } from './OffersBody';
import { OnThisPage } from './OnThisPage';
import { SearchBar } from './SearchBar';
import { useChanges } from './use-changes';
import { useListNavigation } from './use-list-navigation';
import { useOfferActions } from './use-offer-actions';
import { useOffers } from './use-offers';
import { useOnThisPage } from './use-on-this-page';
import { useToast } from './use-toast';
import { ViewTabs } from './ViewTabs';

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
  const { search, detail, settings, facts, demo } = app;
  const now = useNow();
  const [view, setView] = useState<View>('offers');
  const [checkingAll, setCheckingAll] = useState(false);
  const { toast, say } = useToast();
  const searchRef = useRef<HTMLInputElement>(null);
  const changes = useChanges(search.state, view === 'changes', app.summary?.fetchedAt ?? null, watch.watchlist);
  const changeRows = changes.rows;
  const offers = search.results?.offers ?? [];
  const onPage = useOnThisPage(surface === 'panel', app.source, settings, facts);
  const act = useOfferActions({ view, settings, facts, isDemo: demo.isDemo, search, changes, watch, copy, say });
  const openChange = (change: ChangeRecord) => void detail.open(change.offerId);
  const nav = useListNavigation({
    view,
    search: search.state,
    offers,
    settled: search.settled,
    changeRows,
    query: search.state?.query ?? '',
    onOpenOffer: detail.show,
    onOpenChange: openChange,
    onClearQuery: () => search.typeQuery(''),
    onCopy: (offer) => void act.copyLink(offer),
    onToggleWatch: act.toggleWatch,
  });

  useEffect(preloadParts, []);
  // Back from the detail (or at the start), the search box has the keys again.
  useEffect(() => {
    if (!detail.focused) searchRef.current?.focus();
  }, [detail.focused]);

  const status = describeStatus(app.status ?? EMPTY_STATUS, app.summary ?? null, now);
  const rootClass = `popup surface-${surface}`;
  const demoBanner = demo.isDemo && <DemoBanner leadsToSettings={demo.leadsToSettings} onBack={demo.leave} />;
  if (detail.focused && settings) {
    return (
      <div
        class={rootClass}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            detail.show(null);
          }
        }}
      >
        {demoBanner}
        <OfferDetailPart.Component
          offer={detail.focused.offer}
          goneAt={detail.focused.goneAt}
          settings={settings}
          facts={facts}
          isDemo={demo.isDemo}
          now={now}
          watch={watch}
          onBack={() => detail.show(null)}
          onCopy={copy}
          onOpenSettings={act.openSettings}
        />
      </div>
    );
  }

  const noKey = !!app.keyInfo && !app.keyInfo.hasKey && app.summary === null;
  const results = search.results;
  // "N match" only means something against a loaded feed, and only while it differs from it.
  const matchCount =
    view === 'offers' && app.summary && results?.complete && results.total !== app.summary.offerCount
      ? results.total
      : null;
  const showAllApps = () => search.state && search.change({ ...search.state, app: null });
  const body = bodyFor({
    noKey,
    checkingAll,
    view,
    matches: results?.total ?? null,
    feedOffers: app.summary?.offerCount ?? null,
    search: search.state,
  });
  return (
    <div class={rootClass}>
      {demoBanner}
      <SearchBar
        inputRef={searchRef}
        query={search.state?.query ?? ''}
        listId={view === 'offers' ? 'results' : 'changes'}
        count={nav.count}
        activeId={nav.activeId}
        onType={search.typeQuery}
        onKeyDown={nav.onKeyDown}
        exportLabel={app.summary ? t(view === 'offers' ? 'offersExportOffers' : 'offersExportChanges') : null}
        onExport={act.exportView}
        onOpenSidePanel={surface === 'popup' ? act.openSidePanel : null}
        onOpenSettings={act.openSettings}
      />
      {search.state && app.summary && (
        <>
          <Filters
            search={search.state}
            categories={results?.categories ?? []}
            geos={results?.geos ?? []}
            facts={facts}
            onChange={search.change}
          />
          <ViewTabs
            view={view}
            unseenChanges={changes.unseenTotal}
            watching={search.state.watching}
            onView={setView}
            onWatching={(watching) => search.state && search.change({ ...search.state, watching })}
          />
        </>
      )}
      {search.state?.app && <AppFilter appKey={search.state.app} onShowAll={showAllApps} />}
      {view === 'offers' && onPage && !search.state?.app && (
        <OnThisPage
          url={onPage.url}
          offers={onPage.offers}
          facts={facts}
          onOpen={(offer) => void detail.open(offer.id)}
          onCopy={(offer) => void act.copyTabOffer(offer)}
          onShowAll={(appKey) => search.state && search.change({ ...DEFAULT_SEARCH_STATE, app: appKey })}
        />
      )}
      {status.tone === 'error' && (
        <div class="banner error" role="alert">
          {status.text}
          <div class="muted-on-error">{status.detail}</div>
          <button type="button" class="btn" onClick={app.refresh}>
            {t('offersRetry')}
          </button>
        </div>
      )}
      {search.error && <div class="banner error">{search.error}</div>}

      <OffersBody
        body={body}
        offers={offers}
        changes={changes}
        changeRows={changeRows}
        selected={nav.selected}
        now={now}
        settings={app.paintSettings}
        facts={facts}
        showExpiry={!!search.state && effectiveFilters(search.state).sort === 'expiry'}
        checkWatched={!!search.state?.watching}
        scrollTo={nav.scrollTo}
        isWatched={watch.isOfferWatched}
        on={{
          openSettings: act.openSettings,
          tryDemo: app.tryDemo,
          showAllApps,
          clearSearch: search.clear,
          closeCheckAll: () => setCheckingAll(false),
          openOffer: (index) => {
            nav.select(index);
            detail.show(offers[index] ?? null);
          },
          openChange,
          selectChange: nav.select,
          markAllSeen: () => void changes.markAllSeen(),
          toggleWatch: act.toggleWatch,
          loadMore: search.loadMore,
        }}
      />

      <Footer
        toast={toast}
        status={status}
        searching={search.searching}
        matchCount={matchCount}
        onCheckLinks={
          !noKey && view === 'offers' && offers.length > 0 && !checkingAll ? () => setCheckingAll(true) : null
        }
        onRefresh={noKey ? null : app.refresh}
      />
    </div>
  );
}

/** The list narrowed to one app (a store page's, or On this page's "All"), and the way back to every app. */
function AppFilter({ appKey, onShowAll }: { appKey: string; onShowAll: () => void }) {
  const [before, after] = aroundPlaceholder(t('offersForApp'), 'app');
  return (
    <div class="app-filter">
      <span>
        {before}
        <strong>{storeKeyLabel(appKey)}</strong>
        {after}
      </span>
      <button type="button" class="btn link" onClick={onShowAll}>
        {t('offersShowAllApps')}
      </button>
    </div>
  );
}

async function copyText(text: string): Promise<void> {
  await navigator.clipboard.writeText(text);
}
