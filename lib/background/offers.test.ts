import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseFeed } from '../feed';
import type { Sender } from '../messaging/listener';
import { buildSearchIndexData } from '../search/build';
import { database } from '../storage/database';
import { db } from '../storage/db';
import { createOffers } from './offers';
import { createStoreTabs } from './store-tabs';

const SPOTIFY = 'https://play.google.com/store/apps/details?id=com.spotify.music';
const sender = { frameId: 0, url: SPOTIFY, tab: { id: 1, url: SPOTIFY } } as Sender;
const offer = (id: string, app: string, amount: number) => ({
  id,
  name: `Offer ${id}`,
  tracking_url: `https://trk.example.com/c?o=${id}`,
  preview_url: `https://play.google.com/store/apps/details?id=${app}`,
  payout: { amount },
});
const { offers } = parseFeed({
  message: true,
  offers: [
    offer('1', 'com.spotify.music', 1.2),
    offer('2', 'com.spotify.music', 2.5),
    offer('3', 'com.duolingo', 0.9),
    ...Array.from({ length: 300 }, (_, i) => offer(`x${i}`, `com.example.app${i}`, 1)),
  ],
});
const snapshot = { offers, rejected: [], fetchedAt: Date.UTC(2026, 10, 20), source: 'feed' as const, sources: {} };
const saved = () => database.saveSnapshot(snapshot, buildSearchIndexData(offers));

/** A background just woken: nothing in memory, and a count of its snapshot loads. */
function wokenBackground() {
  const loadSnapshot = vi.fn(() => database.loadSnapshot());
  const loadAppOffers = vi.fn((keys: string[]) => database.loadAppOffers(keys));
  const offersOfWorker = createOffers({ ...database, loadSnapshot, loadAppOffers });
  const storeTabs = createStoreTabs({
    browser: fakeBrowser as never,
    offers: offersOfWorker,
    toolbar: { showTab: async () => undefined } as never,
    surfaces: {} as never,
    linkChecks: {} as never,
    sourceNames: async () => new Map(),
  });
  return {
    loadSnapshot,
    loadAppOffers,
    offers: offersOfWorker,
    answer: () => storeTabs.handlers.offersForPage({}, sender),
  };
}

beforeEach(async () => {
  fakeBrowser.reset();
  await database.clear();
});

describe("the store pages' lookup", () => {
  it('is written with the snapshot: each app with all of its offers', async () => {
    await saved();
    const found = await database.loadAppOffers(['google-play:com.spotify.music', 'google-play:com.duolingo']);
    expect(
      found
        ?.get('google-play:com.spotify.music')
        ?.map((o) => o.id)
        .sort(),
    ).toEqual(['1', '2']);
    expect(found?.get('google-play:com.duolingo')?.map((o) => o.name)).toEqual(['Offer 3']);
    expect(found?.has('google-play:com.unknown')).toBe(false);
  });

  it('follows the next snapshot: an app whose offers went is gone from it', async () => {
    await saved();
    const rest = offers.filter((o) => o.id !== '3');
    await database.saveSnapshot(
      { ...snapshot, offers: rest, fetchedAt: snapshot.fetchedAt + 1 },
      buildSearchIndexData(rest),
    );
    expect((await database.loadAppOffers(['google-play:com.duolingo']))?.size).toBe(0);
  });

  it('answers a woken background’s store page without loading the snapshot', async () => {
    await saved();
    const woken = wokenBackground();
    const page = await woken.answer();
    expect(page.offers.map((o) => o.name)).toEqual(['Offer 2', 'Offer 1']);
    expect(page.offers[0]?.trackingLink).toMatch(/^https:\/\/trk\.example\.com\/c\?o=2/);
    expect(woken.loadSnapshot).not.toHaveBeenCalled();
  });

  it('is rebuilt from the snapshot when an update left none, and the next woken background reads it', async () => {
    await saved();
    await (await db()).clear('apps'); // as a version without the lookup left the database
    expect(await database.loadAppOffers(['google-play:com.spotify.music'])).toBeNull();

    const first = wokenBackground();
    expect((await first.answer()).offers.map((o) => o.name)).toEqual(['Offer 2', 'Offer 1']);
    expect(first.loadSnapshot).toHaveBeenCalledTimes(1);
    await vi.waitFor(async () =>
      expect(await database.loadAppOffers(['google-play:com.spotify.music'])).not.toBeNull(),
    );

    const next = wokenBackground();
    expect((await next.answer()).offers.map((o) => o.name)).toEqual(['Offer 2', 'Offer 1']);
    expect(next.loadSnapshot).not.toHaveBeenCalled();
  });

  it('is not rebuilt from a snapshot a newer save replaced meanwhile', async () => {
    await saved();
    const newer = offers.filter((o) => o.id !== '1');
    await database.saveSnapshot(
      { ...snapshot, offers: newer, fetchedAt: snapshot.fetchedAt + 1 },
      buildSearchIndexData(newer),
    );
    await database.saveAppLookup(snapshot.fetchedAt, new Map([['google-play:com.spotify.music', offers.slice(0, 2)]]));
    const found = await database.loadAppOffers(['google-play:com.spotify.music']);
    expect(found?.get('google-play:com.spotify.music')?.map((o) => o.id)).toEqual(['2']);
  });

  it('is answered from memory once the snapshot is loaded', async () => {
    await saved();
    const woken = wokenBackground();
    await woken.offers.snapshot();
    expect((await woken.offers.appOffers(['google-play:com.duolingo'])).get('google-play:com.duolingo')).toHaveLength(
      1,
    );
    expect(woken.loadAppOffers).not.toHaveBeenCalled();
  });
});
