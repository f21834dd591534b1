import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feed';
import { diffOffers } from './diff';
import { toRecords } from './log';
import {
  ALERT_REPEAT_MS,
  EMPTY_WATCHLIST,
  isWatched,
  setWatched,
  WATCHLIST_MAX_OFFERS,
  type WatchAlert,
  type Watchlist,
  type WatchSettings,
  watchAlerts,
} from './watch';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 24, 9, 30);
const SPOTIFY_APP = 'google-play:com.spotify.music';

const spotify = {
  id: '101',
  name: 'Spotify - ES',
  tracking_url: 'https://trk.example.com/c?o=101',
  preview_url: 'https://play.google.com/store/apps/details?id=com.spotify.music',
  geos: ['ES', 'US'],
  payout: { amount: 2 },
  conversion_cap: { daily: 500, monthly: 0 },
};
const bumble = {
  id: '202',
  name: 'Bumble - US',
  tracking_url: 'https://trk.example.com/c?o=202',
  preview_url: 'https://apps.apple.com/us/app/bumble/id930441707',
  geos: ['US'],
  payout: { amount: 3 },
};

/**
 * Runs a sequence of feeds (null = a failed refresh: no diff, nothing raised) through the diff
 * and the watch rules, an hour apart, carrying the alerts sent. Returns the alert keys per step.
 */
function run(feeds: (Record<string, unknown>[] | null)[], watchlist: Watchlist, settings: Partial<WatchSettings> = {}) {
  const sent: Record<string, number> = {};
  let previous = parseFeed({ message: true, offers: feeds[0] }).offers;
  const steps: WatchAlert[][] = [];
  feeds.slice(1).forEach((raw, i) => {
    const now = T0 + (i + 1) * HOUR;
    if (raw === null) {
      steps.push([]);
      return;
    }
    const offers = parseFeed({ message: true, offers: raw }).offers;
    const records = toRecords(diffOffers(previous, offers), offers, now, now - HOUR);
    const alerts = watchAlerts({
      records,
      offers,
      watchlist,
      settings: { alertPayoutDrop: 0, watchedCountries: '', ...settings },
      sent,
      now,
    });
    for (const alert of alerts) sent[alert.key] = now;
    steps.push(alerts);
    previous = offers;
  });
  return steps;
}
const keys = (steps: WatchAlert[][]) => steps.map((alerts) => alerts.map((a) => a.key));
const watching = (offers: string[] = [], apps: string[] = []): Watchlist => ({ offers, apps });

