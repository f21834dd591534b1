import { DEMO_APPS, type DemoApp } from './demo-apps';

/** Raw feed offers as the network sends them, with the sloppiness real feeds have. */
export type RawOffer = Record<string, unknown>;

const GEO_POOL = [
  'US',
  'GB',
  'DE',
  'FR',
  'CA',
  'AU',
  'BR',
  'MX',
  'IN',
  'ID',
  'JP',
  'KR',
  'IT',
  'ES',
  'NL',
  'PL',
  'TR',
  'SA',
  'AE',
  'ZA',
  'SE',
  'NO',
  'PH',
  'TH',
  'VN',
];
const WORDS = [
  'puzzle',
  'kingdom',
  'saga',
  'merge',
  'dragon',
  'city',
  'farm',
  'racing',
  'legends',
  'solitaire',
  'bingo',
  'slots',
  'fitness',
  'budget',
  'wallet',
  'photo',
  'editor',
  'vpn',
  'cleaner',
  'dating',
  'chat',
  'music',
  'radio',
  'podcast',
  'news',
  'weather',
  'scanner',
  'recipes',
  'yoga',
  'sleep',
  'stories',
  'quest',
  'heroes',
  'empire',
  'tycoon',
  'idle',
  'block',
  'word',
  'trivia',
  'casino',
  'poker',
  'chess',
  'tiles',
  'garden',
  'mansion',
  'pets',
  'cars',
  'taxi',
  'food',
  'delivery',
  'shop',
  'deals',
  'travel',
  'hotels',
  'flights',
  'bank',
  'crypto',
  'trade',
  'learn',
  'language',
  'math',
  'kids',
  'coloring',
  'zombie',
  'sniper',
  'war',
  'clash',
  'royal',
  'magic',
  'match',
  'crush',
  'jewel',
  'bubble',
  'shooter',
  'runner',
  'drift',
  'battle',
  'survival',
  'craft',
  'mine',
  'island',
  'ocean',
  'space',
  'galaxy',
  'star',
  'hero',
  'ninja',
  'knight',
  'castle',
];
const CATEGORIES = [
  ['Games', 'Puzzle'],
  ['Games', 'Casual'],
  ['Games', 'Strategy'],
  ['Games', 'Action'],
  ['Games', 'Casino'],
  ['Finance'],
  ['Shopping'],
  ['Health & Fitness'],
  ['Tools', 'Utilities'],
  ['Dating'],
  ['Music'],
  ['Education'],
  ['Travel'],
  ['Food & Drink'],
  ['Photo & Video'],
  ['News'],
  ['Entertainment'],
];
const NOTES = [
  'Incentivized traffic is not allowed.',
  'No adult or misleading creatives.',
  'KPI: day-1 retention above 30%.',
  'Brand bidding prohibited.',
  'Only WiFi traffic.',
  'Fraud will not be paid.',
  'Soft KPI: 5% purchase rate on day 7.',
  'Push traffic allowed after approval.',
  'No rewarded traffic.',
  'Tier-1 devices only.',
];
const VERBS = [
  'Install',
  'Install + register',
  'Install + first purchase',
  'Install + reach level 10',
  'Install + subscribe (trial)',
  'Install + open 3 days',
];

/** Small deterministic PRNG (mulberry32), so the generated feeds are the same every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}

function geosFor(rnd: () => number): string[] {
  const count = 1 + Math.floor(rnd() * (rnd() < 0.2 ? 18 : 5));
  const set = new Set<string>();
  // Most offers want the big markets.
  if (rnd() < 0.55) set.add('US');
  if (rnd() < 0.3) set.add('GB');
  while (set.size < count) set.add(pick(rnd, GEO_POOL));
  return [...set];
}

/** How an offer's name is written: its event words, and the name from the app, platform, countries and event. */
export interface OfferNaming {
  verbs: readonly string[];
  name(app: DemoApp, platform: 'Android' | 'iOS', geos: string[], verb: string): string;
}

const PLAIN_NAMING: OfferNaming = {
  verbs: VERBS,
  name: (app, platform, geos, verb) => `${app.name} - ${platform} - ${geos.slice(0, 3).join('/')} - ${verb}`,
};

