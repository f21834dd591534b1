import { acceptsCountry, byPayout, isExpired, type Offer } from '../offer';
import { parseStoreUrl, storeKey } from '../store-url';

/** Store key → the offers for that app, so a store page's lookup is one Map.get. */
export type StoreIndex = ReadonlyMap<string, Offer[]>;

export function createStoreIndex(offers: Offer[]): StoreIndex {
  const index = new Map<string, Offer[]>();
  for (const offer of offers) {
    if (!offer.store) continue;
    const key = storeKey(offer.store);
    const list = index.get(key);
    if (list) list.push(offer);
    else index.set(key, [offer]);
  }
  return index;
}

export interface MatchOptions {
  /** The publisher's country from settings, used when the page URL names none. */
  country?: string | null;
  now?: number;
}

/**
 * The offers for the app on a store page, best first: those that take the page's country, then
 * those not expired, then the one payout order every list uses. Empty for anything that is not
 * an app page.
 */
export function offersForStorePage(source: Offer[] | StoreIndex, pageUrl: string, options: MatchOptions = {}): Offer[] {
  const app = parseStoreUrl(pageUrl);
  if (!app) return [];
  const key = storeKey(app);
  const found = Array.isArray(source)
    ? source.filter((offer) => offer.store && storeKey(offer.store) === key)
    : [...((source as StoreIndex).get(key) ?? [])];
  const country = app.country ?? options.country ?? null;
  const now = options.now ?? Date.now();
  const misfit = (offer: Offer) => (country && !acceptsCountry(offer, country) ? 1 : 0);
  const expired = (offer: Offer) => (isExpired(offer, now) ? 1 : 0);
  return found.sort((a, b) => misfit(a) - misfit(b) || expired(a) - expired(b) || byPayout(a, b));
}
