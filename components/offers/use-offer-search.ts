import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import type { Watchlist } from '../../lib/changes/watch';
import type { Offer } from '../../lib/offer';
import { DEFAULT_SEARCH_STATE, type SearchState, type SourceNames } from '../../lib/search/query';
import type { SnapshotSummary } from '../../lib/snapshot';
import type { FirstPage } from '../../lib/storage/items';
import { LAST_ANSWER_ROWS, lastAnswerMirror, sameValue, searchStateItem } from '../../lib/storage/items';
import { StaleSourceError } from '../../lib/storage/offer-source';
import { searchOnShow } from '../../lib/surfaces/offer-facts';
import { useAsyncEffect } from '../use-async-effect';
import type { OfferSourceState } from './use-offer-source';

/** Rows read per page of results. */
const PAGE = 100;
/** A first screen of rows and some: a typed query's first answer reads only their offers' chunks. */
const FIRST_SCREEN = LAST_ANSWER_ROWS;

export interface Results {
  offers: Offer[];
  total: number;
  /** True once the search answered (before that: the stored best-paying offers). */
  complete: boolean;
  /**
   * The snapshot the rows are of. An early answer's (the best-paying offers, the first-query
   * index) is dropped when it is not the current one.
   */
  snapshotAt?: number;
  /** The search these rows answer: until the one typed has its answer, the rows on show are an older one's. */
  answers: SearchState;
  categories: string[];
  geos: string[];
}

export type OfferSearch = ReturnType<typeof useOfferSearch>;

/**
 * The search box and filters: the search (remembered for the next opening), its results read a
 * page at a time as the list scrolls, and every match for an export.
 */
export function useOfferSearch(
  offers: OfferSourceState,
  summary: SnapshotSummary | null | undefined,
  watchlist: Watchlist | undefined,
  /** The sources on show and their names, for a typed `net:`. */
  sources: SourceNames[],
) {
  const { source, quick, firstPage, mirroredFirstPage } = offers;
  // The remembered search, when the pages' storage has it, is there for the first render.
  const [state, setState] = useState<SearchState | null>(() => searchStateItem.peek() ?? null);
  // The rows of the first render: the best-paying offers as the last page kept them, when they are
  // of the snapshot on show (the layout effect below reads them otherwise); for a remembered search
  // of another kind, its last answer's first screen, when it is of that search and snapshot.
  const [results, setResults] = useState<Results | null>(
    () => previewOf(mirroredFirstPage, summary, state) ?? rememberedOf(summary, state),
  );
  const [limit, setLimit] = useState(PAGE);
  const [error, setError] = useState<string | null>(null);
  /** An answer of the first-query index: shown until the full index answers. */
  const showQuick = useCallback((answer: Omit<Results, 'complete'>) => {
    setResults((current) => (current?.complete ? current : { ...answer, complete: false }));
  }, []);

  // Read during the first render, with the page's other first reads (use-storage-item.ts).
  const [storedState] = useState(() => {
    const read = searchStateItem.getValue();
    read.catch(() => undefined);
    return read;
  });
  useEffect(() => {
    // What the publisher typed before the remembered search arrived wins over it.
    void storedState.then((stored) => setState((typed) => typed ?? stored));
  }, [storedState]);

  // First paint from storage while the search index loads: the best-paying offers — as soon as
  // they are known, not after another frame (a layout effect runs before the browser paints):
  // the copy the last page kept when it is of this snapshot, else once they are read.
  useLayoutEffect(() => {
    if (results || !summary || !state || !isDefault(state)) return;
    const show = (preview: FirstPage | null) => {
      const shown = previewOf(preview, summary, state);
      if (shown) setResults((current) => current ?? shown);
    };
    if (mirroredFirstPage?.fetchedAt === summary.fetchedAt) show(mirroredFirstPage);
    else void firstPage.then(show);
  }, [summary, state, results, firstPage, mirroredFirstPage]);
  // Painted from copies of an older snapshot (a refresh came while no page was open): once the
  // summary says so, those rows go and this snapshot's come.
  useLayoutEffect(() => {
    if (results && !results.complete && summary && results.snapshotAt !== summary.fetchedAt) setResults(null);
  }, [results, summary]);

  // Words typed before the search index is open: the first-query index's best offers meanwhile,
  // the first screen's first (a page's offers are spread over many chunks to read).
  useAsyncEffect(
    (signal) => {
      if (!state || !quick || source) return undefined;
      const asked = searchOnShow(state, sources);
      const now = Date.now();
      const ask = (rows: number) =>
        quick
          .search(asked, rows, now)
          .then((answer) => answer && { ...answer, snapshotAt: quick.fetchedAt, answers: state });
      if (limit <= FIRST_SCREEN) return ask(limit);
      return ask(FIRST_SCREEN).then((first) => {
        if (first && !signal.aborted) showQuick(first);
        return first && first.total > first.offers.length ? ask(limit) : first;
      });
    },
    (answer) => {
      if (answer) showQuick(answer);
    },
    [state, limit, quick, source, sources, showQuick],
  );

  // Keystrokes may outrun chunk reads: only the newest search's answer is shown.
  useAsyncEffect(
    () =>
      state && source
        ? source.search(searchOnShow(state, sources), limit, Date.now(), watchlist ?? null, { sources }).then(
            (answer) => ({ answer: { ...answer, snapshotAt: source.fetchedAt, answers: state } }),
            (failure: unknown) => ({ failure }),
          )
        : undefined,
    (outcome) => {
      if ('answer' in outcome) {
        setResults({ ...outcome.answer, complete: true });
        setError(null);
      } else if (outcome.failure instanceof StaleSourceError) {
        // A refresh replaced the offers under this index: search the new one.
        offers.reopen();
      } else setError(outcome.failure instanceof Error ? outcome.failure.message : String(outcome.failure));
    },
    [state, limit, source, watchlist, sources],
  );

  // The first screen of what answers a search other than the default one, kept for the next
  // opening (rememberedOf): an answer of the snapshot on show, early or complete.
  useEffect(() => {
    if (!results || !state || results.answers !== state || isDefault(state) || !summary) return;
    // The snapshot the answer is of (a refresh may have come since it was asked).
    if (results.snapshotAt !== summary.fetchedAt) return;
    lastAnswerMirror.keep({
      fetchedAt: results.snapshotAt,
      state,
      total: results.total,
      offers: results.offers.slice(0, LAST_ANSWER_ROWS),
    });
  }, [results, state, summary]);

  /** A new search (a filter control, or Esc): remembered for the next open. */
  const change = useCallback((next: SearchState) => {
    setState(next);
    void searchStateItem.setValue(next);
    setLimit(PAGE);
  }, []);

  // The first-query index as of now, for a keystroke to start its read at once (typeQuery).
  const quickNow = useRef(quick);
  quickNow.current = source ? null : quick;

  /** Typed text; what is typed before the remembered search has loaded starts from the default. */
  const typeQuery = useCallback((query: string) => {
    setState((current) => {
      const next = { ...(current ?? DEFAULT_SEARCH_STATE), query };
      quickNow.current?.prepare(next);
      void searchStateItem.setValue(next);
      return next;
    });
    setLimit(PAGE);
  }, []);

  return {
    state,
    results,
    error,
    /** Waiting for the search index (a first search takes a moment). */
    searching: !!summary && !source,
    /** The rows on show answer the search as typed (not an older one's, while its answer comes). */
    settled: !!results && results.answers === state,
    change,
    typeQuery,
    clear: () => change(DEFAULT_SEARCH_STATE),
    loadMore: () => setLimit((n) => (results && n < results.total ? n + PAGE * 2 : n)),
    /** Every offer the search matches (not only the rows loaded), in its order, for export. */
    async allMatches(): Promise<Offer[]> {
      const ready = await offers.ready();
      const all = searchOnShow(state ?? DEFAULT_SEARCH_STATE, sources);
      return (await ready.search(all, ready.engine.size, Date.now(), watchlist ?? null, { sources })).offers;
    },
  };
}

