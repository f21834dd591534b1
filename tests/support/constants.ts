/** The API key of the e2e build (.env.e2e) and of the feed server the journeys start: distinctive, so a leak is found. */
export const E2E_API_KEY = 'e2e-secret-7f3a9c';
/** The extension's name in the manifest: Chromium names the content script's world after it. */
export const EXTENSION_NAME = 'Offer Lens for CarrierAppTraffic';

/** The popup's size in Chrome (its page opened as a tab in the journeys). */
export const POPUP_SIZE = { width: 400, height: 600 };

/** Spotify's Play page in Spain: the demo feed has an offer for it (ES). */
export const PLAY_SPOTIFY = 'https://play.google.com/store/apps/details?id=com.spotify.music&gl=ES';
