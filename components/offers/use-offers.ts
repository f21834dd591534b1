import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Watchlist } from '../../lib/changes/watch';
import { sendMessage } from '../../lib/messaging/client';
import type { Offer } from '../../lib/offer';
import { DEFAULT_SEARCH_STATE, type SearchState } from '../../lib/search/query';
import { database } from '../../lib/storage/database';
import {
  type FirstPage,
  firstPageItem,
  popupFocusItem,
  type SurfaceStart,
  searchStateItem,
  settingsItem,
  statusItem,
  summaryItem,
} from '../../lib/storage/items';
import { type OfferSource, openOfferSource, StaleSourceError } from '../../lib/storage/offer-source';
import { parseStoreUrl, storeKey } from '../../lib/store-url';
import { useStorageItem } from '../use-storage-item';

const PAGE = 100;

/** The offer shown in full: from the feed, or (gone) its last known state and when it went. */
export interface FocusedOffer {
  offer: Offer;
  goneAt: number | null;
}

export interface Results {
  offers: Offer[];
  total: number;
  /** True once the search answered (before that: the stored best-paying offers). */
  complete: boolean;
  categories: string[];
  geos: string[];
}

/**
 * Everything an offers surface (popup, side panel, page) loads and does. Searches run here, on
 * the search index the background stored with the snapshot (lib/storage/offer-source.ts): a
 * sleeping background is never woken to answer a keystroke.
 */
