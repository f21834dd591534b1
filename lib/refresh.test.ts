import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFeedServer, type FaultMode, type FeedServer } from '../scripts/feed-server';
import { syntheticFeed } from '../scripts/synthetic-feed';
import { createBackground, REFRESH_ALARM } from './background';
import { backoffMs } from './refresh';
import { defaultSettings } from './settings';
import { snapshotStore } from './snapshot-store';
import { apiKeyItem, settingsItem, statusItem, summaryItem } from './storage';

const GOOD_FEED = JSON.stringify(syntheticFeed(3));
const MIN = 60_000;
let server: FeedServer;

beforeAll(async () => {
  server = await createFeedServer({ body: GOOD_FEED, apiKey: 'key-123' });
});
afterAll(() => server.close());

beforeEach(async () => {
  fakeBrowser.reset();
  await snapshotStore.clear();
  server.setMode('ok');
  server.setBody(GOOD_FEED);
  fakeBrowser.permissions.contains = async () => true;
  await settingsItem.setValue({ ...defaultSettings(server.feedUrlTemplate), refreshMinutes: 30 });
  await apiKeyItem.setValue('key-123');
});

function background() {
  return createBackground(fakeBrowser as never, { timeoutMs: 1000 });
}

/** Minutes from `from` to the planned alarm, or null when none is planned. */
async function alarmInMinutes(from: number): Promise<number | null> {
  const alarm = await fakeBrowser.alarms.get(REFRESH_ALARM);
  return alarm ? Math.round((alarm.scheduledTime - from) / MIN) : null;
}

describe('refresh on a good feed', () => {
  it('stores the offers and plans the next refresh at the interval', async () => {
    const start = Date.now();
    const outcome = await background().refresher.refresh();
    expect(outcome).toMatchObject({ ok: true, offerCount: 3, rejectedCount: 0 });
    expect((await snapshotStore.load())?.offers.map((o) => o.id)).toEqual(['100000', '100001', '100002']);
    expect(await summaryItem.getValue()).toMatchObject({ offerCount: 3, source: 'feed' });
    expect(await statusItem.getValue()).toMatchObject({ error: null, failures: 0, refreshing: false });
    expect(await alarmInMinutes(start)).toBe(30);
  });

  it('shares one request between concurrent refreshes', async () => {
    const bg = background();
    const before = server.requests;
    const [a, b] = await Promise.all([bg.refresher.refresh(), bg.refresher.refresh()]);
    expect(server.requests - before).toBe(1);
    expect(a).toEqual(b);
  });

  it('reads a 20 MB feed', async () => {
    const big = JSON.stringify(syntheticFeed(30_000));
    expect(big.length).toBeGreaterThan(20_000_000);
    server.setBody(big);
    const outcome = await background().refresher.refresh();
    expect(outcome).toMatchObject({ ok: true, offerCount: 30_000 });
  });

  it('takes an empty offers array as zero offers, not an error', async () => {
    const bg = background();
    await bg.refresher.refresh();
    server.setMode('empty');
    expect(await bg.refresher.refresh()).toMatchObject({ ok: true, offerCount: 0 });
    expect((await snapshotStore.load())?.offers).toEqual([]);
  });

  it('keeps the good offers when one offer in the feed is malformed', async () => {
    const feed = syntheticFeed(3);
    (feed.offers[1] as Record<string, unknown>).tracking_url = 'not a link';
    server.setBody(JSON.stringify(feed));
    expect(await background().refresher.refresh()).toMatchObject({ ok: true, offerCount: 2, rejectedCount: 1 });
    expect((await snapshotStore.load())?.rejected).toEqual([
      { index: 1, id: '100001', reason: 'Tracking URL is missing or not an http(s) link' },
    ]);
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
    [
      'connection refused',
      'refused-connection',
      'Could not reach the feed server: check your connection or the feed URL',
      1,
    ],
    ['no answer', 'hang', 'Timed out after 1 s', 1],
    ['an HTML page with status 200', 'html', 'The feed answered with something that is not JSON', 1],
    ['truncated JSON', 'truncated', 'The feed answered with something that is not JSON', 1],
  ];

  it.each(cases)('when the feed answers %s', async (_, mode, message, retryInMinutes) => {
    const bg = background();
    await bg.refresher.refresh();
    const good = await snapshotStore.load();

    if (mode === 'refused-connection') {
      const closed = await createFeedServer();
      const template = closed.feedUrlTemplate;
      await closed.close();
      await settingsItem.setValue({ ...(await settingsItem.getValue()), feedUrl: template });
    } else {
      server.setMode(mode);
    }
    const start = Date.now();
    const outcome = await bg.refresher.refresh();

    expect(outcome).toMatchObject({ ok: false, error: { message } });
    expect(await snapshotStore.load()).toEqual(good);
    const status = await statusItem.getValue();
    expect(status.error?.message).toBe(message);
    expect(status.lastSuccessAt).toBe(good?.fetchedAt);
    expect(await alarmInMinutes(start)).toBe(retryInMinutes);
    expect(JSON.stringify(status)).not.toContain('key-123');
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

  it('stops retrying after a rejected key until the settings change', async () => {
    const bg = background();
    await apiKeyItem.setValue('wrong');
    expect(await bg.refresher.refresh()).toMatchObject({ ok: false, error: { code: 'auth', httpStatus: 401 } });
    expect(await fakeBrowser.alarms.get(REFRESH_ALARM)).toBeUndefined();

    const outcome = await bg.handlers.saveSettings(
      { settings: await settingsItem.getValue(), apiKey: 'key-123' },
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

describe('without a usable configuration', () => {
  it('does not call the feed, or show an error, before there is a key', async () => {
    await apiKeyItem.setValue('');
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
});

describe('start-up', () => {
  it('refreshes a stale snapshot when the browser starts', async () => {
    const bg = background();
    await bg.refresher.refresh();
    const summary = await summaryItem.getValue();
    await summaryItem.setValue(summary && { ...summary, fetchedAt: Date.now() - 31 * MIN });
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
});
