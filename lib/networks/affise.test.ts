import { describe, expect, it } from 'vitest';
import { FeedError } from '../feed';
import { parseOfferPage } from '.';

// Shaped like Affise's GET /3.0/partner/offers answer (API 3.0/3.1 docs, "Offer list" of the affiliate methods).
const spotify = {
  id: 1042,
  offer_id: '5f3a9c1e7b2d4a0012ab34cd',
  title: 'Spotify: Music and Podcasts - DE AT CH - Android',
  preview_url: 'https://play.google.com/store/apps/details?id=com.spotify.music',
  description_lang: { en: '  Install and open the app. New users only.  ', de: 'Installieren und öffnen.' },
  link: 'https://offers-mynetwork.affise.com/click?pid=77&offer_id=1042',
  links: [{ id: 'a1', title: 'Main', url: 'https://offers-mynetwork.affise.com/click?pid=77&offer_id=1042&l=2' }],
  logo: 'https://cdn.example.net/logos/1042.png',
  status: 'active',
  privacy: 'public',
  is_cpi: true,
  stop_at: '2026-12-31 23:59:59',
  categories: ['Music', 'Entertainment'],
  full_categories: [{ id: '5a1', title: 'Music' }],
  payments: [
    {
      countries: ['DE', 'AT'],
      cities: [],
      devices: [],
      os: ['android'],
      goal: '1',
      revenue: 1.6,
      currency: 'eur',
      title: 'Install',
      type: 'fixed',
      country_exclude: false,
      with_regions: false,
    },
    { countries: ['CH'], goal: '1', revenue: '1.9', currency: 'eur', type: 'fixed', country_exclude: false },
    { countries: [], goal: '2', revenue: 30, currency: 'eur', type: 'percent', country_exclude: false },
  ],
  caps: [
    { goals: [], period: 'day', type: 'conversions', value: 100, goal_type: 'all', affiliate_type: 'all' },
    { goals: [], period: 'month', type: 'conversions', value: 2000, goal_type: 'all', affiliate_type: 'all' },
    { goals: [], period: 'day', type: 'budget', value: 50, goal_type: 'all', affiliate_type: 'all' },
    { goals: ['1'], period: 'day', type: 'conversions', value: 80, goal_type: 'exact', affiliate_type: 'exact' },
  ],
  targeting: [
    {
      country: { allow: ['de', 'AT'], deny: [] },
      os: { allow: [{ name: 'Android', comparison: 'GTE', version: '8.0' }], deny: [] },
      url: '',
    },
    { country: { allow: ['CH', 'DE'], deny: [] }, os: { allow: [], deny: [] } },
  ],
  required_approval: false,
  strictly_country: 1,
};

const tiktok = {
  id: '2077',
  title: 'TikTok - UK - iOS',
  preview_url: 'https://apps.apple.com/gb/app/tiktok/id835599320',
  description_lang: { en: '', ru: 'Установка' },
  link: '',
  links: [{ id: 'b', title: 'Main', url: 'https://offers-mynetwork.affise.com/click?pid=77&offer_id=2077' }],
  is_cpi: false,
  stop_at: '',
  categories: null,
  payments: [{ countries: ['uk'], revenue: 0.9, currency: 'gbp', type: 'fixed', country_exclude: false }],
  caps: [],
  targeting: [],
};

const page1 = {
  status: 1,
  offers: [spotify, tiktok],
  pagination: { per_page: 2, total_count: 5, page: 1, next_page: 2 },
};