export function useOffers(watchlist: Watchlist | undefined, start?: SurfaceStart) {
  const summary = useStorageItem(summaryItem);
  const status = useStorageItem(statusItem);
  const settings = useStorageItem(settingsItem);
  const [search, setSearch] = useState<SearchState | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [results, setResults] = useState<Results | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [focused, setFocused] = useState<FocusedOffer | null>(null);
  const [keyInfo, setKeyInfo] = useState<{ hasKey: boolean } | null>(null);
  const [source, setSource] = useState<OfferSource | null>(null);
  // Read at once, in parallel with everything else the first render asks for: the small preview
  // first (IndexedDB answers in order, and the index is megabytes), then the search index.
  const [firstPreview] = useState(() => loadFirstPage().catch(() => null));
  const [firstSource] = useState(() => openOfferSource().catch(() => null));
  const sequence = useRef(0);
  const sourceWaiters = useRef<((source: OfferSource) => void)[]>([]);
  useEffect(() => {
    if (source) for (const resolve of sourceWaiters.current.splice(0)) resolve(source);
  }, [source]);

  // The search index of the snapshot in use; again whenever a refresh brings a new one.
  useEffect(() => {
    if (!summary) return;
    let live = true;
    void firstSource
      .then((opened) => (opened?.fetchedAt === summary.fetchedAt ? opened : openOfferSource()))
      // No index for this snapshot (an update changed its shape): the background rebuilds it.
      .then((opened) => opened ?? sendMessage('prepareSearch', {}).then(() => openOfferSource()))
      .then(
        (opened) => live && setSource(opened),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [summary?.fetchedAt]);

  /** Show an offer by id: the feed's, or a gone offer's last known state from the change log. */
  const openOffer = useCallback(
    async (id: string) => {
      const doc = source?.engine.docWithId(id);
      const offer = doc !== undefined && source ? ((await source.offersOf([doc]).catch(() => []))[0] ?? null) : null;
      const found = offer ?? (await sendMessage('offerById', { id }).catch(() => null));
      if (found) {
        setFocused({ offer: found, goneAt: null });
        return;
      }
      const known = await database.changes.lastKnown(id);
      if (known) setFocused({ offer: known.offer, goneAt: known.goneAt });
    },
    [source],
  );

  useEffect(() => {
    // What the publisher typed before the remembered search arrived wins over it.
    void searchStateItem.getValue().then((stored) => setSearch((typed) => typed ?? stored));
  }, []);

  // Where to start: the page's own (its URL), or what "Open in popup" (a badge, a notification,
  // a right-click on a store link) left for the popup.
  useEffect(() => {
    if (summary === undefined) return;
    const intent = start
      ? Promise.resolve(start)
      : popupFocusItem.getValue().then(async (focus) => {
          if (focus) await popupFocusItem.setValue(null);
          return focus;
        });
    void intent.then(async (focus) => {
      if (!focus) return;
      if (focus.appUrl !== undefined || focus.query !== undefined) {
        const app = focus.appUrl ? parseStoreUrl(focus.appUrl) : null;
        changeSearch({ ...DEFAULT_SEARCH_STATE, query: focus.query ?? '', app: app ? storeKey(app) : null });
      }
      if (focus.offerId) await openOffer(focus.offerId);
    });
  }, [summary === undefined]);

  // Only a surface with no offers at all needs to know whether a key is set.
  useEffect(() => {
    if (summary === null) void sendMessage('apiKeyInfo', {}).then(setKeyInfo, () => setKeyInfo({ hasKey: false }));
  }, [summary]);

  // First paint from IndexedDB while the search index loads: the best-paying offers.
  useEffect(() => {
    if (results || !summary || !search || !isDefault(search)) return;
    void firstPreview.then((preview) => {
      if (preview?.fetchedAt === summary.fetchedAt)
        setResults(
          (current) =>
            current ?? { offers: preview.top, total: summary.offerCount, complete: false, categories: [], geos: [] },
        );
    });
  }, [summary, search, results]);

  useEffect(() => {
    if (!search || !source) return;
    const id = ++sequence.current;
    source
      .search(search, limit, Date.now(), watchlist ?? null)
      .then((answer) => {
        // Keystrokes may outrun chunk reads: only the newest search's answer is shown.
        if (id !== sequence.current) return;
        setResults({ ...answer, complete: true });
        setSearchError(null);
      })
      .catch((error: unknown) => {
        if (id !== sequence.current) return;
        // A refresh replaced the offers under this index: search the new one.
        if (error instanceof StaleSourceError) void openOfferSource().then(setSource, () => undefined);
        else setSearchError(error instanceof Error ? error.message : String(error));
      });
  }, [search, limit, source, watchlist]);

  /** A new search (a filter control, or Esc): remembered for the next open. */
  const changeSearch = useCallback((next: SearchState) => {
    setSearch(next);
    void searchStateItem.setValue(next);
    setLimit(PAGE);
  }, []);

  /** Typed text; what is typed before the remembered search has loaded starts from the default. */
  const typeQuery = useCallback((query: string) => {
    setSearch((current) => {
      const next = { ...(current ?? DEFAULT_SEARCH_STATE), query };
      void searchStateItem.setValue(next);
      return next;
    });
    setLimit(PAGE);
  }, []);

  return {
    summary,
    status,
    settings,
    search,
    results,
    searchError,
    /** Waiting for the search index (a first search takes a moment). */
    searching: !!summary && !source,
    source,
    keyInfo,
    focused,
    showOffer: (offer: Offer | null) => setFocused(offer && { offer, goneAt: null }),
    openOffer,
    /** Every offer the search matches (not only the rows loaded), in its order, for export. */
    async allMatches(): Promise<Offer[]> {
      // Asked for before the search index loaded (an Export click at once): wait for it.
      const ready = source ?? (await new Promise<OfferSource>((resolve) => sourceWaiters.current.push(resolve)));
      const state = search ?? DEFAULT_SEARCH_STATE;
      return (await ready.search(state, ready.engine.size, Date.now(), watchlist ?? null)).offers;
    },
    changeSearch,
    typeQuery,
    clearSearch: () => changeSearch(DEFAULT_SEARCH_STATE),
    loadMore: () => setLimit((n) => (results && n < results.total ? n + PAGE * 2 : n)),
    refresh: () => sendMessage('refresh', {}).catch(() => undefined),
    tryDemo: () => sendMessage('loadDemo', {}).catch(() => undefined),
  };
}

function isDefault(state: SearchState): boolean {
  const { query, platform, geo, category, minPayout, sort, watching, app } = state;
  return !query.trim() && !platform && !geo && !category && minPayout === null && sort === 'best' && !watching && !app;
}

/** The first page of offers: from session storage, else from IndexedDB (kept in session for the next opening). */
async function loadFirstPage(): Promise<FirstPage | null> {
  const kept = await firstPageItem.getValue();
  if (kept) return kept;
  const preview = await database.loadPreview();
  if (!preview) return null;
  const page = { fetchedAt: preview.fetchedAt, top: preview.top };
  void firstPageItem.setValue(page).catch(() => undefined);
  return page;
}
