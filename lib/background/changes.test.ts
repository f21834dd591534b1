import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createFeedServer, type FeedServer } from '../../tests/support/feed-server';
import { servePublic } from '../../tests/support/static-server';
import { LOG_MAX_CHANGES } from '../changes/log';
import { defaultSettings } from '../settings/defaults';
import { database } from '../storage/database';
import { settingsItem, summaryItem, watchlistItem } from '../storage/items';
import { createBackground } from '.';
import { createWatching } from './watching';

const KEY = 'key-42';
const offer = (id: string, amount: number, extra: Record<string, unknown> = {}) => ({
  id,
  name: `Offer ${id}`,
  tracking_url: `https://trk.example.com/c?o=${id}`,
  preview_url: 'https://play.google.com/store/apps/details?id=com.spotify.music',
  geos: ['US', 'ES'],
  payout: { amount },
  ...extra,
});
const feed = (...offers: Record<string, unknown>[]) => JSON.stringify({ message: true, offers });
let server: FeedServer;
let created: { id: string; title: string; message: string }[];

beforeAll(async () => {
  server = await createFeedServer({ apiKey: KEY, body: feed(offer('1', 2), offer('2', 1)) });
});
afterAll(() => server.close());

beforeEach(async () => {
  fakeBrowser.reset();
  await database.clear();
  server.setMode('ok');
  server.hide([]);
  server.setBody(feed(offer('1', 2), offer('2', 1)));
  fakeBrowser.permissions.contains = async () => true;
  created = [];
  // WXT's fakeBrowser has no notifications: record what would be shown.
  (fakeBrowser as unknown as { notifications: unknown }).notifications = {
    create: async (id: string, options: { title: string; message: string }) => {
      created.push({ id, title: options.title, message: options.message });
      return id;
    },
    clear: async () => true,
    onClicked: { addListener: () => undefined },
  };
  await settingsItem.setValue(defaultSettings(server.feedUrlTemplate));
  await database.saveApiKey(KEY);
});

function background() {
  return createBackground(fakeBrowser as never, { timeoutMs: 1000, buildFeedUrl: server.feedUrlTemplate });
}
const kinds = async () => (await database.changes.load({ limit: 100 })).map((c) => `${c.offerId}:${c.kind}`);