describe('Affise offers page', () => {
  it('reads a real-shaped page into offers by the feed’s rules', () => {
    expect(parseOfferPage('affise', page1, 1)).toEqual({
      offers: [
        {
          id: '1042',
          name: 'Spotify: Music and Podcasts - DE AT CH - Android',
          description: 'Install and open the app. New users only.',
          previewUrl: 'https://play.google.com/store/apps/details?id=com.spotify.music',
          trackingUrl: 'https://offers-mynetwork.affise.com/click?pid=77&offer_id=1042',
          store: { store: 'google-play', appId: 'com.spotify.music', country: null },
          platform: 'android',
          minVersion: null,
          geos: ['DE', 'AT', 'CH'],
          payout: { amount: 1.9, currency: 'EUR', type: 'CPI' },
          caps: { daily: 80, monthly: 2000 },
          categories: ['Music', 'Entertainment'],
          expiresAt: Date.UTC(2026, 11, 31, 23, 59, 59),
          subIds: { include: [], exclude: [] },
        },
        {
          id: '2077',
          name: 'TikTok - UK - iOS',
          description: 'Установка',
          previewUrl: 'https://apps.apple.com/gb/app/tiktok/id835599320',
          trackingUrl: 'https://offers-mynetwork.affise.com/click?pid=77&offer_id=2077',
          store: { store: 'app-store', appId: '835599320', country: 'GB' },
          platform: 'ios',
          minVersion: null,
          geos: ['GB'],
          payout: { amount: 0.9, currency: 'GBP', type: 'CPA' },
          caps: { daily: 0, monthly: 0 },
          categories: [],
          expiresAt: null,
          subIds: { include: [], exclude: [] },
        },
      ],
      rejected: [],
      nextPage: 2,
    });
  });

  it('reads an empty offers list as a valid page of nothing, and the end', () => {
    expect(parseOfferPage('affise', { status: 1, offers: [], pagination: { next_page: 2 } }, 1)).toEqual({
      offers: [],
      rejected: [],
      nextPage: null,
    });
  });
});

describe('Affise envelope', () => {
  it('turns status 2 into api-refused with the network’s own words', () => {
    const refused = refusal({ status: 2, error: 'API-Key is incorrect' });
    expect(refused.code).toBe('api-refused');
    expect(refused.message).toBe('The network refused the request: “API-Key is incorrect”');
    expect(refusal({ status: '2', message: 'Access denied' }).message).toBe(
      'The network refused the request: “Access denied”',
    );
    expect(refusal({ status: 3, offers: [spotify] }).message).toBe('The network refused the request');
  });

  it.each([
    [null],
    ['<html>'],
    [[spotify]],
    [{ offers: [spotify] }],
    [{ status: 1 }],
    [{ status: 1, offers: { 0: spotify } }],
    [{ status: 1, offers: null }],
  ])('calls %j malformed', (body) => {
    expect(refusal(body).code).toBe('malformed');
  });
});

describe('Affise pagination', () => {
  const at = (next: unknown, page: number) =>
    parseOfferPage('affise', { status: 1, offers: [spotify], pagination: { next_page: next } }, page).nextPage;

  it('goes on to next_page only when it is a whole page after the one asked for', () => {
    expect(at(3, 2)).toBe(3);
    expect(at('3', 2)).toBe(3);
    expect(at(2, 2)).toBeNull();
    expect(at(1, 2)).toBeNull();
    expect(at(2.5, 2)).toBeNull();
    expect(at(null, 2)).toBeNull();
    expect(at(false, 2)).toBeNull();
    expect(at('next', 2)).toBeNull();
    expect(at(1001, 1000)).toBeNull();
    expect(parseOfferPage('affise', { status: 1, offers: [spotify] }, 1).nextPage).toBeNull();
  });
});