describe('watch alerts', () => {
  it('warn once when a watched offer goes, not again when it comes back or flickers', () => {
    const steps = run([[spotify, bumble], [bumble], [spotify, bumble], [bumble]], watching(['cat|101']));
    expect(keys(steps)).toEqual([['gone:cat|101'], [], []]);
    expect(steps[0]?.[0]).toEqual({
      key: 'gone:cat|101',
      offerId: 'cat|101',
      title: 'Watched offer gone: Spotify - ES',
      message: 'gone',
    });
  });

  it('say nothing while the feed fails, and warn once a good feed says the offer is gone', () => {
    expect(keys(run([[spotify], null, null, [bumble]], watching(['cat|101'])))).toEqual([[], [], ['gone:cat|101']]);
  });

  it('warn about any payout drop by default, and only bigger ones above a threshold', () => {
    const feeds = [[spotify], [{ ...spotify, payout: { amount: 1.9 } }], [{ ...spotify, payout: { amount: 1.5 } }]];
    expect(keys(run(feeds, watching(['cat|101'])))).toEqual([['payout:cat|101:1.9'], ['payout:cat|101:1.5']]);
    expect(keys(run(feeds, watching(['cat|101']), { alertPayoutDrop: 10 }))).toEqual([[], ['payout:cat|101:1.5']]);
    const raised = [[spotify], [{ ...spotify, payout: { amount: 2.5 } }]];
    expect(keys(run(raised, watching(['cat|101'])))).toEqual([[]]);
    const dropped = run([[spotify], [{ ...spotify, payout: { amount: 1.5 } }]], watching(['cat|101']))[0]?.[0];
    expect(dropped).toMatchObject({ title: 'Payout dropped: Spotify - ES', message: '$2.00 → $1.50, \u221225\u202f%' });
  });

  it('warn when a cap is cut or appears, not when it is lifted', () => {
    const cap = (daily: number, monthly: number) => ({ ...spotify, conversion_cap: { daily, monthly } });
    expect(keys(run([[cap(500, 0)], [cap(250, 0)], [cap(0, 0)], [cap(0, 9000)]], watching(['cat|101'])))).toEqual([
      ['caps:cat|101:250/0'],
      [],
      ['caps:cat|101:0/9000'],
    ]);
  });

  it('warn when a watched country is removed (any country when none is set)', () => {
    const feeds = [[spotify], [{ ...spotify, geos: ['US'] }], [{ ...spotify, geos: [] }]];
    expect(keys(run(feeds, watching(['cat|101']), { watchedCountries: 'us' }))).toEqual([[], ['geos:cat|101:US']]);
    const anyCountry = run(feeds, watching(['cat|101']));
    expect(keys(anyCountry)).toEqual([['geos:cat|101:ES'], ['geos:cat|101:US']]);
    expect(anyCountry[0]?.[0]).toMatchObject({ title: 'ES removed: Spotify - ES', message: 'ES removed' });
  });

  it('warn once when a watched offer will expire within 48 hours', () => {
    const soon = { ...spotify, expiration_date: '2026-11-25 20:00:00' };
    expect(
      keys(
        run([[spotify], [soon], [soon], [{ ...soon, expiration_date: '2026-11-25 18:00:00' }]], watching(['cat|101'])),
      ),
    ).toEqual([[`expiry:cat|101:${Date.UTC(2026, 10, 25, 20)}`], [], [`expiry:cat|101:${Date.UTC(2026, 10, 25, 18)}`]]);
  });

  it('warn about a new offer for a watched app, and watch its offers as the app', () => {
    const second = { ...spotify, id: '103', name: 'Spotify - US', geos: ['US'] };
    const steps = run([[spotify], [spotify, second], [spotify]], watching([], [SPOTIFY_APP]));
    expect(keys(steps)).toEqual([['new:cat|103'], ['gone:cat|103']]);
    expect(steps[0]?.[0]).toMatchObject({
      title: 'New offer for a watched app: Spotify - US',
      message: 'new, $2.00 CPA',
    });
  });

  it('never warn about offers nobody watches', () => {
    const feeds = [[spotify, bumble], [{ ...bumble, payout: { amount: 1 } }]];
    expect(keys(run(feeds, watching([], ['app-store:1'])))).toEqual([[]]);
  });
});

