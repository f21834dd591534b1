import { describe, expect, it } from 'vitest';
import { parseStoreUrl, STORE_APP_PATTERNS, STORE_MATCH_PATTERNS, storeKey, storeKeyLabel } from './store-url';

describe('parseStoreUrl', () => {
  it.each([
    ['https://play.google.com/store/apps/details?id=com.spotify.music', 'com.spotify.music', null],
    ['https://play.google.com/store/apps/details?id=com.spotify.music&hl=en&gl=us', 'com.spotify.music', 'US'],
    ['https://PLAY.GOOGLE.COM/store/apps/details?gl=DE&id=com.whatsapp', 'com.whatsapp', 'DE'],
    ['https://play.google.com/store/apps/details/Spotify?id=com.spotify.music', 'com.spotify.music', null],
    ['https://play.google.com/store/apps/details/?id=com.king.candycrushsaga', 'com.king.candycrushsaga', null],
    ['market://details?id=com.spotify.music', 'com.spotify.music', null],
    ['market:details?id=com.whatsapp&gl=uk', 'com.whatsapp', 'GB'],
    ['https://play.google.com/store/apps/details?id=com.spotify.music&gl=usa', 'com.spotify.music', null],
    ['https://play.google.com/store/apps/details?id=com.snapchat.android_1', 'com.snapchat.android_1', null],
    ['http://play.google.com/store/apps/details?id=com.spotify.music', 'com.spotify.music', null],
    ['  https://play.google.com/store/apps/details?id=com.spotify.music  ', 'com.spotify.music', null],
    ['https://play.google.com/store/apps/details//?id=com.spotify.music', 'com.spotify.music', null],
    ['https://play.google.com/store/apps/details?id=%20com.whatsapp%20', 'com.whatsapp', null],
    ['market:///details?id=com.whatsapp', 'com.whatsapp', null],
  ])('reads the Play app page %s', (url, appId, country) => {
    expect(parseStoreUrl(url)).toEqual({ store: 'google-play', appId, country });
  });

  it.each([
    ['https://apps.apple.com/us/app/spotify-music-and-podcasts/id324684580', '324684580', 'US'],
    ['https://apps.apple.com/app/id324684580', '324684580', null],
    ['https://apps.apple.com/gb/app/id310633997?mt=8', '310633997', 'GB'],
    ['https://itunes.apple.com/de/app/whatsapp-messenger/id310633997?mt=8', '310633997', 'DE'],
    ['itms-apps://itunes.apple.com/app/id324684580', '324684580', null],
    ['itms-appss://apps.apple.com/fr/app/x/id1', '1', 'FR'],
    ['itms-apps:///app/id324684580', '324684580', null],
    ['https://apps.apple.com/uk/app/id1', '1', 'GB'],
  ])('reads the App Store app page %s', (url, appId, country) => {
    expect(parseStoreUrl(url)).toEqual({ store: 'app-store', appId, country });
  });

  it.each([
    'https://play.google.com/store/apps/dev?id=5700313618786177705',
    'https://play.google.com/store/search?q=spotify&c=apps',
    'https://play.google.com/store/apps/top',
    'https://play.google.com/store/apps/details',
    'https://play.google.com/store/apps/details?id=',
    'https://play.google.com/store/apps/details?id=..evil',
    'https://play.google.com.evil.io/store/apps/details?id=com.spotify.music',
    'https://notplay.google.com/store/apps/details?id=com.spotify.music',
    'https://apps.apple.com/us/developer/spotify/id324684583',
    'https://apps.apple.com/us/story/id1538632801',
    'https://apps.apple.com/us/charts/iphone',
    'https://apps.apple.com/us/app/spotify/idabc',
    'https://apps.apple.com.evil.io/us/app/spotify/id324684580',
    'javascript:alert(1)//play.google.com/store/apps/details?id=a.b',
    'ftp://play.google.com/store/apps/details?id=com.a',
    'itms-apps://evil.example/app/id1',
    'not a url',
    '',
    // An app id on a page that is not an app page: the path decides.
    'https://play.google.com/store/apps/collection?id=com.spotify.music',
    'https://play.google.com/store/books/details?id=com.spotify.music',
    'https://play.google.com/web/apps/details?id=com.spotify.music',
    'https://play.google.com/apps/details?id=com.spotify.music',
    'https://play.google.com/store/apps/details/Spotify/extra?id=com.spotify.music',
    'https://play.google.com/store/apps/details?id=com.spotify.music/../evil',
    'https://play.google.com/store/apps/details?id=1com.spotify',
    'market://search?q=spotify&id=com.spotify.music',
    'https://apps.apple.com/us/app/spotify/extra/id324684580',
    'https://apps.apple.com/us/apps/id324684580',
    'https://apps.apple.com/usa/app/id324684580',
    'https://apps.apple.com/us/app/spotify/id324684580x',
    'https://apps.apple.com/us/app/spotify/xid324684580',
    'https://apps.apple.com/us/app',
    'https://apps.apple.com/us/developer/app/id324684580',
    `https://play.google.com/store/apps/details?id=com.spotify.music&x=${'a'.repeat(5000)}`,
  ])('is null for %s', (url) => {
    expect(parseStoreUrl(url)).toBeNull();
  });

  it('never throws on garbage input', () => {
    for (const input of [undefined, null, 42, {}, 'http://[::1', '%%%'] as unknown as string[]) {
      expect(parseStoreUrl(input)).toBeNull();
    }
  });
});

