import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFeedServer, type FaultMode, type FeedServer } from '../../tests/support/feed-server';
import { syntheticFeed } from '../../tests/support/synthetic-feed';
import { createBackground, REFRESH_ALARM } from '../background';
import { defaultSettings } from '../settings/defaults';
import { database } from '../storage/database';
import { DEFAULT_SETTINGS, settingsItem, statusItem, summaryItem } from '../storage/items';
import { backoffMs } from './schedule';
import { EMPTY_STATUS, type RefreshStatus } from './status';

const KEY = 'key-123/ä+';
const GOOD_FEED = JSON.stringify(syntheticFeed(3));
const MIN = 60_000;
let server: FeedServer;

beforeAll(async () => {
  server = await createFeedServer({ body: GOOD_FEED, apiKey: KEY });
});
afterAll(() => server.close());

beforeEach(async () => {
  fakeBrowser.reset();
  await database.clear();
  server.setMode('ok');
  server.setBody(GOOD_FEED);
  fakeBrowser.permissions.contains = async () => true;
  await settingsItem.setValue({ ...defaultSettings(server.feedUrlTemplate), refreshMinutes: 30 });
  await database.saveApiKey(KEY);
});

function background(options: { maxBytes?: number } = {}) {
  return createBackground(fakeBrowser as never, { timeoutMs: 1000, buildFeedUrl: server.feedUrlTemplate, ...options });
}

/** Change the first source's stored status, as a worker stopped at some moment could have left it. */
async function setPrimaryStatus(change: (status: RefreshStatus) => RefreshStatus): Promise<void> {
  const all = await database.meta.get('sourceStatus');
  await database.meta.set('sourceStatus', { ...all, cat: change(all.cat ?? EMPTY_STATUS) });
}

/** Minutes from `from` to the planned alarm, or null when none is planned. */
async function alarmInMinutes(from: number): Promise<number | null> {
  const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
  return alarm ? Math.round((alarm.scheduledTime - from) / MIN) : null;
}

/** Everything the extension stored, in storage and in IndexedDB, as one text. */
async function everythingStored(): Promise<string> {
  const areas = await Promise.all([
    fakeBrowser.storage.local.get(null),
    fakeBrowser.storage.sync.get(null),
    database.meta.get('status'),
    database.loadSnapshot(),
    database.loadPreview(),
  ]);
  return JSON.stringify(areas);
}

