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
    default:
      return null;
  }
}

/**
 * A feed of one offer per chain, Spotify's store page as each one's preview; `silent` adds the
 * chain whose attribution service never answers (a check of it takes the whole timeout).
 */
export function chainFeed({ silent = false } = {}): { message: boolean; offers: Record<string, unknown>[] } {
  const play = 'https://play.google.com/store/apps/details?id=com.spotify.music';
  const offer = (id: string, name: string, path: string, preview = play, platform = 'Android') => ({
    id,
    name,
    tracking_url: `https://${TRACKER}/${path}?offer_id=${id}&aff_id=7&aff_sub=[CLICK_ID]`,
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
    ],
  };
}
