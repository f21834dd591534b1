import { describe, expect, it } from 'vitest';
import { FeedError } from '../feed';
import { parseOfferPage } from '.';

// Shaped like Everflow's GET /v1/affiliates/offersrunnable answer (developers.everflow.io, "Find All Runnable").
const duolingo = {
  network_offer_id: 318,
  network_id: 1204,
  name: 'Duolingo - US CA - Android',
  offer_status: 'active',
  currency_id: 'USD',
  visibility: 'public',
  thumbnail_url: 'https://cdn.example.net/thumbs/318.png',
  html_description: '<p>Install &amp; complete <b>lesson&nbsp;1</b>.</p><ul><li>New users</li><li>No VPN</li></ul>',
  is_description_plain_text: false,
  preview_url: 'https://play.google.com/store/apps/details?id=com.duolingo',
  tracking_url: 'https://www.trk-mynetwork.com/5ZS8GM/BP658/?sub1=',
  redirect_tracking_url: '',
  impression_tracking_url: '',
  network_category_id: 12,
  is_caps_enabled: true,
  caps_timezone_id: 90,
  daily_conversion_cap: 150,
  weekly_conversion_cap: 0,
  monthly_conversion_cap: '3000',
  global_conversion_cap: 0,
  daily_click_cap: 0,
  monthly_click_cap: 2500,
  app_identifier: 'com.duolingo',
  date_live_until: '2026-09-30',
  time_created: 1602783082,
  time_saved: 1651581554,
  relationship: {
    offer_affiliate_status: 'approved',
    category: { network_category_id: 12, network_id: 1204, name: 'Education', status: 'active' },
    payouts: {
      total: 2,
      entries: [
        { payout_type: 'cpa', payout_amount: 2.1, payout_percentage: 0, is_default: true, currency_id: 'usd' },
        { payout_type: 'cpa', payout_amount: 0.5, payout_percentage: 0, is_default: false },
      ],
    },
    ruleset: {
      platforms: [{ label: 'Android', targeting_type: 'include', match_type: 'exact' }],
      device_types: [],
      os_versions: [],
      countries: [
        { country_id: 227, country_code: 'us', label: 'United States', targeting_type: 'include', match_type: 'exact' },
        { country_id: 38, country_code: 'CA', label: 'Canada', targeting_type: 'include', match_type: 'exact' },
        { country_id: 172, country_code: 'PR', label: 'Puerto Rico', targeting_type: 'exclude', match_type: 'exact' },
      ],
      regions: [],
      cities: [],
    },
  },
};

const spotify = {
  network_offer_id: '901',
  name: 'Spotify Premium Trial - UK',
  currency_id: 'gbp',
  html_description: '',
  preview_url: 'https://itunes.apple.com/gb/app/spotify-music/id324684580',
  tracking_url: 'https://www.trk-mynetwork.com/AB12CD/EF34GH/',
  is_caps_enabled: false,
  daily_conversion_cap: 10,
  monthly_conversion_cap: 100,
  date_live_until: '',
  relationship: {
    offer_affiliate_status: 'public',
    payouts: { total: 1, entries: [{ payout_type: 'cpa', payout_amount: '1.35' }] },
    ruleset: { platforms: [], countries: [{ country_code: 'UK', targeting_type: 'include' }] },
  },
};