describe('refresh on a good feed', () => {
  it('stores the offers and plans the next refresh at the interval', async () => {
    const start = Date.now();
    const outcome = await background().refresher.refresh();
    expect(outcome).toMatchObject({ ok: true, offerCount: 3, rejectedCount: 0 });
    expect((await database.loadSnapshot())?.offers.map((o) => o.id)).toEqual(['100000', '100001', '100002']);
    expect(await summaryItem.getValue()).toMatchObject({ offerCount: 3, source: 'feed' });
    expect(await statusItem.getValue()).toMatchObject({ error: null, notice: null, failures: 0, refreshing: false });
    expect(await alarmInMinutes(start)).toBe(30);
    // The key travels URL-encoded, so it cannot change the URL's shape; the feed is asked for as JSON.
    expect(server.lastKey).toBe(KEY);
    expect(server.lastAccept).toBe('application/json');
  });

  it('says "Refreshing offers…" while the request is under way', async () => {
    server.setMode('slow');
    const refreshing = background().refresher.refresh();
    await vi.waitFor(async () => expect((await statusItem.getValue()).refreshing).toBe(true));
    await refreshing;
    expect((await statusItem.getValue()).refreshing).toBe(false);
  });

  it('reads names in any language, even when the feed arrives in small pieces', async () => {
    const names = ['Pokémon GO – Türkiye', '抖音 – 中国', 'Яндекс Go'];
    const body = JSON.stringify({
      message: true,
      offers: names.map((name, i) => ({ id: String(i), name, tracking_url: `https://t.example/${i}` })),
    });
    server.respondWith({ status: 200, body, chunk: 3 });
    await background().refresher.refresh();
    expect((await database.loadSnapshot())?.offers.map((o) => o.name)).toEqual(names);
  });

  it('shares one request between a refresh under way and a second one', async () => {
    const bg = background();
    server.setMode('slow');
    const before = server.requests;
    const first = bg.refresher.refresh();
    await vi.waitFor(() => expect(server.requests).toBe(before + 1));
    const second = bg.refresher.refresh();
    const [a, b] = await Promise.all([first, second]);
    expect(server.requests - before).toBe(1);
    expect(a).toMatchObject({ ok: true, offerCount: 3 });
    expect(b).toEqual(a);
  });

  it('reads a 20 MB feed', async () => {
    const big = JSON.stringify(syntheticFeed(30_000));
    expect(big.length).toBeGreaterThan(20_000_000);
    server.setBody(big);
    const outcome = await background().refresher.refresh();
    expect(outcome).toMatchObject({ ok: true, offerCount: 30_000 });
  });

  it('keeps the good offers when one offer in the feed is malformed', async () => {
    const feed = syntheticFeed(3);
    (feed.offers[1] as Record<string, unknown>).tracking_url = 'not a link';
    server.setBody(JSON.stringify(feed));
    expect(await background().refresher.refresh()).toMatchObject({ ok: true, offerCount: 2, rejectedCount: 1 });
    expect((await database.loadSnapshot())?.rejected).toEqual([
      { index: 1, id: '100001', reason: 'Tracking URL is missing or not an http(s) link' },
    ]);
  });

  it('says nothing about an empty list that was already empty', async () => {
    server.setMode('empty');
    const bg = background();
    await bg.refresher.refresh();
    await bg.refresher.refresh();
    expect(await statusItem.getValue()).toMatchObject({ error: null, notice: null });
  });

  it('takes a valid empty list after a full one, and says so', async () => {
    const bg = background();
    await bg.refresher.refresh();
    server.setMode('empty');
    expect(await bg.refresher.refresh()).toMatchObject({ ok: true, offerCount: 0 });
    expect((await database.loadSnapshot())?.offers).toEqual([]);
    expect(await statusItem.getValue()).toMatchObject({
      error: null,
      notice: 'The feed now lists no offers (was 3)',
    });
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});

describe('a failed refresh keeps the last good snapshot', () => {
  const cases: [string, FaultMode | 'refused-connection', string, number | null][] = [
    ['message:false', 'refused', 'The network refused the request: “Account suspended”', 1],
    ['401', '401', 'The API key was rejected (HTTP 401)', null],
    ['403', '403', 'The API key was rejected (HTTP 403)', null],
    ['404', '404', 'The feed URL was not found (HTTP 404): check it in the settings', 1],
    ['429 with Retry-After: 120', '429', 'The feed server asks us to slow down (HTTP 429)', 2],
    ['500', '500', 'The feed server is down (HTTP 500)', 1],
    ['503 with Retry-After: 240', '503', 'The feed server is down (HTTP 503)', 4],
    ['503 with Retry-After: 0', '503-retry-0', 'The feed server is down (HTTP 503)', 1],
    [
      'connection refused',
      'refused-connection',
      'Could not reach the feed server: check your connection or the feed URL',
      1,
    ],
    ['no answer', 'hang', 'Timed out after 1 s', 1],
    ['an HTML page with status 200', 'html', 'The feed answered with something that is not JSON', 1],
    ['truncated JSON', 'truncated', 'The feed answered with something that is not JSON', 1],
    ['offers that all lack a tracking link', 'unusable', 'All 3 offers in the feed were unusable: no tracking link', 1],
  ];

  it.each(cases)('when the feed answers %s', async (_, mode, message, retryInMinutes) => {
    const bg = background();
    await bg.refresher.refresh();
    const good = await database.loadSnapshot();

    if (mode === 'refused-connection') {
      const closed = await createFeedServer();
      const template = closed.feedUrlTemplate;
      await closed.close();
      await database.approveOrigin(new URL(closed.url).origin);
      await settingsItem.setValue({ ...(await settingsItem.getValue()), feedUrl: template });
    } else {
      server.setMode(mode);
    }
    const start = Date.now();
    const outcome = await bg.refresher.refresh();

    expect(outcome).toMatchObject({ ok: false, error: { message } });
    expect(await database.loadSnapshot()).toEqual(good);
    expect(await summaryItem.getValue()).toMatchObject({ offerCount: 3 });
    const status = await statusItem.getValue();
    expect(status).toMatchObject({ refreshing: false, failures: 1, lastSuccessAt: good?.fetchedAt });
    expect(status.error?.message).toBe(message);
    expect(await alarmInMinutes(start)).toBe(retryInMinutes);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('!');
  });

  it('refuses a feed over the size limit, said by Content-Length or found while reading', async () => {
    const message =
      'The feed is larger than 64 KB, more than Offer Lens can hold: ask your account manager for a smaller one';
    const bg = background({ maxBytes: 64 * 1024 });
    await bg.refresher.refresh();
    const big = JSON.stringify(syntheticFeed(500));
    server.setBody(big);
    expect(await bg.refresher.refresh()).toEqual({
      ok: false,
      error: { code: 'too-large', httpStatus: null, message },
    });
    server.respondWith({ status: 200, chunk: 4096 });
    expect(await bg.refresher.refresh()).toMatchObject({ ok: false, error: { message } });
    expect((await database.loadSnapshot())?.offers).toHaveLength(3);
  });

  it('reads a feed of exactly the size limit, by either way of sending it', async () => {
    const bg = background({ maxBytes: GOOD_FEED.length });
    expect(await bg.refresher.refresh()).toMatchObject({ ok: true, offerCount: 3 });
    server.respondWith({ status: 200, chunk: 100 });
    expect(await bg.refresher.refresh()).toMatchObject({ ok: true, offerCount: 3 });
  });

  it.each([
    [{ status: 204 }, 'The feed answered with something that is not JSON', 1],
    [{ status: 410, body: 'Gone' }, 'The feed URL was not found (HTTP 410): check it in the settings', 1],
    [{ status: 400, body: 'Bad' }, 'The feed server answered with an error (HTTP 400)', 1],
    [{ status: 500, headers: { 'retry-after': '600' }, body: '' }, 'The feed server is down (HTTP 500)', 1],
    [{ status: 503, headers: { 'retry-after': '120abc' }, body: '' }, 'The feed server is down (HTTP 503)', 1],
  ])('answers %j with the words for it and a retry in %s min', async (answer, message, minutes) => {
    const bg = background();
    server.respondWith(answer);
    const start = Date.now();
    expect(await bg.refresher.refresh()).toMatchObject({ ok: false, error: { message } });
    expect(await alarmInMinutes(start)).toBe(minutes);
  });

  it('waits as long as a Retry-After date asks', async () => {
    const bg = background();
    server.respondWith({ status: 503, headers: { 'retry-after': new Date(Date.now() + 10 * MIN).toUTCString() } });
    const start = Date.now();
    await bg.refresher.refresh();
    expect(await alarmInMinutes(start)).toBe(10);
  });

  it('says the default limit in megabytes', async () => {
    const { FeedError } = await import('../errors');
    expect(new FeedError('too-large', { limitBytes: 128 * 2 ** 20 }).message).toBe(
      'The feed is larger than 128 MB, more than Offer Lens can hold: ask your account manager for a smaller one',
    );
  });

  it('never stores or shows the key the server echoes back, raw or URL-encoded', async () => {
    const bg = background();
    await bg.refresher.refresh();
    server.setMode('echo-key');
    const outcome = await bg.refresher.refresh();
    expect(outcome).toMatchObject({
      ok: false,
      error: { message: 'The network refused the request: “Invalid apikey ••• (as sent: apikey=•••)”' },
    });
    const stored = await everythingStored();
    expect(stored).toContain('Invalid apikey •••');
    expect(stored).not.toContain(KEY);
    expect(stored).not.toContain(encodeURIComponent(KEY));
    expect(await fakeBrowser.action.getTitle({})).toBe(
      'Offer Lens — The network refused the request: “Invalid apikey ••• (as sent: apikey=•••)”',
    );
  });

  it('reports a failed IndexedDB write as an error with a retry, never a stuck "Refreshing…"', async () => {
    const bg = background();
    await bg.refresher.refresh();
    const save = vi
      .spyOn(database, 'saveSnapshot')
      .mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const start = Date.now();
    expect(await bg.refresher.refresh()).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(await statusItem.getValue()).toMatchObject({
      refreshing: false,
      failures: 1,
      error: { message: 'Could not save the offers on this computer: the browser’s storage failed' },
    });
    expect(await alarmInMinutes(start)).toBe(1);
    save.mockRestore();
    expect(await bg.refresher.refresh()).toMatchObject({ ok: true });
    expect(await statusItem.getValue()).toMatchObject({ refreshing: false, failures: 0, error: null });
  });
});

describe('back-off', () => {
  it('doubles from 1 minute up to 60 while the server stays down', async () => {
    const bg = background();
    server.setMode('500');
    const planned: (number | null)[] = [];
    for (let i = 0; i < 8; i++) {
      const start = Date.now();
      await bg.refresher.refresh();
      planned.push(await alarmInMinutes(start));
    }
    expect(planned).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    expect(backoffMs(20)).toBe(60 * MIN);
  });

  it('never lets Retry-After shorten the back-off', async () => {
    const bg = background();
    server.setMode('503-retry-0');
    const planned: (number | null)[] = [];
    for (let i = 0; i < 4; i++) {
      const start = Date.now();
      await bg.refresher.refresh();
      planned.push(await alarmInMinutes(start));
    }
    expect(planned).toEqual([1, 2, 4, 8]);
  });

  it('stops retrying after a rejected key until the settings change', async () => {
    const bg = background();
    await database.saveApiKey('wrong');
    expect(await bg.refresher.refresh()).toMatchObject({ ok: false, error: { code: 'auth', httpStatus: 401 } });
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeUndefined();

    const outcome = await bg.handlers.saveSettings(
      { settings: await settingsItem.getValue(), apiKey: KEY },
      { url: 'chrome-extension://test/options.html' },
    );
    expect(outcome).toMatchObject({ ok: true, offerCount: 3 });
    expect(await statusItem.getValue()).toMatchObject({ error: null, failures: 0 });
  });

  it('abandons a hanging request when new settings are saved', async () => {
    const bg = background();
    server.setMode('hang');
    const first = bg.refresher.refresh();
    await new Promise((resolve) => setTimeout(resolve, 50));
    server.setMode('ok');
    const saved = await bg.refresher.refresh({ restart: true });
    expect(saved).toMatchObject({ ok: true, offerCount: 3 });
    expect(await first).toEqual(saved);
  });
});

describe('automatic refreshes', () => {
  it('run no more often than the interval floor, whatever storage says', async () => {
    const bg = background();
    await bg.refresher.refresh();
    const before = server.requests;
    // As a page could write it: an interval of 0 and the feed URL changed back and forth.
    await fakeBrowser.storage.sync.set({ settings: { ...(await settingsItem.getValue()), refreshMinutes: 0 } });
    for (let i = 0; i < 5; i++) await bg.refresher.refresh({ automatic: true });
    expect(server.requests).toBe(before);
    expect(await settingsItem.getValue()).toMatchObject({ refreshMinutes: 30 });
  });

  it('report stored settings that had to be replaced', async () => {
    // As an older version could have left the record.
    const settings = { ...(await settingsItem.getValue()), refreshMinutes: 0, clickIdParam: 'a b' };
    await database.saveSettings(settings);
    await background().refresher.refresh();
    expect(await statusItem.getValue()).toMatchObject({
      error: null,
      notice: 'Stored settings that were not valid were reset: Click ID parameter, Refresh every (minutes)',
    });
  });

  it('run when the back-off planned a retry', async () => {
    const bg = background();
    server.setMode('500');
    await bg.refresher.refresh();
    await setPrimaryStatus((status) => ({ ...status, nextAttemptAt: Date.now() - 1 }));
    const before = server.requests;
    server.setMode('ok');
    expect(await bg.refresher.refresh({ automatic: true })).toMatchObject({ ok: true });
    expect(server.requests).toBe(before + 1);
  });
});

describe('without a usable configuration', () => {
  it('does not call the feed, or show an error, before there is a key', async () => {
    await database.saveApiKey('');
    const before = server.requests;
    expect(await background().refresher.refresh()).toMatchObject({ ok: false, error: { code: 'no-key' } });
    expect(server.requests).toBe(before);
    expect((await statusItem.getValue()).error).toBeNull();
  });

  it('asks for the permission to reach a feed origin the browser has not granted', async () => {
    fakeBrowser.permissions.contains = async () => false;
    const outcome = await background().refresher.refresh();
    expect(outcome).toMatchObject({ ok: false, error: { code: 'no-permission' } });
    expect((await statusItem.getValue()).error?.message).toBe(
      'Offer Lens needs your permission to reach the feed server',
    );
  });

  it('asks for a feed URL before there is one', async () => {
    await settingsItem.setValue({ ...(await settingsItem.getValue()), feedUrl: '' });
    const before = server.requests;
    expect(await background().refresher.refresh()).toMatchObject({
      ok: false,
      error: { code: 'no-feed-url', message: 'No feed URL is set: add it in the settings' },
    });
    expect(server.requests).toBe(before);
    expect(await statusItem.getValue()).toMatchObject({ refreshing: false });
  });

  it('never fetches from an origin the publisher did not approve on the settings page', async () => {
    const other = await createFeedServer({ body: GOOD_FEED, apiKey: KEY });
    const template = other.feedUrlTemplate.replace('127.0.0.1', 'localhost');
    // In force without approval (an older version's settings, adopted at the update).
    await database.saveSettings({ ...(await settingsItem.getValue()), feedUrl: template });
    await fakeBrowser.storage.session.clear();
    const outcome = await background().refresher.refresh();
    expect(outcome).toMatchObject({
      ok: false,
      error: {
        code: 'unapproved-origin',
        message: `The feed URL points at a server not approved on this computer, localhost:${new URL(other.url).port} (it was changed outside the settings page, or its approval taken back): restore the default feed URL, or approve that server in the settings`,
      },
    });
    expect(other.requests).toBe(0);
    await other.close();
  });

  it('replaces a stored feed URL on a store host, or over plain http, by the default', async () => {
    for (const feedUrl of ['https://play.google.com/feed?k={apiKey}', 'http://feed.example.com/o?k={apiKey}']) {
      await database.saveSettings({ ...(await settingsItem.getValue()), feedUrl });
      await fakeBrowser.storage.session.clear();
      expect((await settingsItem.getValue()).feedUrl).toBe(DEFAULT_SETTINGS.feedUrl);
    }
  });
});

describe('start-up', () => {
  it('refreshes a stale snapshot when the browser starts', async () => {
    await background().refresher.refresh();
    await setPrimaryStatus((status) => ({
      ...status,
      lastSuccessAt: Date.now() - 31 * MIN,
      lastAttemptAt: Date.now() - 31 * MIN,
    }));
    const before = server.requests;
    await background().ensureFresh();
    expect(server.requests).toBe(before + 1);
  });

  it('leaves a fresh snapshot alone', async () => {
    await background().refresher.refresh();
    const before = server.requests;
    await background().ensureFresh();
    expect(server.requests).toBe(before);
  });

  it('ends a refresh a stopped worker left "refreshing"', async () => {
    await background().refresher.refresh();
    await setPrimaryStatus((status) => ({ ...status, refreshing: true }));
    await background().ensureFresh();
    expect(await statusItem.getValue()).toMatchObject({ refreshing: false });
  });
});

describe('settings that arrive through storage.sync', () => {
  const page = { url: 'chrome-extension://test/options.html' };

  it('never steer links or the feed: guarded fields wait for the settings page, the others follow', async () => {
    const bg = background();
    await bg.refresher.refresh();
    const other = await createFeedServer({ body: GOOD_FEED, apiKey: KEY });
    const before = await settingsItem.getValue();
    // As another device (or, in Firefox, a content script) could write it.
    await fakeBrowser.storage.sync.set({
      settings: {
        ...before,
        clickIdParam: 'aff_id',
        clickId: 'ATTACKER-777',
        feedUrl: other.feedUrlTemplate.replace('127.0.0.1', 'localhost'),
        badgeCorner: 'top-left',
        refreshMinutes: 0,
      },
    });
    await bg.events.settingsSynced((await fakeBrowser.storage.sync.get('settings')).settings);
    const now = await settingsItem.getValue();
    expect(now).toMatchObject({ clickIdParam: 'aff_sub', clickId: '[CLICK_ID]', feedUrl: before.feedUrl });
    expect(now.badgeCorner).toBe('top-left');
    expect(now.refreshMinutes).toBe(30);
    expect(other.requests).toBe(0);
    await other.close();
  });

  it('asks the publisher to confirm a feed server never approved, by its name, before the key goes there', async () => {
    const bg = background();
    const other = await createFeedServer({ body: GOOD_FEED, apiKey: KEY });
    const feedUrl = other.feedUrlTemplate.replace('127.0.0.1', 'localhost');
    const settings = { ...(await settingsItem.getValue()), feedUrl };
    const host = `localhost:${new URL(other.url).port}`;
    expect(await bg.handlers.saveSettings({ settings }, page)).toMatchObject({
      ok: false,
      error: {
        code: 'confirm-origin',
        message: `Send your API key to ${host}? Approve it only if your network gave you this address`,
      },
    });
    expect(other.requests).toBe(0);
    expect((await settingsItem.getValue()).feedUrl).not.toBe(feedUrl);

    const origin = new URL(feedUrl.replace('{apiKey}', 'k')).origin;
    const approved = await bg.handlers.saveSettings({ settings, approveOrigin: origin }, page);
    expect(approved).toMatchObject({
      ok: true,
      offerCount: 3,
    });
    expect(other.requests).toBe(1);
    expect(await bg.handlers.approvedOrigins({}, page)).toMatchObject({ approved: [origin] });

    await bg.handlers.revokeOrigin({ origin }, page);
    expect(await bg.handlers.approvedOrigins({}, page)).toMatchObject({ approved: [] });
    expect(await bg.refresher.refresh()).toMatchObject({ ok: false, error: { code: 'unapproved-origin' } });
    expect(other.requests).toBe(1);
    await other.close();
  });
});

describe('Save and test', () => {
  const page = { url: 'chrome-extension://test/options.html' };

  it('keeps the working key when the one typed is rejected, and shows no error for the feed in use', async () => {
    const bg = background();
    await bg.refresher.refresh();
    const outcome = await bg.handlers.saveSettings(
      { settings: await settingsItem.getValue(), apiKey: 'mistyped' },
      page,
    );
    expect(outcome).toMatchObject({ ok: false, error: { code: 'auth', httpStatus: 401 } });
    expect(await database.loadApiKey()).toBe(KEY);
    expect(await statusItem.getValue()).toMatchObject({ error: null, refreshing: false });
    expect(await bg.refresher.refresh()).toMatchObject({ ok: true, offerCount: 3 });
  });

  it('keeps the working feed URL when the one typed is not found', async () => {
    const bg = background();
    await bg.refresher.refresh();
    const before = await settingsItem.getValue();
    const feedUrl = server.feedUrlTemplate.replace('/offers', '/nowhere');
    server.setMode('404');
    const outcome = await bg.handlers.saveSettings({ settings: { ...before, feedUrl } }, page);
    expect(outcome).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect((await settingsItem.getValue()).feedUrl).toBe(before.feedUrl);
  });

  it("refuses a click ID parameter the network's links use for a value of their own", async () => {
    const bg = background();
    await bg.refresher.refresh();
    const settings = { ...(await settingsItem.getValue()), clickIdParam: 'aff_id', clickId: 'x' };
    expect(await bg.handlers.saveSettings({ settings }, page)).toEqual({
      ok: false,
      field: 'clickIdParam',
      error: {
        code: 'param-taken',
        message:
          "Your network's links already use aff_id for a value of their own (aff_id=demo): choose another parameter, e.g. aff_sub",
      },
    });
    expect((await settingsItem.getValue()).clickIdParam).toBe('aff_sub');
  });
});

describe('a feed server that redirects', () => {
  it('is never followed: the key goes nowhere else and the offers stay', async () => {
    const bg = background();
    await bg.refresher.refresh();
    const elsewhere = await createFeedServer({ body: JSON.stringify(syntheticFeed(9)), apiKey: KEY });
    server.respondWith({ status: 302, headers: { location: `${elsewhere.url}/offers?apikey=${KEY}` }, body: '' });
    expect(await bg.refresher.refresh()).toMatchObject({
      ok: false,
      error: {
        code: 'redirected',
        message:
          'The feed server redirected the request (HTTP 302): Offer Lens does not follow redirects (your key would go with it); use the final address as the feed URL',
      },
    });
    expect(elsewhere.requests).toBe(0);
    expect((await database.loadSnapshot())?.offers).toHaveLength(3);
    await elsewhere.close();
  });
});
