import { describe, expect, it } from 'vitest';
import { createSearchIndex } from '../search';
import { FeedError, parseFeed, unusableFeedError } from '.';

const good = {
  id: '101',
  name: 'Spotify - US - Android',
  description: 'Install and register',
  preview_url: 'https://play.google.com/store/apps/details?id=com.spotify.music',
  tracking_url: 'https://trk.example.com/click?offer_id=101&aff_id=7',
  conversion_cap: { daily: 50, monthly: 1000 },
  geos: ['US', 'CA'],
  targeting: 'Android',
  platform: 'Android',
  min_version: '8.0',
  payout: { amount: 1.25, currency: 'USD', type: 'CPA' },
  categories: ['Music'],
  expiration_date: '2026-12-31 23:59:59',
  sub_id: { include: [], exclude: ['bad1'] },
};

function one(overrides: Record<string, unknown>) {
  const { offers, rejected } = parseFeed({ message: true, offers: [{ ...good, ...overrides }] });
  expect(rejected).toEqual([]);
  return offers[0]!;
}

describe('parseFeed envelope', () => {
  it('reads a clean feed', () => {
    const { offers, rejected } = parseFeed({ message: true, offers: [good] });
    expect(rejected).toEqual([]);
    expect(offers).toEqual([
      {
        id: '101',
        name: 'Spotify - US - Android',
        description: 'Install and register',
        previewUrl: 'https://play.google.com/store/apps/details?id=com.spotify.music',
        trackingUrl: 'https://trk.example.com/click?offer_id=101&aff_id=7',
        store: { store: 'google-play', appId: 'com.spotify.music', country: null },
        platform: 'android',
        minVersion: '8.0',
        geos: ['US', 'CA'],
        payout: { amount: 1.25, currency: 'USD', type: 'CPA' },
        caps: { daily: 50, monthly: 1000 },
        categories: ['Music'],
        expiresAt: Date.UTC(2026, 11, 31, 23, 59, 59),
        subIds: { include: [], exclude: ['bad1'] },
      },
    ]);
  });

  it('accepts "true" as a string and an empty offers array', () => {
    expect(parseFeed({ message: 'true', offers: [] })).toEqual({ offers: [], rejected: [] });
  });

  it('turns message:false into api-refused with the error text the body has', () => {
    const err = catchError(() => parseFeed({ message: false, offers: [], error: 'Invalid API key' }));
    expect(err).toBeInstanceOf(FeedError);
    expect(err.code).toBe('api-refused');
    expect(err.message).toContain('Invalid API key');
    expect(catchError(() => parseFeed({ message: 'false' })).code).toBe('api-refused');
  });

  it('takes the error words from whichever field the network used, skipping blank ones', () => {
    const refusal = (extra: Record<string, unknown>) =>
      catchError(() => parseFeed({ message: false, ...extra })).message;
    expect(refusal({ error: '  ', errors: ['Key expired', 7, 'Renew it'] })).toBe(
      'The network refused the request: “Key expired; Renew it”',
    );
    expect(refusal({ error_message: 'Blocked' })).toBe('The network refused the request: “Blocked”');
    expect(refusal({ msg: 'Quota' })).toBe('The network refused the request: “Quota”');
    expect(refusal({ reason: 'Paused' })).toBe('The network refused the request: “Paused”');
    expect(refusal({ detail: 'Try later' })).toBe('The network refused the request: “Try later”');
    expect(refusal({ errors: [] })).toBe('The network refused the request');
    expect(catchError(() => parseFeed({ message: 'Account suspended' })).message).toBe(
      'The network refused the request: “Account suspended”',
    );
    expect(catchError(() => parseFeed({ message: ' FALSE ' })).message).toBe('The network refused the request');
  });

  it('accepts " true " as success', () => {
    expect(parseFeed({ message: ' True ', offers: [] })).toEqual({ offers: [], rejected: [] });
  });

  it.each([
    [null],
    [{ message: null, offers: [] }],
    [{ message: 1, offers: [] }],
    ['<html>'],
    [42],
    [[]],
    [{}],
    [{ message: true }],
    [{ message: true, offers: {} }],
    [{ offers: [] }],
  ])('calls %j malformed', (body) => {
    expect(catchError(() => parseFeed(body)).code).toBe('malformed');
  });
});