describe('Affise offer fields', () => {
  const one = (overrides: Record<string, unknown>) => {
    const { offers, rejected } = parseOfferPage('affise', { status: 1, offers: [{ ...spotify, ...overrides }] }, 1);
    expect(rejected).toEqual([]);
    return offers[0]!;
  };

  it('takes English, else the first language that says something, else description', () => {
    expect(one({ description_lang: { ru: '', fr: ' Installez ', es: 'Instala' } }).description).toBe('Installez');
    expect(one({ description_lang: {}, description: 'Plain words' }).description).toBe('Plain words');
    expect(one({ description_lang: null, description: null }).description).toBe('');
    expect(one({ description_lang: { en: '<b>Install</b> &amp; open' } }).description).toBe(
      '<b>Install</b> &amp; open',
    );
  });

  it('pays the highest fixed payment, CPI when the offer says is_cpi', () => {
    expect(one({ is_cpi: 0 }).payout).toEqual({ amount: 1.9, currency: 'EUR', type: 'CPA' });
    expect(one({ is_cpi: '1' }).payout?.type).toBe('CPI');
    expect(
      one({
        payments: [
          { type: 'FIXED', revenue: 'n/a', currency: 'usd' },
          { type: 'fixed', revenue: '2.25' },
          { type: 'fixed', revenue: 2.25, currency: 'gbp' },
          { type: 'percent', revenue: 50, currency: 'usd' },
          null,
        ],
      }).payout,
    ).toEqual({ amount: 2.25, currency: 'USD', type: 'CPI' });
    expect(one({ payments: [{ type: 'percent', revenue: 40, currency: 'usd' }] }).payout).toBeNull();
    expect(one({ payments: null }).payout).toBeNull();
  });

  it('takes the countries the targeting allows, else those of the payments that do not exclude them', () => {
    expect(one({ targeting: [{ country: { allow: ['us', 'UK', 'USA', 'gb'] } }] }).geos).toEqual(['US', 'GB']);
    expect(
      one({
        targeting: [{ country: { allow: [], deny: ['RU'] } }],
        payments: [
          { type: 'fixed', revenue: 1, countries: ['FR', 'be'], country_exclude: false },
          { type: 'fixed', revenue: 1, countries: ['RU'], country_exclude: true },
          { type: 'fixed', revenue: 1, countries: ['IT'] },
        ],
      }).geos,
    ).toEqual(['FR', 'BE', 'IT']);
    expect(one({ targeting: null, payments: [{ type: 'fixed', revenue: 1, countries: [] }] }).geos).toEqual([]);
  });

  it('caps conversions per day and month by the smallest rule, ignoring other caps', () => {
    expect(
      one({
        caps: [
          { period: 'day', type: 'conversions', value: '30' },
          { period: 'day', type: 'conversions', value: 0 },
          { period: 'week', type: 'conversions', value: 5 },
          { period: 'month', type: 'clicks', value: 10 },
          { period: 'all', type: 'conversions', value: 3 },
        ],
      }).caps,
    ).toEqual({ daily: 30, monthly: 0 });
    expect(one({ caps: null }).caps).toEqual({ daily: 0, monthly: 0 });
  });

  it('takes the platform from the store, else from an OS the targeting names alone', () => {
    const noStore = { preview_url: 'https://example.com/landing' };
    expect(one({ targeting: [{ os: { allow: [{ name: 'iOS', comparison: 'GTE', version: '14' }] } }] }).platform).toBe(
      'android',
    );
    expect(
      one({ ...noStore, targeting: [{ os: { allow: ['iOS'] } }, { os: { allow: [{ name: 'iOS' }] } }] }).platform,
    ).toBe('ios');
    expect(one({ ...noStore, targeting: [{ os: { allow: ['Android', 'iOS'] } }] }).platform).toBeNull();
    expect(one({ ...noStore, targeting: [{ os: { allow: [{ name: 'Windows' }] } }] }).platform).toBeNull();
    expect(one({ ...noStore, targeting: [] }).platform).toBeNull();
  });

  it('reads stop_at as UTC, and no date as none', () => {
    expect(one({ stop_at: '2027-03-01T12:00:00+01:00' }).expiresAt).toBe(Date.UTC(2027, 2, 1, 11));
    expect(one({ stop_at: '0000-00-00 00:00:00' }).expiresAt).toBeNull();
    expect(one({ stop_at: null }).expiresAt).toBeNull();
  });

  it('bounds the fields like the feed', () => {
    const offer = one({ title: 'T'.repeat(5000), categories: Array.from({ length: 2000 }, (_, i) => `c${i}`) });
    expect(offer.name).toBe('T'.repeat(1024));
    expect(offer.categories).toHaveLength(1000);
  });
});

describe('Affise offers that cannot be used', () => {
  it('skips them with the reason and keeps the rest of the page', () => {
    const { offers, rejected } = parseOfferPage(
      'affise',
      {
        status: 1,
        offers: [
          spotify,
          { ...spotify, id: null },
          { ...spotify, id: 3, title: '  ' },
          { ...spotify, id: 4, link: '', links: [] },
          { ...spotify, id: 5, link: 'https://offers-mynetwork.affise.com@evil.test/click' },
          { ...spotify, id: 6, link: 'javascript:alert(1)' },
          'offer',
          { ...spotify, id: '1042' },
          { ...tiktok, id: ' 7 ' },
        ],
      },
      1,
    );
    expect(offers.map((o) => o.id)).toEqual(['1042', '7']);
    expect(rejected).toEqual([
      { index: 1, id: null, reason: 'Missing id' },
      { index: 2, id: '3', reason: 'Missing name' },
      { index: 3, id: '4', reason: 'Tracking URL is missing or not an http(s) link' },
      { index: 4, id: '5', reason: 'Tracking URL has a user name before its host (a look-alike link)' },
      { index: 5, id: '6', reason: 'Tracking URL is missing or not an http(s) link' },
      { index: 6, id: null, reason: 'Not an offer object' },
      { index: 7, id: '1042', reason: 'Duplicate id 1042' },
    ]);
  });
});

function refusal(body: unknown): FeedError {
  try {
    parseOfferPage('affise', body, 1);
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}
