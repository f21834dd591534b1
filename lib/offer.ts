import { usdValue } from './currency/convert';
import type { StoreApp } from './store-url';

/**
 * An offer as Offer Lens keeps it: what `parseFeed` makes of one entry of the network's feed
 * (see docs/architecture.md, "The feed"), and the few questions every surface asks of it.
 */

export type Platform = 'android' | 'ios';

export interface Payout {
  amount: number;
  currency: string;
  type: string;
}

export interface Caps {
  /** 0 = no cap. */
  daily: number;
  /** 0 = no cap. */
  monthly: number;
}

export interface SubIds {
  /** When non-empty, the only sub IDs the offer accepts. */
  include: string[];
  /** Sub IDs the offer never accepts. */
  exclude: string[];
}

export interface Offer {
  id: string;
  name: string;
  description: string;
  previewUrl: string | null;
  trackingUrl: string;
  /** The app, parsed from previewUrl. */
  store: StoreApp | null;
  platform: Platform | null;
  minVersion: string | null;
  /** Upper-case ISO alpha-2, unique. Empty: the offer takes any country. */
  geos: string[];
  payout: Payout | null;
  caps: Caps;
  categories: string[];
  /** Epoch ms, UTC. */
  expiresAt: number | null;
  subIds: SubIds;
  /**
   * The source (network account) the offer came from: set when it is stored, never by a network's
   * adapter (lib/sources/index.ts). Missing = the first source.
   */
  source?: string;
}

const DAY = 86_400_000;
/** How far ahead an expiry is worth a warning. */
export const EXPIRY_WARNING_MS = 2 * DAY;

/** Does the offer take traffic from this country? An offer that lists no geos takes any. */
export function acceptsCountry(offer: Pick<Offer, 'geos'>, country: string): boolean {
  return offer.geos.length === 0 || offer.geos.includes(country.toUpperCase());
}

/** True when the offer's expiry has passed at `now`. */
export function isExpired(offer: Pick<Offer, 'expiresAt'>, now: number): boolean {
  return offer.expiresAt !== null && offer.expiresAt <= now;
}

/** Expires within the next 48 hours (and has not yet). */
export function isExpiringSoon(offer: Pick<Offer, 'expiresAt'>, now: number): boolean {
  return offer.expiresAt !== null && offer.expiresAt > now && offer.expiresAt - now <= EXPIRY_WARNING_MS;
}

/**
 * The payout for ordering, in one currency (its USD equivalent: €10.68 pays more than $10.68):
 * an offer without a usable payout, or in a currency with no known rate, sorts below every other.
 */
export function payoutAmount(offer: Pick<Offer, 'payout'>): number {
  return usdValue(offer.payout);
}

/**
 * The one "best paying first" order every list uses: payout (in one currency) high to low, then
 * name, then id, so two offers never tie and every surface shows them in the same order.
 */
export function byPayout(a: Offer, b: Offer): number {
  return (
    payoutAmount(b) - payoutAmount(a) ||
    compareText(a.name, b.name) ||
    compareText(a.id, b.id) ||
    compareText(a.source ?? '', b.source ?? '')
  );
}

/** `offers` best paying first, each payout converted once (a comparator that converts does it ~1.6 M times for 50,000). */
export function sortByPayout<T extends Offer>(offers: T[]): T[] {
  const value = new Map<T, number>();
  for (const offer of offers) value.set(offer, payoutAmount(offer));
  return offers.sort(
    (a, b) =>
      (value.get(b) as number) - (value.get(a) as number) ||
      compareText(a.name, b.name) ||
      compareText(a.id, b.id) ||
      compareText(a.source ?? '', b.source ?? ''),
  );
}

/** Code-unit order: the same in every browser and locale, and fast. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