describe('parseFeed rejects only unusable offers', () => {
  it('keeps the good offers when one is broken, and says why', () => {
    const { offers, rejected } = parseFeed({
      message: true,
      offers: [
        good,
        { ...good, id: '' },
        { ...good, id: '3', name: '  ' },
        { ...good, id: '4', tracking_url: 'javascript:alert(1)' },
        { ...good, id: '5', tracking_url: '/relative/link' },
        'not an object',
        null,
        { ...good, id: 101 },
        { ...good, id: '7' },
        { ...good, id: '8', tracking_url: 'https://trk.example.com@evil.test/click?o=8' },
        { ...good, id: '9', tracking_url: 'https://user:pw@trk.example.com/click' },
      ],
    });
    expect(offers.map((o) => o.id)).toEqual(['101', '7']);
    expect(rejected).toEqual([
      { index: 1, id: null, reason: 'Missing id' },
      { index: 2, id: '3', reason: 'Missing name' },
      { index: 3, id: '4', reason: 'Tracking URL is missing or not an http(s) link' },
      { index: 4, id: '5', reason: 'Tracking URL is missing or not an http(s) link' },
      { index: 5, id: null, reason: 'Not an offer object' },
      { index: 6, id: null, reason: 'Not an offer object' },
      { index: 7, id: '101', reason: 'Duplicate id 101' },
      { index: 9, id: '8', reason: 'Tracking URL has a user name before its host (a look-alike link)' },
      { index: 10, id: '9', reason: 'Tracking URL has a user name before its host (a look-alike link)' },
    ]);
  });

  it('accepts numeric ids and trims text', () => {
    const offer = one({ id: 55, name: '  Tinder  ', description: null });
    expect(offer.id).toBe('55');
    expect(offer.name).toBe('Tinder');
    expect(offer.description).toBe('');
    expect(one({ id: ' 56 ', name: 1984 })).toMatchObject({ id: '56', name: '1984' });
  });

  it('calls ids that are blank, objects or true missing, without failing the feed', () => {
    const { offers, rejected } = parseFeed({
      message: true,
      offers: [
        { ...good, id: '   ' },
        { ...good, id: { x: 1 } },
        { ...good, id: true },
        { ...good, id: Number.NaN },
      ],
    });
    expect(offers).toEqual([]);
    expect(rejected.map((r) => [r.index, r.id, r.reason])).toEqual([
      [0, null, 'Missing id'],
      [1, null, 'Missing id'],
      [2, null, 'Missing id'],
      [3, null, 'Missing id'],
    ]);
  });

  it('keeps the tracking URL exactly as sent, trimmed of surrounding white space', () => {
    expect(one({ tracking_url: '  https://trk.example.com/c?o=1&sub=%7Bx%7D  ' }).trackingUrl).toBe(
      'https://trk.example.com/c?o=1&sub=%7Bx%7D',
    );
  });
});

