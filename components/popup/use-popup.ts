import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging/client';
import type { Offer } from '../../lib/offer';
import { DEFAULT_SEARCH_STATE, type SearchState } from '../../lib/search/query';
import { database } from '../../lib/storage/database';
import { popupFocusItem, searchStateItem, settingsItem, statusItem, summaryItem } from '../../lib/storage/items';
import { useStorageItem } from '../use-storage-item';

const PAGE = 100;
const LAST_RESULTS = 20;

/** The offer shown in full: from the feed, or (gone) its last known state and when it went. */
export interface FocusedOffer {
  offer: Offer;
  goneAt: number | null;
}

export interface Results {
  offers: Offer[];
  total: number;
  /** True once the background's index answered (before that: a stored list). */
  complete: boolean;
  categories: string[];
  geos: string[];
}

/** Everything the popup loads and does, in one place. */
export function usePopup() {
  const summary = useStorageItem(summaryItem);
  const status = useStorageItem(statusItem);
  const settings = useStorageItem(settingsItem);
  const [search, setSearch] = useState<SearchState | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [results, setResults] = useState<Results | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [focused, setFocused] = useState<FocusedOffer | null>(null);
  const [keyInfo, setKeyInfo] = useState<{ hasKey: boolean } | null>(null);
  const sequence = useRef(0);
  const fetchedAt = useRef<number | null>(null);
  fetchedAt.current = summary?.fetchedAt ?? null;

  /** Show an offer by id: the feed's, or a gone offer's last known state from the change log. */
  const openOffer = useCallback(async (id: string) => {
    const offer = await sendMessage('offerById', { id }).catch(() => null);
    if (offer) {
      setFocused({ offer, goneAt: null });
      return;
    }
    const known = await database.changes.lastKnown(id);
    if (known) setFocused({ offer: known.offer, goneAt: known.goneAt });
  }, []);

  useEffect(() => {
    // What the publisher typed before the remembered search arrived wins over it.
    void searchStateItem.getValue().then((stored) => setSearch((typed) => typed ?? stored));
    // "Open in popup" from a store page's badge leaves the offer to show here.
    void popupFocusItem.getValue().then(async (id) => {
      if (!id) return;
      await popupFocusItem.setValue(null);
      await openOffer(id);
    });
  }, []);

  // Only a popup with no offers at all needs to know whether a key is set (and asking
  // wakes the background, so it is not asked otherwise).
  useEffect(() => {
    if (summary === null) void sendMessage('apiKeyInfo', {}).then(setKeyInfo, () => setKeyInfo({ hasKey: false }));
  }, [summary]);

  // First paint from IndexedDB, before the background has answered (it may be asleep, and
  // waking it means reading and indexing the whole snapshot): the best-paying offers, or the
  // remembered search's last results.
  useEffect(() => {
    if (results || !summary || !search) return;
    const stored = isDefault(search)
      ? database.loadPreview().then((preview) => preview && { offers: preview.top, total: summary.offerCount })
      : database
          .loadLastResults()
          .then((last) => (last && last.key === resultsKey(search, summary.fetchedAt) ? last : null));
    void stored.then((found) => {
      if (found) setResults((current) => current ?? { ...found, complete: false, categories: [], geos: [] });
    });
  }, [summary, search, results]);

  const runSearch = useCallback(async (state: SearchState, max: number) => {
    const id = ++sequence.current;
    // Say so when an answer is slow (a sleeping background first loads the whole feed).
    const slow = setTimeout(() => id === sequence.current && setSearching(true), 150);
    try {
      const answer = await sendMessage('search', { state, limit: max });
      // Keystrokes outrun answers: only the newest query's answer is shown.
      if (id !== sequence.current) return;
      setResults({ ...answer, complete: true });
      setSearchError(null);
      if (fetchedAt.current !== null && !isDefault(state)) {
        void database.saveLastResults({
          key: resultsKey(state, fetchedAt.current),
          total: answer.total,
          offers: answer.offers.slice(0, LAST_RESULTS),
        });
      }
    } catch (error) {
      if (id === sequence.current) setSearchError(error instanceof Error ? error.message : String(error));
    } finally {
      clearTimeout(slow);
      if (id === sequence.current) setSearching(false);
    }
  }, []);

  const firstSearch = useRef(true);
  useEffect(() => {
    if (!search || summary === undefined) return;
    if (!firstSearch.current) {
      void runSearch(search, limit);
      return;
    }
    // The first search may wake the background, which then reads the snapshot: let the
    // stored results paint before that work competes for the CPU.
    firstSearch.current = false;
    const frame = requestAnimationFrame(() => void runSearch(search, limit));
    return () => cancelAnimationFrame(frame);
  }, [search, limit, runSearch, summary]);

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
    searching,
    keyInfo,
    focused,
    showOffer: (offer: Offer | null) => setFocused(offer && { offer, goneAt: null }),
    openOffer,
    changeSearch,
    typeQuery,
    clearSearch: () => changeSearch(DEFAULT_SEARCH_STATE),
    loadMore: () => setLimit((n) => (results && n < results.total ? n + PAGE * 2 : n)),
    refresh: () => sendMessage('refresh', {}).catch(() => undefined),
    tryDemo: () => sendMessage('loadDemo', {}).catch(() => undefined),
  };
}

/** Results are reusable only for the same search on the same snapshot. */
function resultsKey(state: SearchState, fetchedAt: number): string {
  return JSON.stringify([state, fetchedAt]);
}

function isDefault(state: SearchState): boolean {
  const { query, platform, geo, category, minPayout, sort } = state;
  return !query.trim() && !platform && !geo && !category && minPayout === null && sort === 'best';
}