describe('the change log', () => {
  it('records nothing for the first snapshot, then what each good refresh changed, newest first', async () => {
    const bg = background();
    await bg.refresher.refresh();
    expect(await kinds()).toEqual([]);

    server.setBody(feed(offer('1', 2.5), offer('3', 1)));
    await bg.refresher.refresh();
    expect((await kinds()).sort()).toEqual(['1:payout', '2:gone', '3:new']);
    const [first] = await database.changes.forOffer('1');
    expect(first).toMatchObject({
      kind: 'payout',
      group: 'payout-up',
      before: { amount: 2, currency: 'USD', type: 'CPA' },
      after: { amount: 2.5, currency: 'USD', type: 'CPA' },
      name: 'Offer 1',
      appKey: 'google-play:com.spotify.music',
    });
    expect(await database.changes.countByGroup(0)).toEqual({
      new: 1,
      gone: 1,
      'payout-up': 1,
      'payout-down': 0,
      caps: 0,
      countries: 0,
      other: 0,
    });
  });

  it('records nothing for a failed refresh, and compares a recovered feed with the last good one', async () => {
    const bg = background();
    await bg.refresher.refresh();
    server.setMode('500');
    await bg.refresher.refresh();
    expect(await kinds()).toEqual([]);
    server.setMode('ok');
    server.setBody(feed(offer('1', 1.5)));
    await bg.refresher.refresh();
    expect((await kinds()).sort()).toEqual(['1:payout', '2:gone']);
  });

  it('keeps the old snapshot and log together when the write fails', async () => {
    const bg = background();
    await bg.refresher.refresh();
    server.setBody(feed(offer('1', 9)));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const write = vi.spyOn(database, 'saveSnapshot').mockRejectedValueOnce(new Error('disk full'));
    expect(await bg.refresher.refresh()).toMatchObject({ ok: false, error: { code: 'storage' } });
    expect(await kinds()).toEqual([]);
    expect((await database.loadSnapshot())?.offers.map((o) => o.payout?.amount)).toEqual([2, 1]);
    write.mockRestore();
    await bg.refresher.refresh();
    expect((await kinds()).sort()).toEqual(['1:payout', '2:gone']);
  });

  it(`keeps the newest ${LOG_MAX_CHANGES.toLocaleString('en-US')} changes, the oldest out first`, async () => {
    const bg = background();
    const many = (amount: number) => Array.from({ length: 26_000 }, (_, i) => offer(`m${i}`, amount));
    server.setBody(feed(...many(1)));
    await bg.refresher.refresh();
    for (const amount of [2, 3]) {
      server.setBody(feed(...many(amount)));
      await bg.refresher.refresh();
    }
    // 52,000 changes written; the first 2,000 are gone, the other 50,000 kept.
    const newest = await database.changes.latestId();
    const kept = await database.changes.load({ after: newest - 50_001, before: newest - 49_998, limit: 10 });
    expect(kept.map((c) => newest - (c.id as number))).toEqual([49_999]);
    expect((await database.changes.countByGroup(0))['payout-up']).toBe(LOG_MAX_CHANGES);
  }, 60_000);

  it('is never touched by the demo, and is all there again when the publisher leaves it', async () => {
    const bg = background();
    await bg.refresher.refresh();
    server.setBody(feed(offer('1', 3)));
    await bg.refresher.refresh();
    const publishers = await kinds();
    expect(publishers).toEqual(['2:gone', '1:payout']);

    const files = await servePublic();
    fakeBrowser.runtime.getURL = ((path: string) => `${files.url}${path}`) as never;
    const page = { url: 'chrome-extension://test/options.html' };
    expect(await bg.handlers.loadDemo({}, page)).toMatchObject({ ok: true });
    // The demo's own history: the first drift step of its CarrierAppTraffic demo feed.
    const demo = await database.changes.load({ limit: 1000 });
    expect(demo.length).toBeGreaterThan(5);
    expect(new Set(demo.map((c) => c.source))).toEqual(new Set(['demo-cat']));
    const shown = await database.loadSnapshot();
    expect(new Set(shown?.offers.map((o) => o.source))).toEqual(new Set(['demo-cat', 'demo-affise', 'demo-everflow']));
    expect(await summaryItem.getValue()).toMatchObject({ source: 'demo' });

    await bg.handlers.leaveDemo({}, page);
    await files.close();
    expect(await kinds()).toEqual(publishers);
    expect((await database.loadSnapshot())?.offers.map((o) => `${o.source}|${o.id}:${o.payout?.amount}`)).toEqual([
      'cat|1:3',
    ]);
    expect(await summaryItem.getValue()).toMatchObject({ source: 'feed', offerCount: 1 });
  });
});

