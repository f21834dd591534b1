import { DEMO_APPS, type DemoApp } from './demo-apps';
import { type OfferNaming, pick, type RawOffer, random, rawOffer, syntheticApp } from './synthetic-feed';

/**
 * Events as the network writes them at the end of a name: "Install" is in nearly every one, so
 * it says nothing about which offer a publisher is after.
 */
const EVENTS = [
  'Install',
  'Install + register',
  'Install + Registration',
  'Install + deposit',
  'Install + FTD',
  'FTD',
  'CPA',
  'CPI',
  'Install + first purchase',
  'Install + subscribe',
  'Install + trial',
  'Install + KYC',
  'Install + open 3 days',
  'Install + level 10',
  'Install + first order',
  'Registration + deposit',
  'Install + sign up',
  'Install (non-incent)',
];

/** Apps the network spells more than one way across its offers. */
const SPELLINGS: Record<string, readonly string[]> = {
  TikTok: ['TikTok', 'TikTok', 'TikTok', 'Tik Tok'],
};

function networkNaming(rnd: () => number): OfferNaming {
  return {
    verbs: EVENTS,
    name(app, platform, geos, event) {
      const spellings = SPELLINGS[app.name];
      const name = spellings ? pick(rnd, spellings) : app.name;
      const countries = geos.slice(0, 1 + Math.floor(rnd() * 4)).join('/');
      return `${name} - ${platform} - ${countries} - ${event}`;
    },
  };
}

/**
 * A feed named the way the network names its offers, "App - Platform - GEOS - Event"
 * ("Instagram - Android - AU/US/TH - Install + register"). Every real demo app first gets
 * `perRealApp` offers (both platforms, other countries and events), then the rest are drawn
 * from the real apps (40 %) and made-up apps (several offers each). Deterministic.
 */
export function networkFeed(
  count: number,
  seed = 42,
  { perRealApp = 12, now = Date.UTC(2026, 10, 24) } = {},
): { message: boolean; offers: RawOffer[] } {
  const rnd = random(seed);
  const naming = networkNaming(rnd);
  const offers: RawOffer[] = [];
  const add = (app: DemoApp, platform: 'android' | 'ios') =>
    offers.push(rawOffer(app, platform, 200_000 + offers.length, rnd, now, naming));
  for (let round = 0; round < perRealApp; round++) {
    for (const app of DEMO_APPS) {
      if (offers.length === count) break;
      add(app, round % 2 === 0 ? 'android' : 'ios');
    }
  }
  let filler = syntheticApp(rnd, 0);
  let made = 1;
  while (offers.length < count) {
    const real = rnd() < 0.4;
    if (!real && rnd() < 0.3) filler = syntheticApp(rnd, made++);
    add(real ? pick(rnd, DEMO_APPS) : filler, rnd() < 0.55 ? 'android' : 'ios');
  }
  return { message: true, offers };
}
