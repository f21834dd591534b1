import { describe, expect, it } from 'vitest';
import {
  appOf,
  checkClickId,
  clickIdPassedAt,
  clipHop,
  countryNote,
  type Hop,
  hopHost,
  judgeHops,
  MOBILE_USER_AGENTS,
  phoneFor,
  resolveLocation,
} from '.';
import { isFirefox, linkCheckPermissions } from './permissions';

const PREVIEW = 'https://play.google.com/store/apps/details?id=com.spotify.music';
const APPLE_PREVIEW = 'https://apps.apple.com/us/app/spotify-music-and-podcasts/id324684580';
const CLICK = 'offerlens-check1795750000000';
const hop = (url: string, status: number, location: string | null = null): Hop => ({ url, status, location });

/** An Affise-style tracker, then an attribution service, then where they send the phone. */
const affise = `https://offers.go2affise.com/click?pid=7&offer_id=4100&sub1=${CLICK}`;
const adjust = `https://app.adjust.com/abc123?campaign=4100&click_id=${CLICK}&redirect_android=`;
const appsflyer = `https://app.appsflyer.com/id324684580?pid=carrier_int&clickid=${CLICK}`;

describe('judgeHops', () => {
  it('lands on the offer’s app: tracker → attribution → Play store page', () => {
    const hops = [
      hop(affise, 302, adjust),
      hop(adjust, 302, 'https://play.google.com/store/apps/details?id=com.spotify.music&gl=ES&referrer=adjust'),
      hop('https://play.google.com/store/apps/details?id=com.spotify.music&gl=ES&referrer=adjust', 200),
    ];
    expect(judgeHops(PREVIEW, hops)).toEqual({
      verdict: 'right-app',
      finalApp: { store: 'google-play', appId: 'com.spotify.music', country: 'ES' },
      reason: "Lands on the offer's app",
    });
  });

  it('lands on the offer’s app through a market:// hand-off (never fetched)', () => {
    const hops = [hop(affise, 302, adjust), hop(adjust, 302, 'market://details?id=com.spotify.music&referrer=x')];
    expect(judgeHops(PREVIEW, hops)).toMatchObject({ verdict: 'right-app', finalApp: { appId: 'com.spotify.music' } });
  });

  it('lands on the offer’s app through an itms-apps:// hand-off, and through an Android intent', () => {
    const apple = [hop(appsflyer, 302, 'itms-apps://itunes.apple.com/us/app/id324684580')];
    expect(judgeHops(APPLE_PREVIEW, apple)).toMatchObject({
      verdict: 'right-app',
      finalApp: { store: 'app-store', appId: '324684580', country: 'US' },
    });
    const intent = [
      hop(adjust, 302, 'intent://details?id=com.spotify.music#Intent;scheme=market;package=com.spotify.music;end'),
    ];
    expect(judgeHops(PREVIEW, intent)).toMatchObject({
      verdict: 'right-app',
      finalApp: { appId: 'com.spotify.music' },
    });
  });

  it('names the other app when the link was re-pointed', () => {
    const hops = [
      hop(affise, 302, 'https://play.google.com/store/apps/details?id=com.other.app'),
      hop('https://play.google.com/store/apps/details?id=com.other.app', 200),
    ];
    expect(judgeHops(PREVIEW, hops)).toEqual({
      verdict: 'other-app',
      finalApp: { store: 'google-play', appId: 'com.other.app', country: null },
      reason: 'Lands on a different app: com.other.app',
    });
    const whatsapp = 'https://apps.apple.com/app/id310633997';
    expect(judgeHops(PREVIEW, [hop(appsflyer, 302, whatsapp), hop(whatsapp, 200)]).reason).toBe(
      'Lands on a different app: id310633997',
    );
  });

  it('calls a store app "other" when the offer has no store page to compare with', () => {
    expect(judgeHops(null, [hop(PREVIEW, 200)]).verdict).toBe('other-app');
  });

  it('ends on a web page: a landing page after a meta refresh', () => {
    const hops = [
      hop(affise, 200, 'https://promo.example.com/landing?x=1'),
      hop('https://promo.example.com/landing?x=1', 200),
    ];
    expect(judgeHops(PREVIEW, hops)).toEqual({
      verdict: 'web-page',
      finalApp: null,
      reason: 'Ends on a web page: promo.example.com',
    });
  });

  it('resolves relative Location headers against their hop', () => {
    const hops = [
      hop(affise, 302, '/r/2?o=4100'),
      hop('https://offers.go2affise.com/r/2?o=4100', 302, '//play.google.com/store/apps/details?id=com.spotify.music'),
      hop(PREVIEW, 200),
    ];
    expect(judgeHops(PREVIEW, hops).verdict).toBe('right-app');
    expect(resolveLocation(hops[0] as Hop)).toBe('https://offers.go2affise.com/r/2?o=4100');
    expect(resolveLocation(hops[1] as Hop)).toBe(PREVIEW);
  });

  it.each([
    ['a 404 at the attribution service', [hop(affise, 302, adjust), hop(adjust, 404)], 'HTTP 404 at hop 2'],
    ['a 500 at the tracker', [hop(affise, 500)], 'HTTP 500 at hop 1'],
    ['a 410 on the store page (app removed)', [hop(affise, 302, PREVIEW), hop(PREVIEW, 410)], 'HTTP 410 at hop 2'],
    ['no answer', [hop(affise, 302, adjust), hop(adjust, 0)], 'No answer at hop 2'],
    ['no hops', [], 'No answer'],
    ['a loop', [hop(affise, 302, adjust), hop(adjust, 302, affise), hop(affise, 302, adjust)], 'Redirect loop'],
    [
      'sixteen redirects',
      Array.from({ length: 16 }, (_, i) => hop(`https://t${i}.example/`, 302, `https://t${i + 1}.example/`)),
      'Too many redirects (16)',
    ],
    ['a redirect nobody followed', [hop(affise, 302, adjust)], 'HTTP 302 at hop 1'],
  ])('is broken for %s', (_, hops, reason) => {
    expect(judgeHops(PREVIEW, hops)).toEqual({ verdict: 'broken', finalApp: null, reason });
  });

  it('is broken on any HTTP error, 400 included, and on a 3xx nobody followed', () => {
    expect(judgeHops(PREVIEW, [hop(affise, 302, PREVIEW), hop(PREVIEW, 400)]).reason).toBe('HTTP 400 at hop 2');
    expect(judgeHops(PREVIEW, [hop(affise, 302, adjust), hop(adjust, 300)]).reason).toBe('HTTP 300 at hop 2');
  });

  it('ends on a plain http landing page too', () => {
    expect(
      judgeHops(PREVIEW, [hop(affise, 302, 'http://promo.example.com/'), hop('http://promo.example.com/', 200)]),
    ).toEqual({ verdict: 'web-page', finalApp: null, reason: 'Ends on a web page: promo.example.com' });
  });

  it('takes an itms-appss:// hand-off, and reads a Location with spaces around it', () => {
    const handOff = hop(appsflyer, 302, ' itms-appss://apps.apple.com/us/app/spotify/id324684580 ');
    expect(judgeHops(APPLE_PREVIEW, [hop(affise, 302, ` ${appsflyer} `), handOff]).verdict).toBe('right-app');
    expect(resolveLocation(hop(affise, 302, '  /r/2  '))).toBe('https://offers.go2affise.com/r/2');
    expect(resolveLocation(hop(affise, 302, 'http://[broken'))).toBeNull();
  });

  it('accepts fifteen hops', () => {
    const hops = Array.from({ length: 14 }, (_, i) => hop(`https://t${i}.example/`, 302, `https://t${i + 1}.example/`));
    hops.push(hop('https://t14.example/', 302, PREVIEW));
    expect(judgeHops(PREVIEW, [...hops.slice(1), hop(PREVIEW, 200)]).verdict).toBe('right-app');
    expect(judgeHops(PREVIEW, [...hops, hop(PREVIEW, 200)]).reason).toBe('Too many redirects (16)');
  });

  it('is broken, and says why, when a hop points at a private address', () => {
    const router = 'http://192.168.1.1/admin';
    expect(judgeHops(PREVIEW, [hop(affise, 302, router), hop(router, 0)])).toEqual({
      verdict: 'broken',
      finalApp: null,
      reason: 'Refused to request a private address (192.168.1.1) at hop 2',
    });
    const refresh = [hop(affise, 200, 'http://2130706433:8080/'), hop('http://127.0.0.1:8080/', 0)];
    expect(judgeHops(PREVIEW, refresh).reason).toBe('Refused to request a private address (127.0.0.1) at hop 2');
    expect(judgeHops(PREVIEW, [hop('https://[::1]/secret', 0)]).reason).toBe(
      'Refused to request a private address ([::1]) at hop 1',
    );
  });
});

