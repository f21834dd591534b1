/** The API key of the e2e build (.env.e2e) and of the feed server the journeys start: distinctive, so a leak is found. */
export const E2E_API_KEY = 'e2e-secret-7f3a9c';
/** The extension's name in the manifest: Chromium names the content script's world after it. */
export const EXTENSION_NAME = 'Offer Lens for CarrierAppTraffic';
