import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseFeed } from '../feed';
import { defaultSettings, type Settings } from '../settings/defaults';
import { database } from '../storage/database';
import { dismissedItem, watchlistItem } from '../storage/items';
import { createStorePages } from '.';
import { createStoreIndex } from './match';

const now = Date.UTC(2026, 10, 24);
const SPOTIFY = 'https://play.google.com/store/apps/details?id=com.spotify.music';

function feed(extra: Record<string, unknown>[] = []) {
  return parseFeed({
    message: true,
    offers: [
      {
        id: 'es',
        name: 'Spotify ES',
        tracking_url: 'https://trk.example.com/c?o=es',
        preview_url: SPOTIFY,
        geos: 'es',
        payout: { amount: 1.2 },
        sub_id: { include: ['pubA', 'pubB'] },
      },
      {
        id: 'us',
        name: 'Spotify US',
        tracking_url: 'https://go.other.example/c?o=us&aff_sub2=preset',
        preview_url: SPOTIFY,
        geos: ['US'],
        payout: { amount: 2 },
        conversion_cap: { daily: 50 },
      },
      ...extra,
    ],
  }).offers;
}

const WHATSAPP_PAGE = 'https://play.google.com/store/apps/details?id=com.whatsapp';
const WHATSAPP = {
  id: 'w',
  name: 'WhatsApp',
  tracking_url: 'https://t.example/w',
  preview_url: 'market://details?id=com.whatsapp',
};

let settings: Settings;
function pages(offers = feed()) {
  return createStorePages({
    appOffers: async () => createStoreIndex(offers),
    settings: async () => settings,
    dismissals: dismissedItem,
    watchlist: watchlistItem,
    latestChanges: (ids) => database.changes.latestFor(ids),
    notificationsAllowed: async () => false,
    sourceNames: async () => new Map([['cat', 'CarrierAppTraffic']]),
    now: () => now,
  });
}

beforeEach(() => {
  fakeBrowser.reset();
  settings = { ...defaultSettings(''), clickId: '{click}', subId: 'pubA', country: 'ES' };
});

describe('the offers a store page is told about', () => {
  it('has the page country first, with the link built from the settings and where it goes', async () => {
    const page = await pages().forPage(`${SPOTIFY}&gl=US`);
    expect(page).toMatchObject({
      url: `${SPOTIFY}&gl=US`,
      enabled: true,
      dismissed: false,
      country: 'US',
      subId: 'pubA',
    });
    expect(
      page.offers.map((o) => [o.id.replace('cat|', ''), o.fitsCountry, o.trackingLink, o.linkHost, o.subIdStatus]),
    ).toEqual([
      ['us', true, 'https://go.other.example/c?o=us&aff_sub2=pubA&aff_sub={click}', 'go.other.example', 'ok'],
      ['es', false, 'https://trk.example.com/c?o=es&aff_sub={click}&aff_sub2=pubA', 'trk.example.com', 'ok'],
    ]);
  });

  it("uses the publisher's country when the page names none", async () => {
    const page = await pages().forPage(SPOTIFY);
    expect(page.country).toBe('ES');
    expect(page.offers.map((o) => [o.id.replace('cat|', ''), o.fitsCountry])).toEqual([
      ['es', true],
      ['us', false],
    ]);
  });

  it('warns about a sub ID the offer does not accept, with the accepted ones', async () => {
    settings = { ...settings, subId: 'pubZ' };
    const page = await pages().forPage(SPOTIFY);
    expect(page.offers.map((o) => [o.id.replace('cat|', ''), o.subIdStatus, o.acceptedSubIds])).toEqual([
      ['es', 'not-included', ['pubA', 'pubB']],
      ['us', 'ok', []],
    ]);
  });

  it('tells a page nothing about the offers when badges are off', async () => {
    settings = { ...settings, badgesEnabled: false };
    expect(await pages().forPage(SPOTIFY)).toMatchObject({ enabled: false, offers: [] });
  });

  it("names each offer by its key and network, with a foreign payout's equivalent in the display currency", async () => {
    const euro = { ...WHATSAPP, id: 'eur', payout: { amount: 1.6, currency: 'eur' } };
    const offers = parseFeed({ message: true, offers: [euro] }).offers.map((o) => ({ ...o, source: 'affise-1' }));
    const page = await createStorePages({
      appOffers: async () => createStoreIndex(offers),
      settings: async () => settings,
      dismissals: dismissedItem,
      watchlist: watchlistItem,
      latestChanges: async () => new Map(),
      notificationsAllowed: async () => false,
      sourceNames: async () => new Map([['affise-1', 'AppRocket (Affise)']]),
      now: () => now,
    }).forPage(WHATSAPP_PAGE);
    expect(page.offers.map((o) => [o.id, o.network, o.equivalent])).toEqual([
      ['affise-1|eur', 'AppRocket (Affise)', '≈ $1.82'],
    ]);
  });

  it('tells a page about its ten best offers at most', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({
      id: `m${i}`,
      name: `More ${i}`,
      tracking_url: `https://t.example/${i}`,
      preview_url: SPOTIFY,
      payout: { amount: 0.1 * i },
    }));
    // ES (from settings) fits "es" and the offers listing no countries; "us" comes last and is cut.
    const page = await pages(feed(many)).forPage(SPOTIFY);
    expect(page.offers.map((o) => o.id.replace('cat|', ''))).toEqual([
      'es',
      'm11',
      'm10',
      'm9',
      'm8',
      'm7',
      'm6',
      'm5',
      'm4',
      'm3',
    ]);
  });

  it('has nothing for a page that is not an app page', async () => {
    expect((await pages().forPage('https://play.google.com/store/search?q=spotify')).offers).toEqual([]);
  });
});

