// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseFeed } from '../../lib/feed';
import { defaultSettings, type Settings } from '../../lib/settings/defaults';
import { database } from '../../lib/storage/database';
import { dismissedItem, watchlistItem } from '../../lib/storage/items';
import { createStorePages, type PageOffers } from '../../lib/store-page';
import { createStoreIndex } from '../../lib/store-page/match';
import { StoreBadge } from './StoreBadge';

const SPOTIFY = 'https://play.google.com/store/apps/details?id=com.spotify.music';
const OFFERS = parseFeed({
  message: true,
  offers: [
    {
      id: '1',
      name: 'Spotify - US/GB',
      tracking_url: 'https://trk.example.com/c?o=1',
      preview_url: SPOTIFY,
      geos: ['US', 'GB'],
      payout: { amount: 1.25 },
      conversion_cap: { daily: 50 },
      sub_id: { exclude: ['pub7'] },
    },
    {
      id: '2',
      name: 'Spotify - US low',
      tracking_url: 'https://trk.example.com/c?o=2',
      preview_url: SPOTIFY,
      geos: ['US'],
      payout: { amount: 0.8 },
    },
  ],
}).offers;

let settings: Settings;
/** The page as the background answers it, from the offers and the settings. */
function pageFor(url: string): Promise<PageOffers> {
  return createStorePages({
    storeIndex: async () => createStoreIndex(OFFERS),
    settings: async () => settings,
    dismissals: dismissedItem,
    watchlist: watchlistItem,
    latestChanges: (ids) => database.changes.latestFor(ids),
    notificationsAllowed: async () => false,
    now: () => 0,
  }).forPage(url);
}

/** A click the publisher makes: browsers mark those isTrusted (a page script's never are); happy-dom cannot. */
function realClick(element: Element) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true });
  Object.defineProperty(event, 'isTrusted', { value: true });
  element.dispatchEvent(event);
}

/** The clicks a store page's script can make. */
function pageScriptClicks(element: HTMLElement) {
  element.click();
  fireEvent.click(element);
}

/** What a person sees: the text, and the offer text CSS draws from attributes (SealedText). */
function seen(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  const sealed = node instanceof Element ? (node.getAttribute('data-text') ?? '') : '';
  return sealed + [...node.childNodes].map(seen).join('');
}

function show(page: PageOffers, handlers: Partial<Parameters<typeof StoreBadge>[0]> = {}) {
  return render(
    <StoreBadge
      page={page}
      now={0}
      onCopy={vi.fn(async () => {})}
      onOpen={vi.fn()}
      onDismiss={vi.fn()}
      onOpenPopup={vi.fn()}
      {...handlers}
    />,
  );
}

beforeEach(() => {
  fakeBrowser.reset();
  settings = { ...defaultSettings(''), clickId: 'abc', subId: 'pub1' };
});
afterEach(cleanup);

describe('store badge', () => {
  it("shows the best payout, the offer, the page country's fit and where the link goes", async () => {
    const { container } = show(await pageFor(`${SPOTIFY}&gl=us`));
    expect(seen(container)).toContain('$1.25 CPA✓ US');
    expect(seen(container)).toContain('Spotify - US/GBAndroid · 2 offers');
    expect(seen(container)).toContain('Link goes to trk.example.com');
  });

  it('says which countries an offer takes when the page country is not one', async () => {
    const { container } = show(await pageFor(`${SPOTIFY}&gl=DE`));
    expect(seen(container)).toContain('✗ not in DE — accepts US, GB');
  });

  it('copies the chosen offer link on click, and lists the others when expanded', async () => {
    const onCopy = vi.fn(async () => {});
    const { container } = show(await pageFor(`${SPOTIFY}&gl=US`), { onCopy });
    fireEvent.click(screen.getByRole('button', { name: 'Show offer details' }));
    expect(seen(container)).toContain('Caps50/day');
    fireEvent.click(screen.getByRole('button', { name: '$0.80 CPA Spotify - US low' }));
    realClick(screen.getByRole('button', { name: 'Copy tracking link' }));
    await vi.waitFor(() => expect(seen(container)).toContain('✓ Copied'));
    expect(onCopy).toHaveBeenCalledWith('https://trk.example.com/c?o=2&aff_sub=abc&aff_sub2=pub1');
  });

  it('warns before copying when the sub ID is excluded', async () => {
    settings = { ...settings, subId: 'pub7' };
    show(await pageFor(SPOTIFY));
    expect(seen(screen.getByRole('alert'))).toBe(
      '⚠ This offer excludes your sub ID “pub7”: its conversions will not be paid.',
    );
  });

  it("copies only on the publisher's own click, never on a page script's", async () => {
    const onCopy = vi.fn(async () => {});
    const { container } = show(await pageFor(SPOTIFY), { onCopy });
    const copy = screen.getByRole('button', { name: 'Copy tracking link' });
    for (let i = 0; i < 5; i++) pageScriptClicks(copy);
    expect(onCopy).not.toHaveBeenCalled();
    realClick(copy);
    expect(onCopy).toHaveBeenCalledWith('https://trk.example.com/c?o=1&aff_sub=abc&aff_sub2=pub1');
    await vi.waitFor(() => expect(seen(container)).toContain('✓ Copied'));
  });

  it("hides only on the publisher's own click, never on a page script's", async () => {
    const onDismiss = vi.fn();
    show(await pageFor(SPOTIFY), { onDismiss });
    const dismiss = screen.getByRole('button', { name: 'Dismiss until the offers change' });
    for (let i = 0; i < 5; i++) pageScriptClicks(dismiss);
    expect(onDismiss).not.toHaveBeenCalled();
    realClick(dismiss);
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('opens the link it holds itself, on a real click only: there is no address on the page to rewrite', async () => {
    const onOpen = vi.fn();
    const onOpenPopup = vi.fn();
    show(await pageFor(SPOTIFY), { onOpen, onOpenPopup });
    expect(screen.queryByRole('link')).toBeNull();
    const open = screen.getByRole('button', { name: 'Open' });
    for (let i = 0; i < 5; i++) {
      pageScriptClicks(open);
      pageScriptClicks(screen.getByRole('button', { name: 'Open in popup' }));
    }
    expect(onOpen).not.toHaveBeenCalled();
    expect(onOpenPopup).not.toHaveBeenCalled();
    realClick(open);
    expect(onOpen).toHaveBeenCalledWith('https://trk.example.com/c?o=1&aff_sub=abc&aff_sub2=pub1');
  });

  it('never offers a link that is not http(s)', () => {
    const page: PageOffers = {
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
    show(page);
    expect((screen.getByRole('button', { name: 'Copy tracking link' }) as HTMLButtonElement).disabled).toBe(true);
    expect(screen.queryByRole('button', { name: 'Open' })).toBeNull();
  });
});
