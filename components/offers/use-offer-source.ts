import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging/client';
import { database } from '../../lib/storage/database';
import { db } from '../../lib/storage/db';
import { type FirstPage, firstPageItem, firstPageMirror } from '../../lib/storage/items';
import { createQuickSearch, type OfferSource, openOfferSource, type QuickSearch } from '../../lib/storage/offer-source';
import { useAsyncEffect } from '../use-async-effect';

export interface OfferSourceState {
  /** The search index of the snapshot in use; null until it is open. */
  source: OfferSource | null;
  /** The first-query index, to answer typed words before `source` is open; null when there is none. */
  quick: QuickSearch | null;
  /** The best-paying offers to paint first, read at once (null when none are stored). */
  firstPage: Promise<FirstPage | null>;
  /** Those offers as the last page to open saw them (items.ts PageMirror), to paint before they are read. */
  mirroredFirstPage: FirstPage | null;
  /** The source once it is open: asked for before it loaded (an Export click at once), it waits. */
  ready(): Promise<OfferSource>;
  /** A refresh replaced the offers under the open index: open the new one. */
  reopen(): void;
}

/**
 * Where a surface's offers come from: the search index the background stored with the snapshot
 * (lib/storage/offer-source.ts), opened again whenever a refresh brings a new snapshot, so a
 * sleeping background is never woken to answer a keystroke. What the first screen needs is read
 * first: the best-paying offers, and the slices of the first-query index the words typed need;
 * the full index (megabytes) once those are in and the page is idle, or at once when something
 * asks for it.
 */
export function useOfferSource(snapshotAt: number | undefined): OfferSourceState {
  const [source, setSource] = useState<OfferSource | null>(null);
  // The database is opened at once (the first typed words read from it), the small preview read
  // at once; the first-query index a slice at a time, by the words typed; the full index
  // (megabytes to decode) once the first results are painted, no typed words are being answered
  // and the page is idle, so it never holds back the first answer.
  const [firstPage] = useState(() => {
    db().catch(() => undefined);
    return loadFirstPage().then(
      (page) => {
        firstPageMirror.keep(page);
        return page;
      },
      () => null,
    );
  });
  const [mirroredFirstPage] = useState(() => firstPageMirror.peek() ?? null);
  const quick = useMemo(() => (snapshotAt === undefined ? null : createQuickSearch(snapshotAt)), [snapshotAt]);
  const [wanted, setWanted] = useState(false);
  useAsyncEffect(
    (signal) =>
      firstPage
        .then(afterPaint)
        .then(() => quick?.settled())
        .then(() => new Promise<void>((resolve) => signal.addEventListener('abort', whenIdle(resolve)))),
    () => setWanted(true),
    [firstPage, quick],
  );
  const waiters = useRef<((source: OfferSource) => void)[]>([]);
  useEffect(() => {
    if (source) for (const resolve of waiters.current.splice(0)) resolve(source);
  }, [source]);

  useAsyncEffect(
    () =>
      snapshotAt === undefined || !wanted
        ? undefined
        : openOfferSource()
            // No index for this snapshot (an update changed its shape): the background rebuilds it.
            .then((opened) => opened ?? sendMessage('prepareSearch', {}).then(() => openOfferSource())),
    setSource,
    [snapshotAt, wanted],
  );

  return {
    source,
    quick,
    firstPage,
    mirroredFirstPage,
    ready: () => {
      setWanted(true);
      return source ? Promise.resolve(source) : new Promise((resolve) => waiters.current.push(resolve));
    },
    reopen: () => void openOfferSource().then(setSource, () => undefined),
  };
}

/** Resolves once the browser has painted what is rendered now (the next frame, then its task). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 0);
  });
}

/** Run `then` when the page has nothing else to do (within 1 s); the clean-up cancels it. */
export function whenIdle(then: () => void, timeout = 1000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const id = requestIdleCallback(then, { timeout });
    return () => cancelIdleCallback(id);
  }
  const timer = setTimeout(then, 50);
  return () => clearTimeout(timer);
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