/** The stored best-paying offers as results, when they are of this snapshot and the search is the default one. */
function previewOf(
  preview: FirstPage | null,
  summary: SnapshotSummary | null | undefined,
  state: SearchState | null | undefined,
): Results | null {
  if (!preview || !summary || !state || !isDefault(state) || preview.fetchedAt !== summary.fetchedAt) return null;
  return {
    offers: preview.top,
    total: summary.offerCount,
    complete: false,
    categories: [],
    geos: [],
    snapshotAt: preview.fetchedAt,
    answers: state,
  };
}

/**
 * The remembered search's rows as its last answer showed them, when that answer is of this search
 * and of the snapshot on show. Painting only: the rows say they answer the search kept with them,
 * not the one in force, so keys wait for its own answer (`settled`).
 */
function rememberedOf(summary: SnapshotSummary | null | undefined, state: SearchState | null): Results | null {
  if (!summary || !state || isDefault(state)) return null;
  const kept = lastAnswerMirror.peek();
  // Both went through the search's schema: the same fields, compared as stored values.
  if (!kept || kept.fetchedAt !== summary.fetchedAt || !sameValue(kept.state, state)) return null;
  return {
    offers: kept.offers,
    total: kept.total,
    complete: false,
    categories: [],
    geos: [],
    snapshotAt: kept.fetchedAt,
    answers: kept.state,
  };
}

function isDefault(state: SearchState): boolean {
  const { query, platform, geo, category, minPayout, network, sort, watching, app } = state;
  const filtered = !!platform || !!geo || !!category || minPayout !== null || (network ?? null) !== null;
  return !query.trim() && !filtered && sort === 'best' && !watching && !app;
}