describe('parseFeed repairs sloppy fields', () => {
  it('reads numbers sent as strings', () => {
    const offer = one({ payout: { amount: '2.50', currency: 'eur' }, conversion_cap: { daily: '10', monthly: '0' } });
    expect(offer.payout).toEqual({ amount: 2.5, currency: 'EUR', type: 'CPA' });
    expect(offer.caps).toEqual({ daily: 10, monthly: 0 });
  });

  it('drops a payout that is not a number or negative, and defaults currency and type', () => {
    expect(one({ payout: { amount: 'TBD' } }).payout).toBeNull();
    expect(one({ payout: { amount: '   ' } }).payout).toBeNull();
    expect(one({ payout: undefined }).payout).toBeNull();
    expect(one({ payout: [] }).payout).toBeNull();
    expect(one({ payout: { amount: -1 } }).payout).toBeNull();
    expect(one({ payout: null }).payout).toBeNull();
    expect(one({ payout: { amount: 3 } }).payout).toEqual({ amount: 3, currency: 'USD', type: 'CPA' });
    expect(one({ payout: '0.8' }).payout).toEqual({ amount: 0.8, currency: 'USD', type: 'CPA' });
  });

  it('keeps a zero payout as a payout of zero, not as unknown', () => {
    expect(one({ payout: { amount: 0 } }).payout).toEqual({ amount: 0, currency: 'USD', type: 'CPA' });
    expect(one({ payout: [{ amount: '1.5', currency: 'gbp', type: 'cpi' }] }).payout).toEqual({
      amount: 1.5,
      currency: 'GBP',
      type: 'CPI',
    });
  });

  it('treats missing or broken caps as no cap', () => {
    expect(one({ conversion_cap: undefined }).caps).toEqual({ daily: 0, monthly: 0 });
    expect(one({ conversion_cap: { daily: 'lots' } }).caps).toEqual({ daily: 0, monthly: 0 });
    expect(one({ conversion_cap: { daily: -5, monthly: '-1' } }).caps).toEqual({ daily: 0, monthly: 0 });
    expect(one({ conversion_cap: { daily: '7.9', monthly: 300 } }).caps).toEqual({ daily: 7, monthly: 300 });
    expect(one({ conversion_cap: null }).caps).toEqual({ daily: 0, monthly: 0 });
    expect(one({ conversion_cap: 'lots' }).caps).toEqual({ daily: 0, monthly: 0 });
  });

  it('reads caps sent as a [daily, monthly] array', () => {
    expect(one({ conversion_cap: [20, '600'] }).caps).toEqual({ daily: 20, monthly: 600 });
  });

  it('normalises geos from arrays and joined strings', () => {
    expect(one({ geos: ['us', ' gb ', 'US', 'uk', 'USA', '', 7] }).geos).toEqual(['US', 'GB']);
    expect(one({ geos: 'de,fr, it;es br' }).geos).toEqual(['DE', 'FR', 'IT', 'ES', 'BR']);
    expect(one({ geos: null }).geos).toEqual([]);
  });

  it('finds the platform in platform or targeting, else from the store', () => {
    expect(one({ platform: 'IOS', targeting: '' }).platform).toBe('ios');
    expect(one({ platform: '', targeting: 'iPhone' }).platform).toBe('ios');
    expect(one({ platform: null, targeting: 'iPad' }).platform).toBe('ios');
    expect(one({ platform: 'ANDROID', targeting: null }).platform).toBe('android');
    expect(one({ platform: 'Windows', targeting: null }).platform).toBe('android'); // from the Play preview URL
    expect(one({ platform: null, targeting: null, preview_url: 'https://apps.apple.com/us/app/x/id1' }).platform).toBe(
      'ios',
    );
    expect(one({ platform: null, targeting: null, preview_url: 'https://example.com' }).platform).toBeNull();
  });

  it('reads categories from arrays or comma strings, each once', () => {
    expect(one({ categories: 'Games, Puzzle,, ' }).categories).toEqual(['Games', 'Puzzle']);
    expect(one({ categories: ['Games', ' Games', 'Puzzle'] }).categories).toEqual(['Games', 'Puzzle']);
    expect(one({ categories: null }).categories).toEqual([]);
  });

  it('parses expiry dates as UTC and drops zero or junk dates', () => {
    expect(one({ expiration_date: '2027-01-15' }).expiresAt).toBe(Date.UTC(2027, 0, 15));
    expect(one({ expiration_date: '2027-01-15 10:30' }).expiresAt).toBe(Date.UTC(2027, 0, 15, 10, 30));
    expect(one({ expiration_date: '2027-01-15T10:00:00+02:00' }).expiresAt).toBe(Date.UTC(2027, 0, 15, 8));
    expect(one({ expiration_date: '2027-01-15T10:00:00-0530' }).expiresAt).toBe(Date.UTC(2027, 0, 15, 15, 30));
    expect(one({ expiration_date: '2027-01-15T10:00:00Z' }).expiresAt).toBe(Date.UTC(2027, 0, 15, 10));
    expect(one({ expiration_date: '2027-01-15T10:00:00' }).expiresAt).toBe(Date.UTC(2027, 0, 15, 10));
    expect(one({ expiration_date: ' 2027-01-15 23:59:59 ' }).expiresAt).toBe(Date.UTC(2027, 0, 15, 23, 59, 59));
    expect(one({ expiration_date: '2027-01-15 10:00:00.123' }).expiresAt).toBe(Date.UTC(2027, 0, 15, 10));
    expect(one({ expiration_date: '2027-01-15T10:00:00.250Z' }).expiresAt).toBe(Date.UTC(2027, 0, 15, 10, 0, 0, 250));
    expect(one({ expiration_date: '2027-01-15T10:00+01:00' }).expiresAt).toBe(Date.UTC(2027, 0, 15, 9));
    // Leap years: 2028 and 2000 have a 29 February; 2027 and 2100 do not.
    expect(one({ expiration_date: '2028-02-29' }).expiresAt).toBe(Date.UTC(2028, 1, 29));
    expect(one({ expiration_date: '2028-03-31' }).expiresAt).toBe(Date.UTC(2028, 2, 31)); // only February changes
    expect(one({ expiration_date: '2000-02-29 23:59:59' }).expiresAt).toBe(Date.UTC(2000, 1, 29, 23, 59, 59));
    expect(one({ expiration_date: '2027-12-31' }).expiresAt).toBe(Date.UTC(2027, 11, 31));
    for (const junk of [
      '0000-00-00 00:00:00',
      '',
      null,
      'soon',
      '2027-02-31',
      '2027-01-15 10:60:00',
      '2027-01-15 24:00:00',
      '2027-13-01',
      '2027-00-10',
      '2027-02-29',
      '2100-02-29',
      '2027-04-31',
      '2027-01-00',
      '0000-01-01',
      '2027-01-15 10:30:60',
      '0000-00-00',
      'x2027-01-15',
      '2027-01-15 junk',
      'x2027-01-15T10:00:00Z',
      '2027-01-15T10:00:00Z junk',
      '01/15/2027',
      '15/01/2027',
      1700000000,
    ]) {
      expect(one({ expiration_date: junk }).expiresAt, String(junk)).toBeNull();
    }
  });

  it('reads sub ID lists, null as empty, each ID once', () => {
    expect(one({ sub_id: { include: [' a ', 5, 'a'], exclude: null } }).subIds).toEqual({
      include: ['a', '5'],
      exclude: [],
    });
    expect(one({ sub_id: { include: 'x, y', exclude: ['z', 'z'] } }).subIds).toEqual({
      include: ['x', 'y'],
      exclude: ['z'],
    });
    expect(one({ sub_id: null }).subIds).toEqual({ include: [], exclude: [] });
    expect(one({ sub_id: ['a'] }).subIds).toEqual({ include: [], exclude: [] });
    expect(one({ sub_id: 'a,b' }).subIds).toEqual({ include: [], exclude: [] });
  });

  it('rewrites store-scheme preview URLs to the web page and drops other schemes', () => {
    const play = one({ preview_url: 'market://details?id=com.whatsapp' });
    expect(play.previewUrl).toBe('https://play.google.com/store/apps/details?id=com.whatsapp');
    expect(play.store).toEqual({ store: 'google-play', appId: 'com.whatsapp', country: null });
    const apple = one({ preview_url: 'itms-apps://itunes.apple.com/us/app/id310633997' });
    expect(apple.previewUrl).toBe('https://apps.apple.com/us/app/id310633997');
    expect(one({ preview_url: 'javascript:alert(1)' }).previewUrl).toBeNull();
    expect(one({ preview_url: 'data:text/html,<b>x</b>' }).store).toBeNull();
    expect(one({ preview_url: 'https://play.google.com@evil.test/store/apps/details?id=a.b' }).previewUrl).toBeNull();
    expect(one({ preview_url: 42 }).previewUrl).toBeNull();
    // An http(s) page is kept as sent (trimmed), store page or not; only store schemes are rewritten.
    expect(one({ preview_url: ' https://example.com/landing?x=1 ' }).previewUrl).toBe(
      'https://example.com/landing?x=1',
    );
    expect(one({ preview_url: 'https://play.google.com/store/apps/details?id=com.whatsapp&hl=de' }).previewUrl).toBe(
      'https://play.google.com/store/apps/details?id=com.whatsapp&hl=de',
    );
    expect(one({ preview_url: 'itms-apps://itunes.apple.com/app/id310633997' }).previewUrl).toBe(
      'https://apps.apple.com/app/id310633997',
    );
  });

  it('keeps an empty min_version as null and ignores unknown fields', () => {
    const offer = one({ min_version: '', extra_field: { deep: true } });
    expect(offer.minVersion).toBeNull();
    expect(offer).not.toHaveProperty('extra_field');
  });

  it('keeps HTML in text as plain text, untouched', () => {
    expect(one({ name: '<b>Bold</b> & <script>x()</script>' }).name).toBe('<b>Bold</b> & <script>x()</script>');
  });
});

