import { setWatched, type Watchlist } from '../changes/watch';
import { AppError } from '../errors';
import { offerKey } from '../sources';
import type { StoredItem } from '../storage/items';
import type { StoreIndex } from '../store-page/match';
import { parseStoreUrl, storeKey } from '../store-url';

export type WatchOnPage = { target: 'offer'; offerId: string; on: boolean } | { target: 'app'; on: boolean };

/**
 * A star on a store page's badge: watch one of this page's app's offers, or the app itself.
 * The app is the sender's page's, never one the message names, and an offer must be one of its.
 */
export async function changeWatch(
  watchlist: StoredItem<Watchlist>,
  request: WatchOnPage,
  pageUrl: string,
  index: StoreIndex,
): Promise<void> {
  const app = parseStoreUrl(pageUrl);
  if (!app) throw new AppError('not-an-app-page');
  const appKey = storeKey(app);
  if (request.target === 'offer' && !(index.get(appKey) ?? []).some((o) => offerKey(o) === request.offerId)) {
    throw new AppError('not-an-offer-of-this-app');
  }
  const target = request.target === 'offer' ? { offerId: request.offerId } : { appKey };
  const next = setWatched(await watchlist.getValue(), target, request.on);
  if (!next) throw new AppError('watchlist-full');
  await watchlist.setValue(next);
}
