// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { type TabOffer, tabOffersItem } from '../../lib/storage/items';
import type { OfferFacts } from './use-offer-facts';
import { prepareOnThisPage, useOnThisPage } from './use-on-this-page';

const SPOTIFY = 'https://play.google.com/store/apps/details?id=com.spotify.music';
const OFFER: TabOffer = {
  id: 'cat:1',
  name: 'Spotify - US',
  platform: 'android',
  geos: ['US'],
  payout: { amount: 1.2, currency: 'USD', type: 'CPA' },
  trackingLink: 'https://trk.example/c?o=1',
  network: 'CarrierAppTraffic',
  equivalent: null,
};

let firstRender: string[] | null = null;
function Panel() {
  const page = useOnThisPage(true, null, undefined, {} as OfferFacts);
  firstRender ??= page?.offers.map((o) => o.name) ?? [];
  return null;
}

beforeEach(() => {
  fakeBrowser.reset();
  firstRender = null;
});
afterEach(cleanup);

describe('the side panel beside a store page', () => {
  it("has the tab's offers in its first render once it was prepared", async () => {
    // A real side panel is no tab: the active tab of its window is the page beside it.
    fakeBrowser.tabs.getCurrent = async () => undefined;
    const panelWindow = await fakeBrowser.windows.create({ focused: true });
    const tab = await fakeBrowser.tabs.create({ url: SPOTIFY, active: true, windowId: panelWindow?.id });
    await tabOffersItem.setValue({ [String(tab.id)]: { url: SPOTIFY, offers: [OFFER] } });
    await prepareOnThisPage();
    render(<Panel />);
    expect(firstRender).toEqual(['Spotify - US']);
  });
});
