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

function show(page: PageOffers, handlers: Partial<Parameters<typeof StoreBadge>[0]> = {}) {
  return render(
    <StoreBadge
      page={page}
      now={0}
      onCopy={vi.fn(async () => {})}
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
    show(await pageFor(`${SPOTIFY}&gl=us`));
    expect(screen.getByText('$1.25 CPA')).toBeTruthy();
    expect(screen.getByText('✓ US')).toBeTruthy();
    expect(screen.getByText('Spotify - US/GB')).toBeTruthy();
    expect(screen.getByText('Android · 2 offers')).toBeTruthy();
    expect(screen.getByText('Link goes to trk.example.com')).toBeTruthy();
  });

  it('says which countries an offer takes when the page country is not one', async () => {
    show(await pageFor(`${SPOTIFY}&gl=DE`));
    expect(screen.getByText('✗ not in DE — accepts US, GB')).toBeTruthy();
  });

  it('copies the chosen offer link on click, and lists the others when expanded', async () => {
    const onCopy = vi.fn(async () => {});
    show(await pageFor(`${SPOTIFY}&gl=US`), { onCopy });
    fireEvent.click(screen.getByRole('button', { name: 'Show offer details' }));
    expect(screen.getByText('50/day')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: /Spotify - US low/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Copy tracking link' }));
    await screen.findByText('✓ Copied');
    expect(onCopy).toHaveBeenCalledWith('https://trk.example.com/c?o=2&aff_sub=abc&aff_sub2=pub1');
  });

  it('warns before copying when the sub ID is excluded', async () => {
    settings = { ...settings, subId: 'pub7' };
    show(await pageFor(SPOTIFY));
    expect(screen.getByRole('alert').textContent).toBe(
      '⚠ This offer excludes your sub ID “pub7”: its conversions will not be paid.',
    );
  });

  it('ignores clicks a page script makes on "Open in popup" and "Open"', async () => {
    const onOpenPopup = vi.fn();
    show(await pageFor(SPOTIFY), { onOpenPopup });
    const open = screen.getByRole('link', { name: 'Open' });
    const synthetic = new MouseEvent('click', { bubbles: true, cancelable: true });
    open.dispatchEvent(synthetic);
    expect(synthetic.defaultPrevented).toBe(true);
    for (let i = 0; i < 5; i++) (screen.getByRole('button', { name: 'Open in popup' }) as HTMLElement).click();
    expect(onOpenPopup).not.toHaveBeenCalled();
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
    expect(screen.queryByRole('link')).toBeNull();
  });
});
