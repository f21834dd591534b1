import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { Offer } from '../../lib/feed';
import { sendMessage } from '../../lib/messaging';
import {
  DEFAULT_POPUP_STATE,
  lastResultsItem,
  type PopupState,
  popupFocusItem,
  popupStateItem,
  settingsItem,
  statusItem,
  summaryItem,
} from '../../lib/storage';
import { useStorageItem } from '../use-storage-item';

const PAGE = 100;
const LAST_RESULTS = 20;

export interface Results {
  offers: Offer[];
  total: number;
  /** True once the background's index answered (before that: the stored best-payout list). */
  complete: boolean;
  categories: string[];
  geos: string[];
}

/** Everything the popup loads and does, in one place. */
export function usePopup() {
  const summary = useStorageItem(summaryItem);
  const status = useStorageItem(statusItem);
  const settings = useStorageItem(settingsItem);
  const [filters, setFilters] = useState<PopupState | null>(null);
  const [limit, setLimit] = useState(PAGE);
  const [results, setResults] = useState<Results | null>(null);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [focused, setFocused] = useState<Offer | null>(null);
  const [keyInfo, setKeyInfo] = useState<{ hasKey: boolean } | null>(null);
  const sequence = useRef(0);
  const fetchedAt = useRef<number | null>(null);
  fetchedAt.current = summary?.fetchedAt ?? null;

  useEffect(() => {
    // What the publisher typed before the remembered state arrived wins over it.
    void popupStateItem
      .getValue()
      .then((stored) => setFilters((typed) => typed ?? { ...DEFAULT_POPUP_STATE, ...stored }));
    // "Open in popup" from a store page's badge leaves the offer to show here.
    void popupFocusItem.getValue().then(async (id) => {
      if (!id) return;
      await popupFocusItem.setValue(null);
      setFocused(await sendMessage('offerById', { id }));
    });
  }, []);

  // Only a popup with no offers at all needs to know whether a key is set (and asking
  // wakes the background, so it is not asked otherwise).
  useEffect(() => {
    if (summary === null) void sendMessage('apiKeyInfo', {}).then(setKeyInfo, () => setKeyInfo({ hasKey: false }));
  }, [summary]);

  // First paint from storage, before the background has answered (it may be asleep, and
  // waking it means reading and indexing the whole snapshot): the best-payout offers, or
  // the remembered query's last results.
  useEffect(() => {
    if (results || !summary || !filters) return;
    if (isDefault(filters)) {
      setResults({ offers: summary.top, total: summary.offerCount, complete: false, categories: [], geos: [] });
      return;
    }
    void lastResultsItem.getValue().then((last) => {
      if (last && last.key === resultsKey(filters, summary.fetchedAt)) {
        setResults((current) => current ?? { ...last, complete: false, categories: [], geos: [] });
      }
    });
  }, [summary, filters, results]);

  const runSearch = useCallback(async (state: PopupState, max: number) => {
    const id = ++sequence.current;
    // Say so when an answer is slow (a sleeping background first indexes the whole feed).
    const slow = setTimeout(() => id === sequence.current && setSearching(true), 150);
    try {
      const answer = await sendMessage('search', {
        query: state.query,
        platform: state.platform || null,
        geo: state.geo || null,
        category: state.category || null,
        minPayout: state.minPayout.trim() === '' ? null : Math.max(0, Number(state.minPayout) || 0),
        sort: state.sort,
        limit: max,
      });
      // Keystrokes outrun answers: only the newest query's answer is shown.
      if (id !== sequence.current) return;
      setResults({ ...answer, complete: true });
      setSearchError(null);
      if (fetchedAt.current !== null && !isDefault(state)) {
        void lastResultsItem.setValue({
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
    if (!filters || summary === undefined) return;
    if (!firstSearch.current) {
      void runSearch(filters, limit);
      return;
    }
    // The first search may wake the background, which then reads and indexes the snapshot:
    // let the stored results paint before that work competes for the CPU.
    firstSearch.current = false;
    const frame = requestAnimationFrame(() => void runSearch(filters, limit));
    return () => cancelAnimationFrame(frame);
  }, [filters, limit, runSearch, summary]);

  const update = useCallback((patch: Partial<PopupState>) => {
    setFilters((current) => {
      const next = { ...(current ?? DEFAULT_POPUP_STATE), ...patch };
      void popupStateItem.setValue(next);
      return next;
    });
    setLimit(PAGE);
  }, []);

  return {
    summary,
    status,
    settings,
    filters,
    results,
    searchError,
    searching,
    keyInfo,
    focused,
    setFocused,
    update,
    clearFilters: () => update(DEFAULT_POPUP_STATE),
    loadMore: () => setLimit((n) => (results && n < results.total ? n + PAGE * 2 : n)),
    refresh: () => sendMessage('refresh', {}).catch(() => undefined),
    tryDemo: () => sendMessage('loadDemo', {}).catch(() => undefined),
  };
}

/** Results are reusable only for the same query and filters on the same snapshot. */
function resultsKey(state: PopupState, fetchedAt: number): string {
  return JSON.stringify([state, fetchedAt]);
}

function isDefault(state: PopupState): boolean {
  return !state.query && !state.platform && !state.geo && !state.category && !state.minPayout && state.sort === 'best';
}
