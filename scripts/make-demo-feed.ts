/**
 * Writes public/demo-feed.json: every demo app on both platforms, a second offer for some
 * (other countries and payouts), and the broken offers a real feed carries. Deterministic.
 * Run: npx tsx scripts/make-demo-feed.ts
 */
import { writeFileSync } from 'node:fs';
import { DEMO_APPS } from '../tests/support/demo-apps';
import { type RawOffer, random, rawOffer } from '../tests/support/synthetic-feed';

const now = Date.UTC(2026, 10, 24);
const rnd = random(7);
const offers: RawOffer[] = [];
let id = 4100;
for (const app of DEMO_APPS) {
  offers.push(rawOffer(app, 'android', id++, rnd, now));
  offers.push(rawOffer(app, 'ios', id++, rnd, now));
  if (rnd() < 0.3) offers.push(rawOffer(app, rnd() < 0.5 ? 'android' : 'ios', id++, rnd, now));
}
// What a real feed also sends: a market:// preview, a duplicate id, offers we must skip.
const facebook = offers.find((o) => String(o.name).startsWith('Facebook - Android')) as RawOffer;
facebook.preview_url = 'market://details?id=com.facebook.katana';
offers.push({ ...(offers[0] as RawOffer) });
offers.push({ id: '9001', name: 'Broken offer without a tracking link', tracking_url: '' });
offers.push({
  id: '',
  name: 'Offer without an id',
  tracking_url: 'https://trk.carrierapptraffic.example/click?offer_id=0',
});

writeFileSync(
  new URL('../public/demo-feed.json', import.meta.url),
  `${JSON.stringify({ message: true, offers }, null, 1)}\n`,
);
console.log(`public/demo-feed.json: ${offers.length} offers`);
