/**
 * The demo feed moving the way real feeds move, so the Changes view, an offer's history and a
 * watched offer's warning can be seen without an account. `driftFeed(feed, step)` is the raw demo
 * feed as it stands after `step` refreshes: deterministic (the same step is always the same
 * feed), and each step moves some payouts, halves some caps, drops a country here and there,
 * pauses a few offers and adds a few. The background uses it for "Try with demo data"; the test
 * feed server's `drift` mode serves it.
 */

type RawOffer = Record<string, unknown>;
interface RawFeed {
  message: unknown;
  offers: RawOffer[];
}

export interface DriftOptions {
  /** Offers the publisher watches: on every step one of them (present in the feed) loses payout. */
  watched?: string[];
}

export function driftFeed<T>(feed: T, step: number, options: DriftOptions = {}): T {
  if (step <= 0 || !isRawFeed(feed)) return feed;
  return drift(feed, step, options) as T;
}

function isRawFeed(value: unknown): value is RawFeed {
  return !!value && typeof value === 'object' && Array.isArray((value as RawFeed).offers);
}

function drift(feed: RawFeed, step: number, options: DriftOptions): RawFeed {
  const watchedVictim = options.watched?.find((id) => feed.offers.some((o) => String(o.id) === id));
  const offers: RawOffer[] = [];
  for (const offer of feed.offers) {
    const id = String(offer.id ?? '');
    const roll = hash(`${id}:${step}`) % 1000;
    // A few offers pause for a step (gone), then come back.
    if (roll < 25 && id !== watchedVictim) continue;
    let moved = offer;
    if (id === watchedVictim) moved = scalePayout(moved, 0.8);
    else if (roll < 95) moved = scalePayout(moved, roll % 2 ? 1.15 : 0.85);
    else if (roll < 120) moved = halveCaps(moved);
    else if (roll < 140) moved = dropFirstGeo(moved);
    offers.push(moved);
  }
  // A few new offers: copies of existing apps under new ids, with their own payout.
  const copies = feed.offers.filter((o) => hash(`${String(o.id)}:new:${step}`) % 1000 < 15);
  for (const [i, offer] of copies.entries()) {
    offers.push({
      ...scalePayout(offer, 1.25),
      id: `${String(offer.id)}-s${step}n${i}`,
      name: `${String(offer.name)} (new)`,
    });
  }
  return { ...feed, offers };
}

function scalePayout(offer: RawOffer, factor: number): RawOffer {
  const payout = offer.payout as Record<string, unknown> | null | undefined;
  const amount = Number(payout?.amount);
  if (!payout || !Number.isFinite(amount)) return offer;
  return { ...offer, payout: { ...payout, amount: Math.round(amount * factor * 100) / 100 } };
}

function halveCaps(offer: RawOffer): RawOffer {
  const caps = offer.conversion_cap as Record<string, unknown> | null | undefined;
  if (!caps || typeof caps !== 'object') return offer;
  const half = (value: unknown) => Math.floor(Number(value) / 2) || value;
  return { ...offer, conversion_cap: { ...caps, daily: half(caps.daily), monthly: half(caps.monthly) } };
}

function dropFirstGeo(offer: RawOffer): RawOffer {
  const geos = offer.geos;
  if (Array.isArray(geos) && geos.length > 1) return { ...offer, geos: geos.slice(1) };
  if (typeof geos === 'string' && geos.includes(',')) return { ...offer, geos: geos.slice(geos.indexOf(',') + 1) };
  return offer;
}

/** FNV-1a: a small, stable hash, so a step is the same feed on every machine. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
