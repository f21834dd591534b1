import { readFileSync } from 'node:fs';

/** The WXT_ values a build mode bakes in (.env.<mode>), read from there so tests and scripts cannot drift from them. */
function buildEnv(mode: 'e2e' | 'development'): (name: string) => string {
  const file = `.env.${mode}`;
  const values = new Map(
    readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
      .split('\n')
      .filter((line) => /^WXT_\w+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).trim()]),
  );
  return (name) => {
    const value = values.get(name);
    if (!value) throw new Error(`${file} sets no ${name}`);
    return value;
  };
}
const portOf = (template: string) => Number(new URL(template.replace('{apiKey}', 'key')).port);
const e2eEnv = buildEnv('e2e');
const devEnv = buildEnv('development');

/** The API key of the e2e build and of the feed server the journeys start: distinctive, so a leak is found. */
export const E2E_API_KEY = e2eEnv('WXT_DEV_API_KEY');
/** The e2e build's feed URL template (loopback http, allowed in test builds). */
export const E2E_FEED_URL = e2eEnv('WXT_FEED_URL');
/** The port the e2e build fetches its feed from: fixed, because the build bakes it in (18787). */
export const E2E_FEED_PORT = portOf(E2E_FEED_URL);
/** The port and key of the dev build (`npm start`, `npm run dev`): 8787, `demo`. */
export const DEV_FEED_PORT = portOf(devEnv('WXT_FEED_URL'));
export const DEV_API_KEY = devEnv('WXT_DEV_API_KEY');

/** Offers the demo feed (public/demo-feed.json) gives, and those it skips (a duplicate, no link, no id). */
export const DEMO_OFFERS = 223;
export const DEMO_SKIPPED = 3;
/** What "Save and test" and "Refresh now" say on the settings page for the demo feed. */
export const DEMO_SAVED = `✓ ${DEMO_OFFERS} offers · ${DEMO_SKIPPED} offers skipped`;

/** The extension's name in the manifest: Chromium names the content script's world after it. */
export const EXTENSION_NAME = 'Offer Lens for CarrierAppTraffic';

/** The popup's size in Chrome (its page opened as a tab in the journeys). */
export const POPUP_SIZE = { width: 400, height: 600 };

/** Spotify's Play page in Spain: the demo feed has an offer for it (ES). */
export const PLAY_SPOTIFY = 'https://play.google.com/store/apps/details?id=com.spotify.music&gl=ES';
/** The link the popup copies for Spotify's Android offer (id 4100) with the default link settings. */
export const SPOTIFY_LINK = 'https://trk.carrierapptraffic.example/click?offer_id=4100&aff_id=demo&aff_sub=[CLICK_ID]';
