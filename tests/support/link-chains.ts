/**
 * Tracking-link chains for the link-check journeys, served by the store fixture server for
 * these hosts (Chromium maps them there; Firefox resolves every name to it): an Affise-style
 * tracker, an adjust-style attribution service and a landing page, ending on the store
 * fixtures. Each chain starts at https://offers.go2affise.test/<name>.
 */
export const TRACKER = 'offers.go2affise.test';
export const ATTRIBUTION = 'app.adjust.test';
export const LANDING = 'promo.landing.test';
export const CHAIN_HOSTS = [TRACKER, ATTRIBUTION, LANDING];
/** The path the private chains point at, on the fixture server's loopback address: a check must never request it. */
export const SECRET_PATH = '/secret';

export interface ChainAnswer {
  /** 0: the server never answers (the connection stays open). */
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

const redirect = (location: string, status = 302): ChainAnswer => ({ status, headers: { location } });
const html = (body: string): ChainAnswer => ({
  status: 200,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body,
});

/** The tracker's memory of the click between its own two hops (as a real one keeps it server-side). */
let lastClick = '';

/** The answer for a request to a chain host, or null when it is not one of the chains'. */
export function chainAnswer(host: string, path: string): ChainAnswer | null {
  const url = new URL(path, `https://${host}`);
  const click = url.searchParams.get('aff_sub') ?? url.searchParams.get('click_id') ?? '';
  const route = `${host}${url.pathname}`;
  switch (route) {
    // Right app: a relative Location first, then the attribution service, then the Play page.
    case `${TRACKER}/right`:
      lastClick = click;
      return redirect('/r/2?campaign=right');
    case `${TRACKER}/r/2`:
      return redirect(`https://${ATTRIBUTION}/abc123?campaign=right&click_id=${encodeURIComponent(lastClick)}`);
    case `${ATTRIBUTION}/abc123`:
      return redirect('https://play.google.com/store/apps/details?id=com.spotify.music&gl=ES');
    // Re-pointed at another app.
    case `${TRACKER}/other`:
      return redirect('https://play.google.com/store/apps/details?id=com.other.app');
    // A landing page reached by a meta refresh.
    case `${TRACKER}/landing`:
      return html(
        `<html><head><meta http-equiv="refresh" content="0;url=https://${LANDING}/summer?c=${click}"></head><body>Redirecting…</body></html>`,
      );
    case `${LANDING}/summer`:
      return html('<html><body><h1>Summer promo</h1><p>Install now!</p></body></html>');
    // The attribution service lost the campaign.
    case `${TRACKER}/dead`:
      return redirect(`https://${ATTRIBUTION}/gone?click_id=${encodeURIComponent(click)}`);
    case `${ATTRIBUTION}/gone`:
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'Not found' };
    // Two hosts sending the phone to each other.
    case `${TRACKER}/loop`:
      return redirect(`https://${ATTRIBUTION}/loop${url.search}`);
    case `${ATTRIBUTION}/loop`:
      return redirect(`https://${TRACKER}/loop${url.search}`);
    // Hand-off to the Play app.
    case `${TRACKER}/market`:
      return redirect(`https://${ATTRIBUTION}/m?click_id=${encodeURIComponent(click)}`);
    case `${ATTRIBUTION}/m`:
      return redirect(`market://details?id=com.spotify.music&referrer=adjust_reftag%3D${encodeURIComponent(click)}`);
    // An attribution service that never answers.
    case `${TRACKER}/silent`:
      return redirect(`https://${ATTRIBUTION}/silent?click_id=${encodeURIComponent(click)}`);
    case `${ATTRIBUTION}/silent`:
      return { status: 0 };
    // An App Store offer, routed to the Spanish store.
    case `${TRACKER}/apple`:
      return redirect('https://apps.apple.com/es/app/spotify-music-and-podcasts/id324684580');
    // A redirect, and a meta refresh (its host spelled in hex), to the fixture server's own
    // loopback address: a check must never request it.
    case `${TRACKER}/private-302`:
      return redirect(`https://127.0.0.1:${url.searchParams.get('port')}${SECRET_PATH}?from=302`);
    case `${TRACKER}/private-refresh`:
      return html(
        `<html><head><meta http-equiv="refresh" content="0;url=https://0x7f.1:${url.searchParams.get('port')}${SECRET_PATH}?from=refresh"></head></html>`,
      );
    // Right app, through a 5 KB Location.
    case `${TRACKER}/long`:
      return redirect(`https://${ATTRIBUTION}/abc123?campaign=long&pad=${'x'.repeat(5000)}`);
    // Hand-offs to the Play Store by an Android intent, and to the App Store app.
    case `${TRACKER}/intent`:
      return redirect(`https://${ATTRIBUTION}/i?click_id=${encodeURIComponent(click)}`);
    case `${ATTRIBUTION}/i`:
      return redirect(
        'intent://details?id=com.spotify.music&referrer=adjust#Intent;scheme=market;package=com.android.vending;end',
      );
    // A redirect to the next one, without end.
    case `${TRACKER}/next`:
      return redirect(`/next?n=${Number(url.searchParams.get('n') ?? 0) + 1}`);
    case `${TRACKER}/itms`:
      return redirect('itms-apps://apps.apple.com/es/app/id324684580');
    default:
      return null;
  }
}

