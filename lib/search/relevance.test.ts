import { describe, expect, it } from 'vitest';
import { networkFeed } from '../../tests/support/network-feed';
import { type Offer, parseFeed } from '../feed';
import { isExpired } from '../offer';
import { createSearchIndex } from '.';

// A feed named the network's way, "App - Platform - GEOS - Event": "Install", "register",
// "Android", "iOS" and country codes are in nearly every name; what a publisher types is the app.
const now = Date.UTC(2026, 10, 24);
const all = parseFeed(networkFeed(3000, 11, { now })).offers;
const index = createSearchIndex(all);
// Expired offers always come after the others, whatever they match: the counts below leave them out.
const offers = all.filter((o) => !isExpired(o, now));
const appOf = (offer: Offer) => offer.name.split(' - ')[0] as string;
/** How many live offers of the feed are for these apps (read off the generated feed, not searched). */
const offersFor = (...apps: string[]) => offers.filter((o) => apps.includes(appOf(o))).length;

const search = (q: string, limit = 400) => index.query(q, { now, limit });
/** The apps of the live results, best first. */
const apps = (q: string, limit?: number) =>
  search(q, limit)
    .offers.filter((o) => !isExpired(o, now))
    .map(appOf);
/** The app of the first result and how many results in a row are for it (or for one of `same`). */
function leading(q: string, same: string[] = []): [string, number] {
  const list = apps(q);
  const first = list[0] as string;
  const group = [first, ...same];
  const run = list.findIndex((app) => !group.includes(app));
  return [first, run === -1 ? list.length : run];
}

describe('ranking offers named "App - Platform - GEOS - Event"', () => {
  it('puts Instagram first for "insta", though nearly every name says "Install"', () => {
    expect(apps('insta', 5)).toEqual(['Instagram', 'Instagram', 'Instagram', 'Instagram', 'Instagram']);
    expect(leading('insta')).toEqual(['Instagram', offersFor('Instagram')]);
    // The other offers still match (by "Install"), after Instagram's.
    expect(search('insta').total).toBeGreaterThan(2000);
  });

  it('finds TikTok for "tik tok" and "tiktok", however the network spelt it', () => {
    const tiktok = offersFor('TikTok', 'Tik Tok');
    for (const q of ['tik tok', 'tiktok', 'TikTok', 'Tik Tok']) {
      expect(leading(q, ['TikTok', 'Tik Tok'])[1]).toBe(tiktok);
      expect(new Set(apps(q, tiktok))).toEqual(new Set(['TikTok', 'Tik Tok']));
    }
  });

  it('finds PayPal for "pay pal" and "paypal"', () => {
    expect(leading('pay pal')).toEqual(['PayPal', offersFor('PayPal')]);
    expect(leading('paypal')).toEqual(['PayPal', offersFor('PayPal')]);
    expect(leading('pay')).toEqual(['PayPal', offersFor('PayPal')]);
  });

  it('puts the app named exactly what was typed before longer names: Uber, then Uber Eats', () => {
    expect(leading('uber')).toEqual(['Uber', offersFor('Uber')]);
    const [, uberEats] = leading('uber');
    expect(apps('uber').slice(uberEats, uberEats + offersFor('Uber Eats'))).toEqual(
      Array(offersFor('Uber Eats')).fill('Uber Eats'),
    );
    expect(leading('uber eats')).toEqual(['Uber Eats', offersFor('Uber Eats')]);
    expect(leading('ubereats')).toEqual(['Uber Eats', offersFor('Uber Eats')]);
  });

  it('finds the words inside a name written as one', () => {
    expect(leading('express vpn')).toEqual(['ExpressVPN', offersFor('ExpressVPN')]);
    expect(leading('nord vpn')).toEqual(['NordVPN', offersFor('NordVPN')]);
    const vpn = new Set(apps('vpn'));
    for (const app of ['ExpressVPN', 'NordVPN', 'Surfshark VPN']) expect(vpn).toContain(app);
  });

  it('still corrects typos, swapped letters included', () => {
    expect(leading('instagarm')).toEqual(['Instagram', offersFor('Instagram')]);
    expect(leading('telegrm')).toEqual(['Telegram', offersFor('Telegram')]);
    expect(leading('expresvpn')).toEqual(['ExpressVPN', offersFor('ExpressVPN')]);
    expect(leading('sptoify')).toEqual(['Spotify', offersFor('Spotify')]);
  });

  it('still finds an app by package name or App Store id, and an offer by its id', () => {
    const instagram = all.filter((o) => appOf(o) === 'Instagram');
    const android = instagram.filter((o) => o.platform === 'android').map((o) => o.id);
    const ios = instagram.filter((o) => o.platform === 'ios').map((o) => o.id);
    expect(
      search('com.instagram.android')
        .offers.map((o) => o.id)
        .sort(),
    ).toEqual([...android].sort());
    expect(
      search('389801252')
        .offers.map((o) => o.id)
        .sort(),
    ).toEqual([...ios].sort());
    expect(search('200500').offers[0]?.id).toBe('200500');
  });

  it('still applies terms to real names: platform, country, payout and order', () => {
    const iosInstagram = offers.filter((o) => appOf(o) === 'Instagram' && o.platform === 'ios').length;
    expect(leading('insta platform:ios')).toEqual(['Instagram', iosInstagram]);
    for (const offer of search('insta platform:ios').offers) expect(offer.platform).toBe('ios');

    const uberInUs = offers.filter((o) => appOf(o) === 'Uber' && (o.geos.length === 0 || o.geos.includes('US')));
    expect(leading('uber geo:us')).toEqual(['Uber', uberInUs.length]);

    const byPayout = search('tiktok sort:payout').offers;
    expect(byPayout.length).toBe(offersFor('TikTok', 'Tik Tok'));
    const amounts = byPayout.map((o) => o.payout?.amount ?? -1);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));

    for (const offer of search('ftd payout>5').offers) {
      expect(offer.name).toMatch(/FTD/);
      expect(offer.payout?.amount).toBeGreaterThanOrEqual(5);
    }
  });

  it('still finds event words, every word in each result', () => {
    const results = search('install register').offers;
    expect(results.length).toBeGreaterThan(100);
    for (const offer of results)
      expect(`${offer.name} ${offer.description}`).toMatch(/Install.*Regist|Install.*regist/);
    const deposit = search('uber deposit').offers;
    expect(deposit.length).toBeGreaterThan(0);
    for (const offer of deposit) expect(offer.name).toMatch(/^Uber.*deposit/);
  });
});

describe('the app part of a name', () => {
  const raw = (id: string, name: string, amount: number) => ({
    id,
    name,
    tracking_url: `https://t.example/c?o=${id}`,
    payout: { amount },
  });
  const small = createSearchIndex(
    parseFeed({
      message: true,
      offers: [
        raw('1', 'Uber Eats – iOS – US – Install', 9),
        raw('2', 'Uber – Android – US – Install + first ride', 1),
        raw('3', 'Install Uber Rides', 5),
      ],
    }).offers,
  );
  const ids = (q: string) => small.query(q, { now }).offers.map((o) => o.id);

  it('ends at an en dash too, and a name without a dash is all app', () => {
    // Exactly "Uber" first; then, equal, by payout: "Uber Eats" and "Install Uber Rides".
    expect(ids('uber')).toEqual(['2', '1', '3']);
    // "Install" in the app's name outweighs it in the event.
    expect(ids('install')).toEqual(['3', '1', '2']);
  });
});
