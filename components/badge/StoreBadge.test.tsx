// @vitest-environment happy-dom
import { cleanup, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, type Settings } from '../../lib/settings/defaults';
import type { PageOffers } from '../../lib/store-page';
import { pageFor, pageScriptClicks, realClick, SPOTIFY, seen, showBadge } from './badge-test-kit';

let settings: Settings;
const page = (url: string) => pageFor(url, settings);
const button = (name: string) => screen.getByRole('button', { name }) as HTMLButtonElement;

beforeEach(() => {
  fakeBrowser.reset();
  settings = { ...defaultSettings(''), clickId: 'abc', subId: 'pub1' };
});
afterEach(cleanup);

describe('store badge, several networks', () => {
  it("names each offer's network and gives a foreign payout's equivalent in one currency", async () => {
    const one = await page(`${SPOTIFY}&gl=us`);
    const [first, second] = one.offers as [PageOffers['offers'][0], PageOffers['offers'][0]];
    const page2: PageOffers = {
      ...one,
      offers: [
        {
          ...first,
          network: 'AppRocket (Affise)',
          payout: { amount: 1.7, currency: 'EUR', type: 'CPA' },
          equivalent: '≈ $1.93',
        },
        { ...second, network: 'CarrierAppTraffic' },
      ],
    };
    const { container } = showBadge(page2);
    expect(seen(container.querySelector('.row') as HTMLElement)).toBe(
      '€1.70 ≈ $1.93Spotify - US/GB · AppRocket (Affise)Copy▸×',
    );
    fireEvent.click(button('Show offer details'));
    expect(screen.getByRole('button', { name: '$0.80 CPA Spotify - US low · CarrierAppTraffic' })).toBeTruthy();
  });
});