describe("the Changes view's first screen", () => {
  /** The first screen as "group: offer kind" lines, headers as "# section count". */
  const firstScreen = async () => {
    const screen = await database.changes.loadFirstScreen();
    return (
      screen && {
        earlier: screen.earlier,
        total: screen.total,
        rows: screen.rows.map((row) =>
          row.type === 'header' ? `# ${row.section} ${row.count}` : `${row.change.offerId}:${row.change.kind}`,
        ),
      }
    );
  };
  const popup = { url: 'chrome-extension://test/popup.html' };

  it('is written with each save that changes something, netted since the last look, and anew after Mark all seen', async () => {
    const bg = background();
    await watchlistItem.setValue({ offers: ['cat|3'], apps: [] });
    await bg.refresher.refresh();
    expect(await firstScreen()).toBeNull();

    server.setBody(feed(offer('1', 2.5), offer('3', 1)));
    await bg.refresher.refresh();
    expect(await firstScreen()).toEqual({
      earlier: false,
      total: 3,
      rows: ['# watched 1', '3:new', '# gone 1', '2:gone', '# payout-up 1', '1:payout'],
    });

    // Offer 1 back to its old payout: no change since the last look; offer 2 comes back as it went.
    server.setBody(feed(offer('1', 2), offer('2', 1), offer('3', 1)));
    await bg.refresher.refresh();
    expect(await firstScreen()).toEqual({ earlier: false, total: 1, rows: ['# watched 1', '3:new'] });

    await bg.handlers.markChangesSeen({ upTo: await database.changes.latestId() }, popup);
    expect(await firstScreen()).toEqual({
      earlier: true,
      total: 1,
      rows: ['# watched 1', '3:new'],
    });
  });

  it('is made anew when the watchlist changes, the watched offer first', async () => {
    const bg = background();
    // The background's watch of the watchlist, as `start` sets it up.
    (fakeBrowser.permissions as unknown as { onAdded: unknown }).onAdded = { addListener: () => undefined };
    createWatching({
      browser: fakeBrowser as never,
      watchlist: watchlistItem,
      settings: () => settingsItem.getValue(),
      log: database.changes,
      repaintToolbar: async () => undefined,
      openOffer: async () => undefined,
      now: Date.now,
    }).listen();
    await bg.refresher.refresh();
    server.setBody(feed(offer('1', 3)));
    await bg.refresher.refresh();
    expect((await firstScreen())?.rows).toEqual(['# gone 1', '2:gone', '# payout-up 1', '1:payout']);
    await watchlistItem.setValue({ offers: ['cat|1'], apps: [] });
    await vi.waitFor(async () =>
      expect((await firstScreen())?.rows).toEqual(['# watched 1', '1:payout', '# gone 1', '2:gone']),
    );
  });

  it('is not used once the log or the last look is not what it was made of', async () => {
    const bg = background();
    await bg.refresher.refresh();
    server.setBody(feed(offer('1', 3)));
    await bg.refresher.refresh();
    expect(await firstScreen()).toMatchObject({ total: 2 });
    // Seen elsewhere (another version of Offer Lens, a failed write): the screen no longer says what the view would.
    await database.changes.markSeen(await database.changes.latestId());
    expect(await firstScreen()).toBeNull();
  });
});

describe('watched offers', () => {
  it('warn with a notification when a watched offer goes, once, and say nothing while the feed fails', async () => {
    const bg = background();
    await watchlistItem.setValue({ offers: ['2'], apps: [] });
    await bg.refresher.refresh();
    server.setMode('503');
    await bg.refresher.refresh();
    expect(created).toEqual([]);
    server.setMode('ok');
    server.hide(['2']);
    await bg.refresher.refresh();
    expect(created).toEqual([
      { id: 'offer-lens|cat%7C2|gone:cat|2', title: 'Watched offer gone: Offer 2', message: 'gone' },
    ]);
    server.hide([]);
    await bg.refresher.refresh();
    server.hide(['2']);
    await bg.refresher.refresh();
    expect(created).toHaveLength(1);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('3');
  });

  it('still count watched changes for the toolbar without the notification permission', async () => {
    fakeBrowser.permissions.contains = async (p: { permissions?: string[] }) => !p.permissions;
    const bg = background();
    await watchlistItem.setValue({ offers: [], apps: ['google-play:com.spotify.music'] });
    await bg.refresher.refresh();
    server.setBody(feed(offer('1', 1), offer('2', 1)));
    await bg.refresher.refresh();
    expect(created).toEqual([]);
    expect(await fakeBrowser.action.getBadgeText({})).toBe('1');
    expect(await fakeBrowser.action.getTitle({})).toBe('Offer Lens — 1 change to watched offers');
    await bg.handlers.markChangesSeen(
      { upTo: await database.changes.latestId() },
      { url: 'chrome-extension://test/popup.html' },
    );
    expect(await fakeBrowser.action.getBadgeText({})).toBe('');
  });
});