describe('parseFeed keeps a hostile feed cheap', () => {
  it('keeps the first 1,000 of 150,000 categories, so the search index still builds', () => {
    const categories = Array.from({ length: 150_000 }, (_, i) => `Category ${i}`);
    const offer = one({ categories });
    expect(offer.categories).toHaveLength(1000);
    expect(offer.categories.slice(0, 2)).toEqual(['Category 0', 'Category 1']);
    expect(offer.categories.at(-1)).toBe('Category 999');
    expect(
      createSearchIndex([offer])
        .search('spotify')
        .map((o) => o.id),
    ).toEqual(['101']);
  });

  it('clips a 12 MB description to its first 64 KB', () => {
    const offer = one({ description: `  Install and register. ${'x'.repeat(12_000_000)}` });
    expect(offer.description).toBe(`Install and register. ${'x'.repeat(65_536 - 22)}`);
  });

  it('clips a 5 KB name to 1 KB, never between the halves of an emoji', () => {
    expect(one({ name: 'N'.repeat(5 * 1024) }).name).toBe('N'.repeat(1024));
    expect(one({ name: `${'a'.repeat(1023)}${'😀'.repeat(2000)}` }).name).toBe('a'.repeat(1023));
    expect(one({ name: `Spotify${' '.repeat(5000)}Music` }).name).toBe('Spotify');
  });

  it('keeps at most 1,000 sub IDs in each list, from arrays and joined strings', () => {
    const include = Array.from({ length: 5000 }, (_, i) => `pub${i}`);
    const exclude = Array.from({ length: 1500 }, (_, i) => `bad${i}`).join(',');
    const { subIds } = one({ sub_id: { include, exclude } });
    expect(subIds.include).toHaveLength(1000);
    expect([subIds.include[0], subIds.include.at(-1)]).toEqual(['pub0', 'pub999']);
    expect(subIds.exclude).toHaveLength(1000);
    expect([subIds.exclude[0], subIds.exclude.at(-1)]).toEqual(['bad0', 'bad999']);
  });

  it('reads thousands of geos into the distinct codes, and finds a real one after junk', () => {
    const pairs: string[] = [];
    for (const a of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') for (const b of 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') pairs.push(a + b);
    const geos = one({ geos: Array.from({ length: 8 }, () => pairs.join(',')).join(' ') }).geos;
    // 676 letter pairs; UK is GB, so 675 distinct codes, in the order first seen.
    expect(geos).toHaveLength(675);
    expect(geos.slice(0, 3)).toEqual(['AA', 'AB', 'AC']);
    expect(geos).toContain('GB');
    expect(geos).not.toContain('UK');
    expect(one({ geos: [...Array.from({ length: 5000 }, () => 'USA'), 'us'] }).geos).toEqual(['US']);
  });

  it('reads only the first 64 KB of a joined list, each entry at most 1 KB', () => {
    expect(one({ categories: `Games,${'x'.repeat(12_000_000)},Puzzle` }).categories).toEqual([
      'Games',
      'x'.repeat(1024),
    ]);
  });

  it("keeps a refusal's error words to a few", () => {
    const err = catchError(() =>
      parseFeed({ message: false, errors: Array.from({ length: 100_000 }, () => 'Bad key') }),
    );
    expect(err.message).toBe(
      'The network refused the request: “Bad key; Bad key; Bad key; Bad key; Bad key; Bad key; Bad key; Bad key; Bad key; Bad key”',
    );
  });
});