describe('what a check keeps of each hop', () => {
  it('keeps at most 2 KB of each hop’s URL and Location', () => {
    const long = `https://offers.go2affise.com/click?pad=${'x'.repeat(10_000)}`;
    const kept = clipHop(hop(long, 302, long));
    expect(kept.url).toBe(long.slice(0, 2048));
    expect(kept.location).toBe(long.slice(0, 2048));
    expect(kept.url.length).toBe(2048);
    expect(kept.status).toBe(302);
    expect(clipHop(hop(affise, 302, adjust))).toEqual(hop(affise, 302, adjust));
    expect(clipHop(hop(affise, 200))).toEqual(hop(affise, 200));
  });
});

describe('the check itself', () => {
  it('uses a click ID that tells checks apart in the statistics', () => {
    expect(checkClickId(1795750000000)).toBe('offerlens-check1795750000000');
  });

  it('asks for host access and webRequest, and in Chrome for the rules that set the user agent', () => {
    expect(linkCheckPermissions(true)).toEqual({ permissions: ['webRequest'], origins: ['https://*/*', 'http://*/*'] });
    expect(linkCheckPermissions(false)).toEqual({
      permissions: ['webRequest', 'declarativeNetRequestWithHostAccess'],
      origins: ['https://*/*', 'http://*/*'],
    });
    expect(isFirefox({ getBrowserInfo: () => undefined })).toBe(true);
    expect(isFirefox({ id: 'x' })).toBe(false);
  });

  it('poses as the phone of the offer’s store', () => {
    expect(MOBILE_USER_AGENTS.android.label).toBe('Android phone');
    expect(MOBILE_USER_AGENTS.android.value).toMatch(
      /^Mozilla\/5\.0 \(Linux; Android 14; Pixel 8\) .* Mobile Safari\//,
    );
    expect(MOBILE_USER_AGENTS.ios.label).toBe('iPhone');
    expect(MOBILE_USER_AGENTS.ios.value).toMatch(
      /^Mozilla\/5\.0 \(iPhone; CPU iPhone OS 18_1 like Mac OS X\) .* Mobile\/15E148/,
    );
    expect(phoneFor(PREVIEW, 'ios')).toBe('android');
    expect(phoneFor(APPLE_PREVIEW, 'android')).toBe('ios');
    expect(phoneFor(null, 'ios')).toBe('ios');
    expect(phoneFor(null, null)).toBe('android');
  });

  it('tells at which hop the click ID was passed on', () => {
    expect(clickIdPassedAt([hop(affise, 302, adjust), hop(adjust, 302, PREVIEW), hop(PREVIEW, 200)], CLICK)).toBe(2);
    expect(clickIdPassedAt([hop(affise, 302, PREVIEW), hop(PREVIEW, 200)], CLICK)).toBeNull();
    expect(clickIdPassedAt([hop(affise, 302, `market://details?id=a.b&referrer=${CLICK}`)], CLICK)).toBe(2);
    // The tracker's own URL carries it: that is not passing it on.
    expect(clickIdPassedAt([hop(affise, 200)], CLICK)).toBeNull();
    expect(clickIdPassedAt([hop(affise, 302, 'market://details?id=a.b')], CLICK)).toBeNull();
  });

  it('compares the store country with the offer’s countries', () => {
    const es = { store: 'google-play' as const, appId: 'a.b', country: 'ES' };
    expect(countryNote(es, ['ES', 'MX'])).toEqual({ text: 'store country ES — offer accepts ES, MX ✓', fits: true });
    expect(countryNote(es, ['US'])).toEqual({ text: 'store country ES — offer accepts US ✗', fits: false });
    expect(countryNote(es, [])).toEqual({ text: 'store country ES — offer accepts any country ✓', fits: true });
    expect(countryNote({ ...es, country: null }, ['US'])).toEqual({
      text: 'store country not set by the tracker',
      fits: null,
    });
    expect(countryNote(null, ['US'])).toBeNull();
    expect(countryNote(es, ['US', 'GB', 'DE', 'FR', 'IT', 'NL', 'ES'])?.text).toBe(
      'store country ES — offer accepts US, GB, DE, FR, IT, NL… ✓',
    );
    expect(countryNote(es, ['US', 'GB', 'DE', 'FR', 'IT', 'ES'])?.text).toBe(
      'store country ES — offer accepts US, GB, DE, FR, IT, ES ✓',
    );
  });

  it('names each hop by its host, and a hand-off by its scheme', () => {
    expect(hopHost(affise)).toBe('offers.go2affise.com');
    expect(hopHost('market://details?id=com.spotify.music')).toBe('market://details');
    expect(hopHost('itms-apps://apps.apple.com/app/id324684580')).toBe('itms-apps://apps.apple.com');
  });

  it('reads the app of an Android intent by its package', () => {
    expect(appOf('intent://x#Intent;scheme=https;package=com.whatsapp;end')).toEqual({
      store: 'google-play',
      appId: 'com.whatsapp',
      country: null,
    });
    expect(appOf('intent://x#Intent;scheme=https;end')).toBeNull();
    expect(appOf('intent://details?id=com.whatsapp#Intent;scheme=market;end')).toEqual({
      store: 'google-play',
      appId: 'com.whatsapp',
      country: null,
    });
  });

  it('reads the app an intent opens the Play Store at by its id, not the Play Store’s own package', () => {
    const duolingo = { store: 'google-play', appId: 'com.duolingo', country: null };
    expect(
      appOf('intent://details?id=com.duolingo&referrer=x#Intent;scheme=market;package=com.android.vending;end'),
    ).toEqual(duolingo);
    // The Play Store's web address, opened in the Play Store app.
    expect(
      appOf(
        'intent://play.google.com/store/apps/details?id=com.duolingo#Intent;scheme=https;package=com.android.vending;end',
      ),
    ).toEqual(duolingo);
    // An intent for the app itself: its package.
    expect(appOf('intent://open?id=com.other.app#Intent;scheme=duolingo;package=com.duolingo;end')).toEqual(duolingo);
    // The Play Store with no app named opens no app.
    expect(appOf('intent://details#Intent;scheme=market;package=com.android.vending;end')).toBeNull();
    expect(appOf('intent://details?id=com.duolingo')).toBeNull();
  });

  it('judges an intent hand-off to the Play Store by the app it opens there', () => {
    const preview = 'https://play.google.com/store/apps/details?id=com.duolingo';
    const handOff = (id: string) =>
      hop(adjust, 302, `intent://details?id=${id}&referrer=x#Intent;scheme=market;package=com.android.vending;end`);
    expect(judgeHops(preview, [hop(affise, 302, adjust), handOff('com.duolingo')])).toEqual({
      verdict: 'right-app',
      finalApp: { store: 'google-play', appId: 'com.duolingo', country: null },
      reason: "Lands on the offer's app",
    });
    expect(judgeHops(preview, [hop(affise, 302, adjust), handOff('com.other.app')]).reason).toBe(
      'Lands on a different app: com.other.app',
    );
  });
});