describe('storeKey', () => {
  it('matches Play ids case-insensitively', () => {
    const a = parseStoreUrl('https://play.google.com/store/apps/details?id=com.Spotify.Music');
    const b = parseStoreUrl('market://details?id=com.spotify.music');
    expect(a && storeKey(a)).toBe('google-play:com.spotify.music');
    expect(a && b && storeKey(a) === storeKey(b)).toBe(true);
  });

  it('keys App Store apps by their numeric id, whatever the country', () => {
    const us = parseStoreUrl('https://apps.apple.com/us/app/spotify/id324684580');
    const de = parseStoreUrl('https://itunes.apple.com/de/app/id324684580');
    expect(us && storeKey(us)).toBe('app-store:324684580');
    expect(de && storeKey(de)).toBe(us && storeKey(us));
  });
});

describe('the store hosts', () => {
  it('are what the content script and the host permissions cover, exactly', () => {
    expect(STORE_MATCH_PATTERNS).toEqual([
      'https://play.google.com/*',
      'https://apps.apple.com/*',
      'https://itunes.apple.com/*',
    ]);
  });
});

/** A match pattern as the browser reads it: * scheme is http or https, * in the path spans anything (query included). */
function matches(pattern: string, url: string): boolean {
  const [, scheme, host, path] = /^(\*|https?):\/\/([^/]+)(\/.*)$/.exec(pattern) ?? [];
  const parsed = new URL(url);
  const schemes = scheme === '*' ? ['http:', 'https:'] : [`${scheme}:`];
  const glob = new RegExp(`^${(path ?? '').replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*')}$`);
  return schemes.includes(parsed.protocol) && parsed.hostname === host && glob.test(parsed.pathname + parsed.search);
}

describe('STORE_APP_PATTERNS (where the context menu appears)', () => {
  it.each([
    'https://play.google.com/store/apps/details?id=com.spotify.music',
    'http://play.google.com/store/apps/details?id=com.spotify.music&gl=us',
    'https://play.google.com/store/apps/details/Spotify?id=com.spotify.music',
    'https://apps.apple.com/us/app/spotify-music-and-podcasts/id324684580',
    'https://apps.apple.com/app/id324684580',
    'https://itunes.apple.com/de/app/whatsapp-messenger/id310633997?mt=8',
    'https://itunes.apple.com/app/id310633997',
  ])('cover the app page %s', (url) => {
    expect(parseStoreUrl(url)).not.toBeNull();
    expect(STORE_APP_PATTERNS.some((pattern) => matches(pattern, url))).toBe(true);
  });

  it.each([
    'https://play.google.com/store/search?q=spotify&c=apps',
    'https://play.google.com/store/apps/top',
    'https://play.google.com/store/apps/dev?id=5700313618786177705',
    'https://apps.apple.com/us/charts/iphone',
    'https://apps.apple.com/us/developer/spotify/id324684583',
    'https://play.google.com.evil.io/store/apps/details?id=com.spotify.music',
    'https://evil.example/app/id324684580',
    'https://example.com/?u=https://play.google.com/store/apps/details?id=com.a',
  ])('leave out %s', (url) => {
    expect(STORE_APP_PATTERNS.some((pattern) => matches(pattern, url))).toBe(false);
  });
});

describe('storeKeyLabel', () => {
  it.each([
    ['google-play:com.spotify.music', 'com.spotify.music on Google Play'],
    ['app-store:324684580', 'id324684580 on the App Store'],
  ])('%s → %s', (key, label) => {
    expect(storeKeyLabel(key)).toBe(label);
  });
});
