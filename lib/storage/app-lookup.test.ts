import { openDB } from 'idb';
import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feed';
import { APP_BUCKETS, appBucketOf } from './app-lookup';
import { database } from './database';
import { OFFER_CHUNK } from './db';

const { offers } = parseFeed({
  message: true,
  offers: [
    {
      id: '1',
      name: 'Spotify',
      tracking_url: 'https://trk.example/1',
      preview_url: 'market://details?id=com.spotify.music',
    },
    {
      id: '2',
      name: 'Duolingo',
      tracking_url: 'https://trk.example/2',
      preview_url: 'market://details?id=com.duolingo',
    },
  ],
});

describe('an extension updated in place (the database of the version before the lookup)', () => {
  it('keeps its snapshot, and has no lookup until the background builds one', async () => {
    // Version 3's stores, as that version left them (this file's first open of the database).
    const old = await openDB('offer-lens', 3, {
      upgrade(database) {
        for (const name of ['meta', 'offers', 'search', 'secrets']) database.createObjectStore(name);
        database.createObjectStore('changes', { keyPath: 'id', autoIncrement: true }).createIndex('offerId', 'offerId');
      },
    });
    const fetchedAt = Date.UTC(2026, 10, 20);
    await old.put('meta', { fetchedAt, source: 'feed', offerCount: 2, rejected: [] }, 'snapshot');
    await old.put('offers', offers.slice(0, OFFER_CHUNK), 0);
    await old.put('secrets', 'k-123', 'apiKey');
    old.close();

    const snapshot = await database.loadSnapshot();
    expect(snapshot?.offers.map((o) => o.name)).toEqual(['Spotify', 'Duolingo']);
    expect(await database.loadApiKey()).toBe('k-123');
    expect(await database.loadAppOffers(['google-play:com.spotify.music'])).toBeNull();

    await database.saveAppLookup(fetchedAt, new Map([['google-play:com.spotify.music', [offers[0] as never]]]));
    const found = await database.loadAppOffers(['google-play:com.spotify.music', 'google-play:com.duolingo']);
    expect(found?.get('google-play:com.spotify.music')?.map((o) => o.id)).toEqual(['1']);
  });
});

describe('appBucketOf', () => {
  it('spreads apps over the buckets, the same way every time', () => {
    const used = new Set(Array.from({ length: 5000 }, (_, i) => appBucketOf(`google-play:com.example.app${i}`)));
    expect(used.size).toBeGreaterThan(APP_BUCKETS * 0.9);
    expect(appBucketOf('google-play:com.spotify.music')).toBe(appBucketOf('google-play:com.spotify.music'));
    for (const n of used) expect(n >= 0 && n < APP_BUCKETS).toBe(true);
  });
});