describe('dismissing a badge', () => {
  it("hides that app's badge, and no other app's", async () => {
    await pages().dismiss(SPOTIFY);
    expect((await pages().forPage(`${SPOTIFY}&gl=US`)).dismissed).toBe(true);
    const other = feed([
      {
        id: 'w',
        name: 'WhatsApp',
        tracking_url: 'https://t.example/w',
        preview_url: 'market://details?id=com.whatsapp',
      },
    ]);
    expect((await pages(other).forPage('https://play.google.com/store/apps/details?id=com.whatsapp')).dismissed).toBe(
      false,
    );
  });

  it('brings the badge back when a payout changes or an offer comes or goes', async () => {
    await pages().dismiss(SPOTIFY);
    const raised = feed().map((o) =>
      o.id === 'es' ? { ...o, payout: { amount: 1.5, currency: 'USD', type: 'CPA' } } : o,
    );
    expect((await pages(raised).forPage(SPOTIFY)).dismissed).toBe(false);
    expect((await pages(feed().slice(1)).forPage(SPOTIFY)).dismissed).toBe(false);
    expect((await pages(feed()).forPage(SPOTIFY)).dismissed).toBe(true);
  });

  it("brings back this app's badge on Undo, and leaves the other hidden apps hidden", async () => {
    const both = feed([WHATSAPP]);
    await pages(both).dismiss(SPOTIFY);
    await pages(both).dismiss(WHATSAPP_PAGE);
    await pages(both).undismiss(`${SPOTIFY}&gl=US`);
    expect((await pages(both).forPage(SPOTIFY)).dismissed).toBe(false);
    expect((await pages(both).forPage(WHATSAPP_PAGE)).dismissed).toBe(true);
  });

  it('lists the hidden apps for the settings page, by label, with their best offer', async () => {
    const both = feed([WHATSAPP]);
    await pages(both).dismiss(WHATSAPP_PAGE);
    await pages(both).dismiss(`${SPOTIFY}&gl=DE`);
    expect(await pages(both).hiddenBadges()).toEqual([
      { key: 'google-play:com.spotify.music', label: 'com.spotify.music on Google Play', offerName: 'Spotify US' },
      { key: 'google-play:com.whatsapp', label: 'com.whatsapp on Google Play', offerName: 'WhatsApp' },
    ]);
    // Settings → Hidden badges: bring one back by its key.
    await pages(both).undismissApp('google-play:com.whatsapp');
    expect((await pages(both).hiddenBadges()).map((hidden) => hidden.key)).toEqual(['google-play:com.spotify.music']);
    expect((await pages(both).forPage(WHATSAPP_PAGE)).dismissed).toBe(false);
  });

  it('no longer lists an app whose offers changed since (its badge is back by itself)', async () => {
    await pages().dismiss(SPOTIFY);
    const raised = feed().map((o) =>
      o.id === 'us' ? { ...o, payout: { amount: 2.5, currency: 'USD', type: 'CPA' } } : o,
    );
    expect(await pages(raised).hiddenBadges()).toEqual([]);
    expect(await pages([]).hiddenBadges()).toEqual([]);
  });

  it('records nothing for a page without offers', async () => {
    await pages().dismiss('https://play.google.com/store/apps/details?id=com.none');
    expect(await dismissedItem.getValue()).toEqual({});
  });
});