/**
 * A feed of one offer per chain, Spotify's store page as each one's preview; `silent` adds the
 * chain whose attribution service never answers (a check of it takes the whole timeout);
 * `privateTo` (the fixture server's port) the chains that point at that server by its loopback
 * address (a redirect, a meta refresh, the tracking link itself); `edgeCases` a 5 KB Location
 * and the intent:// and itms-apps:// hand-offs.
 */
export function chainFeed({ silent = false, privateTo = 0, edgeCases = false } = {}): {
  message: boolean;
  offers: Record<string, unknown>[];
} {
  const play = 'https://play.google.com/store/apps/details?id=com.spotify.music';
  const offer = (id: string, name: string, path: string, preview = play, platform = 'Android') => ({
    id,
    name,
    tracking_url: path.startsWith('https:')
      ? path
      : `https://${TRACKER}/${path}?offer_id=${id}&aff_id=7&aff_sub=[CLICK_ID]${privateTo ? `&port=${privateTo}` : ''}`,
    preview_url: preview,
    platform,
    geos: ['ES', 'MX'],
    payout: { amount: 1.5, currency: 'USD', type: 'CPI' },
  });
  return {
    message: true,
    offers: [
      offer('9001', 'Check Right App', 'right'),
      offer('9002', 'Check Other App', 'other'),
      offer('9003', 'Check Landing Page', 'landing'),
      offer('9004', 'Check Dead Link', 'dead'),
      offer('9005', 'Check Loop', 'loop'),
      offer('9006', 'Check Market Handoff', 'market'),
      offer('9007', 'Check Apple Store', 'apple', 'https://apps.apple.com/us/app/spotify/id324684580', 'iOS'),
      ...(silent ? [offer('9008', 'Check Silent Attribution', 'silent')] : []),
      ...(privateTo
        ? [
            offer('9009', 'Check Private Redirect', 'private-302'),
            offer('9010', 'Check Private Refresh', 'private-refresh'),
            offer(
              '9011',
              'Check Private Tracking Link',
              `https://127.0.0.1:${privateTo}${SECRET_PATH}?from=feed&offer_id=9011&aff_sub=[CLICK_ID]`,
            ),
          ]
        : []),
      ...(edgeCases
        ? [
            offer('9012', 'Check Long Redirect', 'long'),
            offer('9013', 'Check Intent Handoff', 'intent'),
            offer('9014', 'Check Apple Handoff', 'itms', 'https://apps.apple.com/us/app/spotify/id324684580', 'iOS'),
            offer('9015', 'Check Endless Redirects', 'next'),
          ]
        : []),
    ],
  };
}
