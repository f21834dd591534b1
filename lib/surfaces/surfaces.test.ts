import { describe, expect, it } from 'vitest';
import type { Offer } from '../offer';
import { MENU_LINK, MENU_PAGE, menuTargetUrl, offersPagePath, surfaceStartFromUrl } from '.';
import { defaultSuggestion, escapeXml, omniboxChoice, omniboxSuggestions } from './omnibox';

const offer = (id: string, name: string): Offer => ({
  id,
  name,
  description: '',
  previewUrl: null,
  trackingUrl: `https://trk.example.com/c?o=${id}`,
  store: null,
  platform: 'android',
  minVersion: null,
  geos: ['US', 'GB'],
  payout: { amount: 1.45, currency: 'USD', type: 'CPA' },
  caps: { daily: 0, monthly: 0 },
  categories: [],
  expiresAt: null,
  subIds: { include: [], exclude: [] },
});

describe('the offers page URL', () => {
  it('carries an offer, a query and an app there and back', () => {
    const start = { offerId: '100042', query: 'spotify geo:US', appUrl: 'https://apps.apple.com/us/app/id1?x=1&y=2' };
    const path = offersPagePath(start);
    expect(path.startsWith('/offers.html?')).toBe(true);
    expect(surfaceStartFromUrl(path.slice(path.indexOf('?')))).toEqual(start);
  });

  it('opens on nothing in particular without parameters, and drops oversized ones', () => {
    expect(offersPagePath({})).toBe('/offers.html');
    expect(surfaceStartFromUrl('')).toBeUndefined();
    expect(surfaceStartFromUrl(`?id=${'9'.repeat(201)}&q=spotify`)).toEqual({ query: 'spotify' });
  });
});

describe('menuTargetUrl', () => {
  it('takes the link for the link item and the page for the page item', () => {
    const info = { linkUrl: 'https://play.google.com/store/apps/details?id=a.b', pageUrl: 'https://chat.example/' };
    expect(menuTargetUrl({ ...info, menuItemId: MENU_LINK })).toBe(info.linkUrl);
    expect(menuTargetUrl({ ...info, menuItemId: MENU_PAGE })).toBe(info.pageUrl);
    expect(menuTargetUrl({ ...info, menuItemId: 'other' })).toBeNull();
  });
});

describe('omnibox', () => {
  it('escapes the five XML specials', () => {
    expect(escapeXml(`<b>Tom & "Jerry's"</b>`)).toBe('&lt;b&gt;Tom &amp; &quot;Jerry&apos;s&quot;&lt;/b&gt;');
  });

  it('describes offers with payout and countries, escaped as XML for Chrome', () => {
    expect(omniboxSuggestions([offer('1', 'Spotify <Premium> & Co')], 'xml')).toEqual([
      {
        content: 'offer:1',
        description: '<match>Spotify &lt;Premium&gt; &amp; Co</match> <dim>— $1.45 CPA · Android · US, GB</dim>',
      },
    ]);
  });

  it('describes offers as plain text for Firefox, on one line', () => {
    expect(omniboxSuggestions([offer('1', 'Spotify\n<Premium> & Co')], 'plain')).toEqual([
      { content: 'offer:1', description: 'Spotify <Premium> & Co — $1.45 CPA · Android · US, GB' },
    ]);
  });

  it('drops what Chrome refuses in suggestion XML: U+FFFE, U+FFFF and lone surrogates', () => {
    const hostile = offer('1', 'Tik\uFFFETok\uFFFF \uD800Lite\uDC00');
    const [suggestion] = omniboxSuggestions([hostile], 'xml');
    expect(suggestion?.description.startsWith('<match>Tik Tok \uFFFDLite\uFFFD</match>')).toBe(true);
    expect(suggestion?.description.isWellFormed()).toBe(true);
  });

  it('suggests at most six offers', () => {
    const many = Array.from({ length: 9 }, (_, i) => offer(String(i), `Offer ${i}`));
    expect(omniboxSuggestions(many, 'plain').map((s) => s.content)).toEqual([
      'offer:0',
      'offer:1',
      'offer:2',
      'offer:3',
      'offer:4',
      'offer:5',
    ]);
  });

  it('says what the typed text searches', () => {
    expect(defaultSuggestion('spotify <b>', 12, 'xml')).toBe(
      'Search offers for <match>spotify &lt;b&gt;</match> (12 found)',
    );
    expect(defaultSuggestion('spotify', 1200, 'plain')).toBe('Search offers for spotify (1,200 found)');
    expect(defaultSuggestion('  ', null, 'plain')).toBe('Type to search your offers: an app, an id, geo:US, payout>1');
  });

  it('reads Enter on a suggestion as its offer, and on typed text as a search', () => {
    expect(omniboxChoice('offer:100042')).toEqual({ offerId: '100042' });
    expect(omniboxChoice(' spotify geo:us ')).toEqual({ query: 'spotify geo:us' });
    expect(omniboxChoice('offer:')).toEqual({ query: 'offer:' });
  });
});