/** One offer for an app and platform, with one of the quirks real feeds have. */
export function rawOffer(
  app: DemoApp,
  platform: 'android' | 'ios',
  id: number,
  rnd: () => number,
  now: number,
  naming: OfferNaming = PLAIN_NAMING,
): RawOffer {
  const geos = geosFor(rnd);
  const amount = Math.round((0.2 + rnd() * (rnd() < 0.1 ? 14 : 3.5)) * 100) / 100;
  const verb = pick(rnd, naming.verbs);
  const expires = rnd() < 0.3 ? new Date(now + (rnd() * 60 - 4) * 86_400_000) : null;
  const preview =
    platform === 'android'
      ? `https://play.google.com/store/apps/details?id=${app.android}`
      : `https://apps.apple.com/${geos[0]?.toLowerCase()}/app/id${app.ios}`;
  const offer: RawOffer = {
    id: String(id),
    name: naming.name(app, platform === 'android' ? 'Android' : 'iOS', geos, verb),
    description: `${verb}. ${pick(rnd, NOTES)} ${pick(rnd, NOTES)}`,
    preview_url: preview,
    tracking_url: `https://trk.carrierapptraffic.example/click?offer_id=${id}&aff_id=demo&aff_sub=[CLICK_ID]`,
    conversion_cap: {
      daily: rnd() < 0.4 ? 0 : Math.round(rnd() * 200) * 5,
      monthly: rnd() < 0.5 ? 0 : Math.round(rnd() * 100) * 100,
    },
    geos,
    targeting: platform === 'android' ? 'Android' : 'iOS',
    platform: platform === 'android' ? 'Android' : 'iOS',
    min_version:
      platform === 'android' ? pick(rnd, ['7.0', '8.0', '9.0', '10.0']) : pick(rnd, ['14.0', '15.0', '16.0']),
    payout: { amount, currency: rnd() < 0.85 ? 'USD' : 'EUR', type: 'CPA' },
    categories: app.categories,
    expiration_date: expires ? expires.toISOString().slice(0, 19).replace('T', ' ') : '0000-00-00 00:00:00',
    sub_id: { include: rnd() < 0.05 ? ['pub-100', 'pub-200'] : [], exclude: rnd() < 0.1 ? ['pub-666'] : [] },
  };
  return roughen(offer, rnd);
}

/** The quirks real feeds have (docs/architecture.md, "The feed, normalised"): numbers as strings, lower-case or joined geos, nulls, HTML, extras. */
function roughen(offer: RawOffer, rnd: () => number): RawOffer {
  const r = rnd();
  const payout = offer.payout as { amount: number };
  if (r < 0.15) offer.payout = { ...payout, amount: String(payout.amount) };
  else if (r < 0.25) offer.geos = (offer.geos as string[]).map((g) => g.toLowerCase()).join(',');
  else if (r < 0.3) offer.categories = (offer.categories as string[]).join(', ');
  else if (r < 0.35) offer.sub_id = { include: null, exclude: null };
  else if (r < 0.4)
    offer.description = `<p><b>${offer.description}</b></p><br>Payout on <i>approved</i> installs only.`;
  else if (r < 0.45) offer.id = Number(offer.id);
  else if (r < 0.5) offer.conversion_cap = { daily: String((offer.conversion_cap as { daily: number }).daily) };
  else if (r < 0.53) offer.targeting = 'iphone';
  if (rnd() < 0.2) offer.advertiser_notes = { internal: true, rating: rnd() };
  return offer;
}

/** A made-up app, so a big feed has as many distinct apps as a real network's. */
export function syntheticApp(rnd: () => number, n: number): DemoApp {
  const words = [pick(rnd, WORDS), pick(rnd, WORDS), pick(rnd, WORDS)];
  return {
    name: words.map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}`).join(' '),
    android: `com.${words[0]}${n % 97}.${words[1]}${words[2]}`,
    ios: String(1_000_000_000 + n * 7919),
    categories: pick(rnd, CATEGORIES),
  };
}

/**
 * A feed of `count` offers: first every real demo app on both platforms, then made-up apps
 * (one to three offers each, as networks run several geo/payout variants). Deterministic.
 */
export function syntheticFeed(
  count: number,
  seed = 42,
  now = Date.UTC(2026, 10, 24),
): { message: boolean; offers: RawOffer[] } {
  const rnd = random(seed);
  const offers: RawOffer[] = [];
  let app = DEMO_APPS[0] as DemoApp;
  let made = 0;
  for (let i = 0; i < count; i++) {
    const real = i < DEMO_APPS.length * 2;
    if (real) app = DEMO_APPS[i % DEMO_APPS.length] as DemoApp;
    else if (rnd() < 0.5) app = syntheticApp(rnd, made++);
    const platform = real ? (i < DEMO_APPS.length ? 'android' : 'ios') : rnd() < 0.55 ? 'android' : 'ios';
    offers.push(rawOffer(app, platform, 100_000 + i, rnd, now));
  }
  return { message: true, offers };
}