describe('unusableFeedError', () => {
  it('calls a feed whose offers were all rejected broken, saying why in words', () => {
    const feed = parseFeed({
      message: true,
      offers: [
        { id: 1, name: 'A', link: 'https://t.example/1' },
        { id: 2, name: 'B', link: 'https://t.example/2' },
        { id: 3, name: 'C', link: 'https://t.example/3' },
        { id: 4, name: '', tracking_url: 'https://t.example/4' },
      ],
    });
    expect(unusableFeedError(feed)?.toInfo()).toEqual({
      code: 'unusable',
      httpStatus: null,
      message: 'All 4 offers in the feed were unusable: no tracking link, no name',
    });
  });

  it('puts the most common reason first, and names every kind of unusable offer', () => {
    const feed = parseFeed({
      message: true,
      offers: [
        { id: 1, name: '' },
        'text',
        { id: 3, name: 'C', tracking_url: 'https://trk.example.com@evil.test/' },
        { id: 4, name: 'D', tracking_url: 'https://trk.example.com@evil.test/' },
        { name: 'E', tracking_url: 'https://t.example/5' },
      ],
    });
    expect(unusableFeedError(feed)?.message).toBe(
      'All 5 offers in the feed were unusable: look-alike tracking links, no name, not offer objects, no id',
    );
  });

  it('lets a feed with one good offer, or a truly empty feed, through', () => {
    expect(unusableFeedError(parseFeed({ message: true, offers: [good, { id: 9 }] }))).toBeNull();
    expect(unusableFeedError(parseFeed({ message: true, offers: [] }))).toBeNull();
  });
});

function catchError(fn: () => unknown): FeedError {
  try {
    fn();
  } catch (error) {
    return error as FeedError;
  }
  throw new Error('expected an error');
}