describe('store badge, compact', () => {
  it("shows the best payout, the offer's name and Copy on one row, and nothing else", async () => {
    const { container } = showBadge(await page(`${SPOTIFY}&gl=us`));
    const badge = container.querySelector('section') as HTMLElement;
    expect(badge.className).toBe('badge compact bottom-right');
    expect([...badge.children].map((child) => child.className)).toEqual(['row', 'sr-only']);
    expect(seen(badge)).toBe('$1.25Spotify - US/GBCopy▸×');
    expect(screen.getAllByRole('button').map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual([
      'Copy tracking link',
      'Show offer details',
      'Hide on this app',
    ]);
    expect(button('Copy tracking link').title).toBe('Copy the tracking link (it goes to trk.example.com)');
  });

  it('flags, before a copy, an offer that does not take the page country and a sub ID it will not pay', async () => {
    settings = { ...settings, subId: 'pub7' };
    const { container } = showBadge(await page(`${SPOTIFY}&gl=DE`));
    expect(seen(container)).toBe('$1.25Spotify - US/GB✗ DE⚠ sub IDCopy▸×');
    expect((container.querySelector('.flag.bad') as HTMLElement).title).toBe('✗ not in DE — accepts US, GB');
  });
});

describe('store badge, opened', () => {
  it('opens with its toggle into the facts and the actions on two rows, and Escape closes it', async () => {
    const onCheckLink = vi.fn(async () => ({ status: 'unknown-offer' as const }));
    const { container } = showBadge(await page(`${SPOTIFY}&gl=us`), { onCheckLink });
    const toggle = button('Show offer details');
    expect([toggle.getAttribute('aria-expanded'), toggle.getAttribute('aria-controls')]).toEqual([
      'false',
      'offer-lens-details',
    ]);
    fireEvent.click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(toggle.getAttribute('aria-label')).toBe('Show less');
    const details = container.querySelector('#offer-lens-details') as HTMLElement;
    expect(seen(details)).toContain('✓ USAndroid · 2 offers');
    expect(seen(details)).toContain('Caps50/dayCountriesUS, GB');
    expect(seen(details)).toContain('Link goes to trk.example.com');
    expect(seen(container.querySelector('.row') as HTMLElement)).toBe('$1.25 CPACopy▾×');
    expect(seen(container.querySelector('.name.full') as HTMLElement)).toBe('Spotify - US/GB');
    // Six actions, three a row (badge.css: .actions is a grid of three columns).
    expect([...details.querySelectorAll('.actions > *')].map((b) => b.getAttribute('aria-label') ?? seen(b))).toEqual([
      'Open',
      'QR',
      'Check link',
      'Open in popup',
      'Open in side panel',
      'Watch this app (and its new offers)',
    ]);

    fireEvent.keyDown(details, { key: 'Escape' });
    expect(container.querySelector('#offer-lens-details')).toBeNull();
    expect(document.activeElement).toBe(button('Show offer details'));
  });

  it('copies the chosen offer link, and lists the others', async () => {
    const onCopy = vi.fn(async () => {});
    const { container } = showBadge(await page(`${SPOTIFY}&gl=US`), { onCopy });
    fireEvent.click(button('Show offer details'));
    fireEvent.click(button('$0.80 CPA Spotify - US low'));
    realClick(button('Copy tracking link'));
    await vi.waitFor(() => expect(seen(container)).toContain('✓ Copied'));
    expect(onCopy).toHaveBeenCalledWith('https://trk.example.com/c?o=2&aff_sub=abc&aff_sub2=pub1');
  });

  it('warns before copying when the sub ID is excluded', async () => {
    settings = { ...settings, subId: 'pub7' };
    showBadge(await page(SPOTIFY));
    fireEvent.click(button('Show offer details'));
    expect(seen(screen.getByRole('alert'))).toBe(
      '⚠ This offer excludes your sub ID “pub7”: its conversions will not be paid.',
    );
  });
});

describe("store badge, the publisher's clicks only", () => {
  it("copies only on the publisher's own click, never on a page script's", async () => {
    const onCopy = vi.fn(async () => {});
    const { container } = showBadge(await page(SPOTIFY), { onCopy });
    for (let i = 0; i < 5; i++) pageScriptClicks(button('Copy tracking link'));
    expect(onCopy).not.toHaveBeenCalled();
    realClick(button('Copy tracking link'));
    expect(onCopy).toHaveBeenCalledWith('https://trk.example.com/c?o=1&aff_sub=abc&aff_sub2=pub1');
    await vi.waitFor(() => expect(seen(container)).toContain('✓ Copied'));
  });

  it("hides only on the publisher's own click, never on a page script's", async () => {
    const onDismiss = vi.fn();
    showBadge(await page(SPOTIFY), { onDismiss });
    for (let i = 0; i < 5; i++) pageScriptClicks(button('Hide on this app'));
    expect(onDismiss).not.toHaveBeenCalled();
    realClick(button('Hide on this app'));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('opens the link it holds itself, on a real click only: there is no address on the page to rewrite', async () => {
    const onOpen = vi.fn();
    const onOpenPopup = vi.fn();
    const onWatch = vi.fn();
    showBadge(await page(SPOTIFY), { onOpen, onOpenPopup, onWatch });
    fireEvent.click(button('Show offer details'));
    expect(screen.queryByRole('link')).toBeNull();
    for (let i = 0; i < 5; i++) {
      for (const name of ['Open', 'Open in popup', 'Watch this offer', 'Watch this app (and its new offers)']) {
        pageScriptClicks(button(name));
      }
    }
    expect([onOpen, onOpenPopup, onWatch].map((action) => action.mock.calls.length)).toEqual([0, 0, 0]);
    realClick(button('Open'));
    realClick(button('Watch this offer'));
    expect(onOpen).toHaveBeenCalledWith('https://trk.example.com/c?o=1&aff_sub=abc&aff_sub2=pub1');
    expect(onWatch).toHaveBeenCalledWith({ offerId: 'cat|1' }, true);
  });

  it('never offers a link that is not http(s)', () => {
    const bad: PageOffers = {
      url: SPOTIFY,
      enabled: true,
      corner: 'bottom-right',
      dismissed: false,
      country: null,
      subId: '',
      offers: [
        {
          id: 'x',
          name: 'Bad link',
          network: 'CarrierAppTraffic',
          equivalent: null,
          platform: null,
          payout: null,
          geos: [],
          caps: { daily: 0, monthly: 0 },
          minVersion: null,
          expiresAt: null,
          trackingLink: 'javascript:alert(1)',
          linkHost: '',
          subIdStatus: 'ok',
          acceptedSubIds: [],
          fitsCountry: null,
          watched: false,
          news: null,
        },
      ],
      appWatched: false,
      notificationsAllowed: false,
    };
    showBadge(bad);
    expect(button('Copy tracking link').disabled).toBe(true);
    fireEvent.click(button('Show offer details'));
    expect(button('Open').disabled).toBe(true);
    expect(screen.queryByRole('img', { name: 'QR code of the tracking link' })).toBeNull();
  });
});