describe('watch alerts, the edges', () => {
  it("do not announce an app's offer that flickers back as new, nor its second going", () => {
    const second = { ...spotify, id: '103', name: 'Spotify - US', geos: ['US'] };
    const feeds = [[spotify, second], [spotify], [spotify, second], [spotify]];
    expect(keys(run(feeds, watching([], [SPOTIFY_APP])))).toEqual([['gone:cat|103'], [], []]);
  });

  it('raise one alert for an offer watched both by itself and by its app', () => {
    expect(keys(run([[spotify], []], watching(['cat|101'], [SPOTIFY_APP])))).toEqual([['gone:cat|101']]);
  });

  it('count a payout that disappears as a drop, a drop equal to the threshold too, but not a change of currency', () => {
    const gone = run([[spotify], [{ ...spotify, payout: null }]], watching(['cat|101']), { alertPayoutDrop: 50 });
    expect(gone[0]).toEqual([
      {
        key: 'payout:cat|101:none',
        offerId: 'cat|101',
        title: 'Payout dropped: Spotify - ES',
        message: '$2.00 CPA → none',
      },
    ]);
    const quarter = [[spotify], [{ ...spotify, payout: { amount: 1.5 } }]];
    expect(keys(run(quarter, watching(['cat|101']), { alertPayoutDrop: 25 }))).toEqual([['payout:cat|101:1.5']]);
    const euros = [[spotify], [{ ...spotify, payout: { amount: 1, currency: 'EUR' } }]];
    expect(keys(run(euros, watching(['cat|101'])))).toEqual([[]]);
  });

  it('do not warn when a cap is raised', () => {
    const cap = (daily: number, monthly: number) => ({ ...spotify, conversion_cap: { daily, monthly } });
    expect(keys(run([[cap(500, 9000)], [cap(700, 9000)], [cap(700, 12000)]], watching(['cat|101'])))).toEqual([[], []]);
  });

  it('name the watched countries removed, in one alert', () => {
    const feeds = [[{ ...spotify, geos: ['US', 'ES', 'GB'] }], [{ ...spotify, geos: ['ES'] }]];
    expect(run(feeds, watching(['cat|101']), { watchedCountries: 'us gb' })[0]).toEqual([
      {
        key: 'geos:cat|101:GB,US',
        offerId: 'cat|101',
        title: 'GB, US removed: Spotify - ES',
        message: 'US, GB removed',
      },
    ]);
  });

  it('say when a watched offer expires', () => {
    const soon = { ...spotify, expiration_date: '2026-11-25 20:00:00' };
    expect(run([[spotify], [soon]], watching(['cat|101']))[0]).toEqual([
      {
        key: `expiry:cat|101:${Date.UTC(2026, 10, 25, 20)}`,
        offerId: 'cat|101',
        title: 'Expires soon: Spotify - ES',
        message: 'expires in 34 h (25 Nov)',
      },
    ]);
  });

  it('raise an alert again only once a day has passed', () => {
    const offers = parseFeed({ message: true, offers: [spotify] }).offers;
    const records = toRecords(diffOffers(offers, []), [], T0, T0 - HOUR);
    const alertsWhenSent = (ago: number) =>
      watchAlerts({
        records,
        offers: [],
        watchlist: watching(['cat|101']),
        settings: { alertPayoutDrop: 0, watchedCountries: '' },
        sent: { 'gone:cat|101': T0 - ago },
        now: T0,
      }).map((a) => a.key);
    expect(alertsWhenSent(ALERT_REPEAT_MS - 1)).toEqual([]);
    expect(alertsWhenSent(ALERT_REPEAT_MS)).toEqual(['gone:cat|101']);
  });
});

describe('the watchlist', () => {
  it('adds and removes offers and apps, each once', () => {
    const one = setWatched(EMPTY_WATCHLIST, { offerId: 'cat|101' }, true);
    expect(one).toEqual({ offers: ['cat|101'], apps: [] });
    const both = setWatched(one as Watchlist, { appKey: SPOTIFY_APP }, true);
    expect(both).toEqual({ offers: ['cat|101'], apps: [SPOTIFY_APP] });
    expect(setWatched(both as Watchlist, { offerId: 'cat|101' }, true)).toEqual(both);
    expect(setWatched(both as Watchlist, { offerId: 'cat|101' }, false)).toEqual({ offers: [], apps: [SPOTIFY_APP] });
    expect(isWatched(both as Watchlist, '999', SPOTIFY_APP)).toBe(true);
    expect(isWatched(one as Watchlist, '999', null)).toBe(false);
  });

  it('refuses more than browser sync storage can hold, and still removes', () => {
    const full = { offers: Array.from({ length: WATCHLIST_MAX_OFFERS }, (_, i) => `${i}`), apps: [] };
    expect(setWatched(full, { offerId: 'one-more' }, true)).toBeNull();
    expect(setWatched(full, { offerId: '0' }, true)?.offers).toHaveLength(WATCHLIST_MAX_OFFERS);
    expect(setWatched(full, { offerId: '0' }, false)?.offers).toHaveLength(WATCHLIST_MAX_OFFERS - 1);
  });
});
