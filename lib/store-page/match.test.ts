import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feed';
import { createStoreIndex, offersForStorePage } from '../match';

const now = Date.UTC(2026, 10, 24);
const { offers } = parseFeed({
  message: true,
  offers: [
    {
      id: 'us-low',
      name: 'Spotify US low',
      tracking_url: 'https://t.example/1',
      preview_url: 'https://play.google.com/store/apps/details?id=com.spotify.music',
      geos: ['US'],
      payout: { amount: 1 },
    },
    {
      id: 'us-high',
      name: 'Spotify US high',
      tracking_url: 'https://t.example/2',
      preview_url: 'market://details?id=com.Spotify.Music',
      geos: 'us,ca',
      payout: { amount: 2 },
    },
    {
      id: 'de-best',
      name: 'Spotify DE',
      tracking_url: 'https://t.example/3',
      preview_url: 'https://play.google.com/store/apps/details?id=com.spotify.music',
      geos: ['DE'],
      payout: { amount: 5 },
    },
    {
      id: 'us-expired',
      name: 'Spotify US expired',
      tracking_url: 'https://t.example/4',
      preview_url: 'https://play.google.com/store/apps/details?id=com.spotify.music',
      geos: ['US'],
      payout: { amount: 9 },
      expiration_date: '2026-01-01',
    },
    {
      id: 'ios',
      name: 'Spotify iOS',
      tracking_url: 'https://t.example/5',
      preview_url: 'https://apps.apple.com/us/app/spotify/id324684580',
      geos: ['US'],
      payout: { amount: 3 },
    },
    {
      id: 'other',
      name: 'WhatsApp',
      tracking_url: 'https://t.example/6',
      preview_url: 'https://play.google.com/store/apps/details?id=com.whatsapp',
      payout: { amount: 1 },
    },
  ],
});
const ids = (list: { id: string }[]) => list.map((o) => o.id);
const index = createStoreIndex(offers);

describe('offersForStorePage', () => {
  it('ranks by country fit, then not expired, then payout', () => {
    const url = 'https://play.google.com/store/apps/details?id=com.spotify.music&gl=US';
    expect(ids(offersForStorePage(offers, url, { now }))).toEqual(['us-high', 'us-low', 'us-expired', 'de-best']);
  });

  it('uses the publisher country when the page names none', () => {
    const url = 'https://play.google.com/store/apps/details?id=com.spotify.music';
    expect(ids(offersForStorePage(index, url, { now, country: 'DE' }))[0]).toBe('de-best');
    expect(ids(offersForStorePage(index, url, { now }))[0]).toBe('de-best'); // no country: payout decides
  });

  it('gives the same answer from the index as from the list', () => {
    const url = 'https://play.google.com/store/apps/details?id=com.spotify.music&gl=CA';
    expect(ids(offersForStorePage(index, url, { now }))).toEqual(ids(offersForStorePage(offers, url, { now })));
  });

  it('keeps the stores apart and matches App Store pages by id in any country', () => {
    expect(ids(offersForStorePage(index, 'https://apps.apple.com/gb/app/spotify/id324684580', { now }))).toEqual([
      'ios',
    ]);
    expect(ids(offersForStorePage(index, 'https://itunes.apple.com/app/id324684580?mt=8', { now }))).toEqual(['ios']);
  });

  it('breaks payout ties by name, then id, the same order as every list', () => {
    const tied = parseFeed({
      message: true,
      offers: ['b', 'a', 'c'].map((id, i) => ({
        id,
        name: i === 2 ? 'Alpha' : 'Beta',
        tracking_url: `https://t.example/${id}`,
        preview_url: 'https://play.google.com/store/apps/details?id=com.tied',
        payout: { amount: 1 },
      })),
    }).offers;
    const url = 'https://play.google.com/store/apps/details?id=com.tied';
    expect(ids(offersForStorePage(tied, url, { now }))).toEqual(['c', 'a', 'b']);
  });

  it('puts an offer still running before an expired one that pays more, whatever the feed order', () => {
    const list = parseFeed({
      message: true,
      offers: [
        {
          id: 'old',
          name: 'A',
          tracking_url: 'https://t.example/a',
          preview_url: 'market://details?id=x.y',
          payout: { amount: 9 },
          expiration_date: '2020-01-01',
        },
        {
          id: 'live',
          name: 'B',
          tracking_url: 'https://t.example/b',
          preview_url: 'market://details?id=x.y',
          payout: { amount: 1 },
        },
      ],
    }).offers;
    const url = 'https://play.google.com/store/apps/details?id=x.y';
    expect(ids(offersForStorePage(list, url, { now }))).toEqual(['live', 'old']);
    expect(ids(offersForStorePage([...list].reverse(), url, { now }))).toEqual(['live', 'old']);
    // Without a time given, expiry is judged against the clock.
    expect(ids(offersForStorePage(list, url))).toEqual(['live', 'old']);
  });

  it('indexes a feed in which some offers have no store page', () => {
    const mixed = parseFeed({
      message: true,
      offers: [
        {
          id: 'web',
          name: 'Landing page offer',
          tracking_url: 'https://t.example/w',
          preview_url: 'https://example.com',
        },
        { id: 'app', name: 'App offer', tracking_url: 'https://t.example/a', preview_url: 'market://details?id=x.y' },
      ],
    }).offers;
    expect(
      ids(offersForStorePage(createStoreIndex(mixed), 'https://play.google.com/store/apps/details?id=x.y', { now })),
    ).toEqual(['app']);
  });

  it('finds nothing on pages that are not app pages or have no offer', () => {
    for (const url of [
      'https://play.google.com/store/search?q=spotify',
      'https://play.google.com/store/apps/dev?id=1',
      'https://apps.apple.com/us/developer/spotify/id324684583',
      'https://play.google.com/store/apps/details?id=com.example.none',
      'not a url',
    ]) {
      expect(offersForStorePage(index, url, { now })).toEqual([]);
    }
  });
});
