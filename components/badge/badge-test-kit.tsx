import { act, fireEvent, render } from '@testing-library/preact';
import { vi } from 'vitest';
import { parseFeed } from '../../lib/feed';
import type { Settings } from '../../lib/settings/defaults';
import { database } from '../../lib/storage/database';
import { dismissedItem, watchlistItem } from '../../lib/storage/items';
import { createStorePages, type PageOffers } from '../../lib/store-page';
import { createStoreIndex } from '../../lib/store-page/match';
import { StoreBadge } from './StoreBadge';

/** What the badge's tests share: a small feed, the page as the background answers it, real and page clicks. */

export const SPOTIFY = 'https://play.google.com/store/apps/details?id=com.spotify.music';
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

/** The page as the background answers it, from the offers above and these settings. */
export function pageFor(url: string, settings: Settings): Promise<PageOffers> {
  return createStorePages({
    appOffers: async () => createStoreIndex(OFFERS),
    settings: async () => settings,
    dismissals: dismissedItem,
    watchlist: watchlistItem,
    latestChanges: (ids) => database.changes.latestFor(ids),
    notificationsAllowed: async () => false,
    sourceNames: async () => new Map([['cat', 'CarrierAppTraffic']]),
    now: () => 0,
  }).forPage(url);
}

/**
 * A click the publisher makes: browsers mark those isTrusted (a page script's never are), which
 * happy-dom cannot. `detail` 0 is a click from the keyboard (Enter, Space), 1 from a pointer.
 */
export function realClick(element: Element, detail = 1) {
  const event = new MouseEvent('click', { bubbles: true, cancelable: true, detail });
  Object.defineProperty(event, 'isTrusted', { value: true });
  act(() => {
    element.dispatchEvent(event);
  });
}

/** The clicks a store page's script can make. */
export function pageScriptClicks(element: HTMLElement) {
  element.click();
  fireEvent.click(element);
}

/** What a person sees: the text, and the offer text CSS draws from attributes (SealedText). */
export function seen(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  const sealed = node instanceof Element ? (node.getAttribute('data-text') ?? '') : '';
  return sealed + [...node.childNodes].map(seen).join('');
}

export function showBadge(page: PageOffers, handlers: Partial<Parameters<typeof StoreBadge>[0]> = {}) {
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
