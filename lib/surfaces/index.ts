import { t } from '../i18n';
import type { SurfaceStart } from '../storage/items';
import { STORE_APP_PATTERNS } from '../store-url';

/**
 * The ways to the offers besides the toolbar button: the extension page (offers.html), the
 * right-click menu and the keyboard commands. What each browser event does with them is in
 * lib/background/surfaces.ts; the address bar's text is in omnibox.ts.
 */

export const OFFERS_PAGE = '/offers.html';

/** "?id=…&q=…&app=…" for the offers page. */
export function offersPagePath(start: SurfaceStart): string {
  const params = new URLSearchParams();
  if (start.offerId) params.set('id', start.offerId);
  if (start.query) params.set('q', start.query);
  if (start.appUrl) params.set('app', start.appUrl);
  const query = params.toString();
  return query ? `${OFFERS_PAGE}?${query}` : OFFERS_PAGE;
}

/** What the offers page was opened on, from its URL's query; unknown or oversized values are left out. */
export function surfaceStartFromUrl(search: string): SurfaceStart | undefined {
  const params = new URLSearchParams(search);
  const start: SurfaceStart = {};
  const id = params.get('id');
  const query = params.get('q');
  const app = params.get('app');
  if (id && id.length <= 200) start.offerId = id;
  if (query && query.length <= 500) start.query = query;
  if (app && app.length <= 2048) start.appUrl = app;
  return Object.keys(start).length ? start : undefined;
}

/** The right-click items: on a link to a store app page (any site), and on a store app page. */
export const MENU_LINK = 'offers-for-app-link';
export const MENU_PAGE = 'offers-for-app-page';
/** The items' title, in the UI language (asked for when the menus are made, never at import). */
export function menuTitle(): string {
  return t('menuOffersForApp');
}

export const MENU_ITEMS = [
  {
    id: MENU_LINK,
    get title() {
      return menuTitle();
    },
    contexts: ['link'],
    targetUrlPatterns: STORE_APP_PATTERNS,
  },
  {
    id: MENU_PAGE,
    get title() {
      return menuTitle();
    },
    contexts: ['page'],
    documentUrlPatterns: STORE_APP_PATTERNS,
  },
] as const;

/** Which store URL a right-click was about: the link's for the link item, the page's for the page item. */
export function menuTargetUrl(info: {
  menuItemId: string | number;
  linkUrl?: string;
  pageUrl?: string;
}): string | null {
  if (info.menuItemId === MENU_LINK) return info.linkUrl ?? null;
  if (info.menuItemId === MENU_PAGE) return info.pageUrl ?? null;
  return null;
}

/** Keyboard commands (manifest `commands`; rebindable in the browser's shortcut settings). */
export const COMMAND_OPEN_PANEL = 'open-side-panel';
export const COMMAND_COPY_BEST = 'copy-best-link';
/** What the background sends the store page's content script for that command. */
export const COPY_BEST_MESSAGE = { offerLens: COMMAND_COPY_BEST } as const;
