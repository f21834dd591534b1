import { useEffect, useRef, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging/client';
import { database } from '../../lib/storage/database';
import { type FirstPage, firstPageItem } from '../../lib/storage/items';
import { type OfferSource, openOfferSource } from '../../lib/storage/offer-source';
import { useAsyncEffect } from '../use-async-effect';

export interface OfferSourceState {
  /** The search index of the snapshot in use; null until it is open. */
  source: OfferSource | null;
  /** The best-paying offers to paint first, read at once (null when none are stored). */
  firstPage: Promise<FirstPage | null>;
  /** The source once it is open: asked for before it loaded (an Export click at once), it waits. */
  ready(): Promise<OfferSource>;
  /** A refresh replaced the offers under the open index: open the new one. */
  reopen(): void;
}

/**
 * Where a surface's offers come from: the search index the background stored with the snapshot
 * (lib/storage/offer-source.ts), opened again whenever a refresh brings a new snapshot, so a
 * sleeping background is never woken to answer a keystroke.
 */
export function useOfferSource(snapshotAt: number | undefined): OfferSourceState {
  const [source, setSource] = useState<OfferSource | null>(null);
  // Read at once, in parallel with everything else the first render asks for: the small preview
  // first (IndexedDB answers in order, and the index is megabytes), then the search index.
  const [firstPage] = useState(() => loadFirstPage().catch(() => null));
  const [firstSource] = useState(() => openOfferSource().catch(() => null));
  const waiters = useRef<((source: OfferSource) => void)[]>([]);
  useEffect(() => {
    if (source) for (const resolve of waiters.current.splice(0)) resolve(source);
  }, [source]);

  useAsyncEffect(
    () =>
      snapshotAt === undefined
        ? undefined
        : firstSource
            .then((opened) => (opened?.fetchedAt === snapshotAt ? opened : openOfferSource()))
            // No index for this snapshot (an update changed its shape): the background rebuilds it.
            .then((opened) => opened ?? sendMessage('prepareSearch', {}).then(() => openOfferSource())),
    setSource,
    [snapshotAt, firstSource],
  );

  return {
    source,
    firstPage,
    ready: () => (source ? Promise.resolve(source) : new Promise((resolve) => waiters.current.push(resolve))),
    reopen: () => void openOfferSource().then(setSource, () => undefined),
  };
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
