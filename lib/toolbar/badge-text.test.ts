import { describe, expect, it } from 'vitest';
import { EMPTY_STATUS } from '../refresh/status';
import type { PageOffer } from '../store-page';
import { globalBadge, tabBadge } from './badge-text';

const offer = (amount: number, name = 'Spotify - US'): PageOffer => ({
  id: '1',
  name,
  network: 'CarrierAppTraffic',
  equivalent: null,
  platform: 'android',
  payout: { amount, currency: 'USD', type: 'CPA' },
  geos: ['US'],
  caps: { daily: 0, monthly: 0 },
  minVersion: null,
  expiresAt: null,
  trackingLink: 'https://t.example/c',
  linkHost: 't.example',
  subIdStatus: 'ok',
  watched: false,
  news: null,
  acceptedSubIds: [],
  fitsCountry: true,
});
const failed = {
  ...EMPTY_STATUS,
  error: { code: 'server' as const, httpStatus: 503, message: 'The feed server is down (HTTP 503)' },
};

describe('toolbar badge', () => {
  it('is empty when all is well, a red "!" with the reason after a failed refresh', () => {
    expect(globalBadge(EMPTY_STATUS).text).toBe('');
    expect(globalBadge(failed)).toMatchObject({ text: '!', title: 'Offer Lens — The feed server is down (HTTP 503)' });
  });

  it('shows the best payout of a matched page and names the offer', () => {
    expect(tabBadge(EMPTY_STATUS, [offer(1.25), offer(0.5)])).toMatchObject({
      text: '1.25',
      title: 'Offer Lens — Spotify - US: $1.25 CPA (+1 more)',
    });
    expect(tabBadge(EMPTY_STATUS, [offer(12.5)]).text).toBe('12.5');
    expect(tabBadge(EMPTY_STATUS, [offer(1500)]).text).toBe('1.5k');
  });

  it('keeps the error first on a matched page, and says nothing on other pages', () => {
    expect(tabBadge(failed, [offer(1.25)]).text).toBe('!');
    expect(tabBadge(EMPTY_STATUS, []).text).toBe('');
  });
});

describe('the toolbar on a store tab, several networks', () => {
  it("names the best offer's network and its equivalent when the app pays on several", () => {
    const euro = {
      ...offer(1.7),
      network: 'AppRocket (Affise)',
      payout: { amount: 1.7, currency: 'EUR', type: 'CPA' },
      equivalent: '≈ $1.93',
    };
    expect(tabBadge(EMPTY_STATUS, [euro, offer(1.62)]).title).toBe(
      'Offer Lens — Spotify - US · AppRocket (Affise): €1.70 CPA ≈ $1.93 (+1 more)',
    );
  });
});