describe('Everflow offers page', () => {
  it('reads a real-shaped page into offers by the feed’s rules', () => {
    const body = { offers: [duolingo, spotify], paging: { page: 1, page_size: 2, total_count: 5 } };
    expect(parseOfferPage('everflow', body, 1)).toEqual({
      offers: [
        {
          id: '318',
          name: 'Duolingo - US CA - Android',
          description: 'Install & complete lesson 1. New users No VPN',
          previewUrl: 'https://play.google.com/store/apps/details?id=com.duolingo',
          trackingUrl: 'https://www.trk-mynetwork.com/5ZS8GM/BP658/?sub1=',
          store: { store: 'google-play', appId: 'com.duolingo', country: null },
          platform: 'android',
          minVersion: null,
          geos: ['US', 'CA'],
          payout: { amount: 2.1, currency: 'USD', type: 'CPA' },
          caps: { daily: 150, monthly: 3000 },
          categories: ['Education'],
          expiresAt: Date.UTC(2026, 8, 30),
          subIds: { include: [], exclude: [] },
        },
        {
          id: '901',
          name: 'Spotify Premium Trial - UK',
          description: '',
          previewUrl: 'https://itunes.apple.com/gb/app/spotify-music/id324684580',
          trackingUrl: 'https://www.trk-mynetwork.com/AB12CD/EF34GH/',
          store: { store: 'app-store', appId: '324684580', country: 'GB' },
          platform: 'ios',
          minVersion: null,
          geos: ['GB'],
          payout: { amount: 1.35, currency: 'GBP', type: 'CPA' },
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
});

describe('Everflow envelope', () => {
  it('turns an error answer into api-refused with its words', () => {
    expect(refusal({ error: 'Invalid API key' }).message).toBe('The network refused the request: “Invalid API key”');
    expect(refusal({ Error: 'Out of realm' }).code).toBe('api-refused');
    expect(refusal({ offers: null, message: 'Rate limit exceeded' }).message).toBe(
      'The network refused the request: “Rate limit exceeded”',
    );
  });

  it.each([
    [null],
    [[duolingo]],
    [{}],
    [{ offers: { entries: [duolingo] } }],
    [{ paging: { page: 1 } }],
    [{ error: '' }],
  ])('calls %j malformed', (body) => {
    expect(refusal(body).code).toBe('malformed');
  });

  it('reads an empty offers list as a valid page of nothing, and the end', () => {
    expect(parseOfferPage('everflow', { offers: [], paging: { page: 1, page_size: 50, total_count: 34 } }, 1)).toEqual({
      offers: [],
      rejected: [],
      nextPage: null,
    });
  });
});

describe('Everflow pagination', () => {
  const nextPageOf = (paging: unknown, page: number) =>
    parseOfferPage('everflow', { offers: [spotify], paging }, page).nextPage;

  it('asks for the next page while the pages so far hold fewer offers than the total', () => {
    expect(nextPageOf({ page: 1, page_size: 500, total_count: 1200 }, 1)).toBe(2);
    expect(nextPageOf({ page: 2, page_size: 500, total_count: 1200 }, 2)).toBe(3);
    expect(nextPageOf({ page: 3, page_size: 500, total_count: 1200 }, 3)).toBeNull();
    expect(nextPageOf({ page: 2, page_size: 500, total_count: 1000 }, 2)).toBeNull();
    expect(nextPageOf({ page: '1', page_size: '500', total_count: '501' }, 1)).toBe(2);
    expect(nextPageOf({ page: 1, page_size: 0, total_count: 10 }, 1)).toBeNull();
    expect(nextPageOf({ page: 1, page_size: 500 }, 1)).toBeNull();
    expect(nextPageOf(null, 1)).toBeNull();
    expect(nextPageOf({ page: 1000, page_size: 1, total_count: 5000 }, 1000)).toBeNull();
  });
});

describe('Everflow offer fields', () => {
  const one = (overrides: Record<string, unknown>, relationship: Record<string, unknown> = {}) => {
    const offer = { ...duolingo, ...overrides, relationship: { ...duolingo.relationship, ...relationship } };
    const { offers, rejected } = parseOfferPage('everflow', { offers: [offer] }, 1);
    expect(rejected).toEqual([]);
    return offers[0]!;
  };
  const ruleset = (fields: Record<string, unknown>) => ({ ruleset: { ...duolingo.relationship.ruleset, ...fields } });

  it('pays the first payout entry, in its currency or else the offer’s', () => {
    expect(
      one({ currency_id: 'eur' }, { payouts: { entries: [{ payout_type: 'cpi', payout_amount: '0.80' }] } }).payout,
    ).toEqual({ amount: 0.8, currency: 'EUR', type: 'CPI' });
    expect(one({ currency_id: null }, { payouts: { entries: [{ payout_amount: 3 }] } }).payout).toEqual({
      amount: 3,
      currency: 'USD',
      type: 'CPA',
    });
    expect(one({}, { payouts: { entries: [{ payout_type: 'cps', payout_amount: 'n/a' }] } }).payout).toBeNull();
    expect(one({}, { payouts: { total: 0, entries: [] } }).payout).toBeNull();
    expect(one({}, { payouts: null }).payout).toBeNull();
  });

  it('takes the included countries only, upper-case, UK as GB', () => {
    const countries = [
      { country_code: 'uk', targeting_type: 'INCLUDE' },
      { country_code: 'de', targeting_type: 'include' },
      { country_code: 'FR', targeting_type: 'exclude' },
      { country_code: 'Germany', targeting_type: 'include' },
      { targeting_type: 'include' },
    ];
    expect(one({}, ruleset({ countries })).geos).toEqual(['GB', 'DE']);
    expect(one({}, ruleset({ countries: [] })).geos).toEqual([]);
    expect(one({}, { ruleset: null }).geos).toEqual([]);
  });

  it('takes the platform from the store, else from the one platform the ruleset targets', () => {
    const noStore = { preview_url: 'https://www.duolingo.com/' };
    expect(one({}, ruleset({ platforms: [{ label: 'iOS', targeting_type: 'include' }] })).platform).toBe('android');
    expect(one(noStore, ruleset({ platforms: [{ label: 'iOS', targeting_type: 'include' }] })).platform).toBe('ios');
    const both = [{ label: 'iOS' }, { label: 'Android', targeting_type: 'include' }];
    expect(one(noStore, ruleset({ platforms: both })).platform).toBeNull();
    const excluded = [
      { label: 'iOS', targeting_type: 'exclude' },
      { label: 'Android', targeting_type: 'include' },
    ];
    expect(one(noStore, ruleset({ platforms: excluded })).platform).toBe('android');
    expect(one(noStore, ruleset({ platforms: [] })).platform).toBeNull();
  });

  it('counts conversion caps only while caps are on', () => {
    expect(one({ is_caps_enabled: false }).caps).toEqual({ daily: 0, monthly: 0 });
    expect(one({ is_caps_enabled: 'true', daily_conversion_cap: '20', monthly_conversion_cap: null }).caps).toEqual({
      daily: 20,
      monthly: 0,
    });
  });

  it('takes the category’s name when it has one', () => {
    expect(one({}, { category: { name: '  Utilities ' } }).categories).toEqual(['Utilities']);
    expect(one({}, { category: { name: '' } }).categories).toEqual([]);
    expect(one({}, { category: null }).categories).toEqual([]);
  });

  it('turns html_description into plain text', () => {
    const html = '<div style="color:red">Earn <5 min&#8230;</div><script>steal()</script>&copy; 2026 &bogus; &#x1F600;';
    expect(one({ html_description: html }).description).toBe('Earn <5 min… © 2026 &bogus; 😀');
    expect(one({ html_description: null }).description).toBe('');
  });

  it('keeps a hostile 300 KB description cheap and bounded', () => {
    expect(one({ html_description: '<'.repeat(300_000) }).description).toBe('<'.repeat(65_536));
    expect(one({ html_description: '&'.repeat(300_000) }).description).toBe('&'.repeat(65_536));
    expect(one({ html_description: `Hi<a title="${'>'.repeat(300_000)}` }).description).toBe('Hi');
    expect(one({ html_description: `${'<!--'.repeat(75_000)}x` }).description).toBe('');
    expect(one({ html_description: `${'<script>'.repeat(30_000)}x` }).description).toBe('');
    expect(one({ html_description: '<b>x</b> '.repeat(20_000) }).description).toBe(Array(20_000).fill('x').join(' '));
    expect(one({ html_description: 'word '.repeat(20_000) }).description).toBe('word '.repeat(20_000).slice(0, 65_536));
  });
});

describe('Everflow offers that cannot be used', () => {
  it('skips them with the reason and keeps the rest of the page', () => {
    const { offers, rejected } = parseOfferPage(
      'everflow',
      {
        offers: [
          duolingo,
          { ...duolingo, network_offer_id: '' },
          { ...duolingo, network_offer_id: 2, name: null },
          { ...duolingo, network_offer_id: 3, tracking_url: '' },
          { ...duolingo, network_offer_id: 4, tracking_url: 'https://www.trk-mynetwork.com@evil.test/x' },
          null,
          { ...duolingo, network_offer_id: '318' },
          { ...spotify, network_offer_id: 5 },
        ],
      },
      1,
    );
    expect(offers.map((o) => o.id)).toEqual(['318', '5']);
    expect(rejected).toEqual([
      { index: 1, id: null, reason: 'Missing id' },
      { index: 2, id: '2', reason: 'Missing name' },
      { index: 3, id: '3', reason: 'Tracking URL is missing or not an http(s) link' },
      { index: 4, id: '4', reason: 'Tracking URL has a user name before its host (a look-alike link)' },
      { index: 5, id: null, reason: 'Not an offer object' },
      { index: 6, id: '318', reason: 'Duplicate id 318' },
    ]);
  });
});

function refusal(body: unknown): FeedError {
  try {
    parseOfferPage('everflow', body, 1);
  } catch (error) {
    if (error instanceof FeedError) return error;
    throw error;
  }
  throw new Error('expected a FeedError');
}
