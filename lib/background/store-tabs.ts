import type { browser as wxtBrowser } from 'wxt/browser';
import { hasNotificationsPermission } from '../changes/notifications';
import { AppError } from '../errors';
import type { Handlers, Sender } from '../messaging/listener';
import type { AnswerOf } from '../messaging/protocol';
import { database } from '../storage/database';
import {
  dismissedItem,
  settingsItem,
  TAB_OFFERS_MAX,
  tabOffersItem,
  toTabOffer,
  watchlistItem,
} from '../storage/items';
import { createStorePages, type PageOffers } from '../store-page';
import { createTabLimits, type TabAction } from '../store-page/limits';
import { parseStoreUrl, storeKey } from '../store-url';
import type { createToolbar } from '../toolbar';
import { createBadgeLanguage } from './language';
import type { createLinkChecks } from './link-checks';
import type { createOffers } from './offers';
import type { createSurfaces } from './surfaces';
import { changeWatch } from './watch-on-page';

type Browser = typeof wxtBrowser;

interface Deps {
  browser: Browser;
  sourceNames(): Promise<ReadonlyMap<string, string>>;
  offers: ReturnType<typeof createOffers>;
  toolbar: ReturnType<typeof createToolbar>;
  surfaces: ReturnType<typeof createSurfaces>;
  linkChecks: ReturnType<typeof createLinkChecks>;
}

/**
 * The store-tab feature: what the content script on a Google Play or App Store tab may ask,
 * answered for the page the browser says it is on (never a URL from the message), with the
 * per-tab limits on what opens tabs or windows, and what the tab's toolbar icon and the side
 * panel's "On this page" learn from the answer.
 */
export function createStoreTabs({ browser, offers, toolbar, surfaces, linkChecks, sourceNames }: Deps) {
  const storePages = createStorePages({
    appOffers: offers.appOffers,
    settings: () => settingsItem.getValue(),
    dismissals: dismissedItem,
    watchlist: watchlistItem,
    latestChanges: (keys) => database.changes.latestFor(keys),
    sourceNames,
    notificationsAllowed: () => hasNotificationsPermission(browser.permissions),
    now: Date.now,
  });
  const limits = createTabLimits();
  const badgeLanguage = createBadgeLanguage(browser, () => settingsItem.getValue());

  /** This tab may do this now (lib/store-page/limits.ts); else the page is told to wait. */
  function allow(sender: Sender, action: TabAction, key?: string): void {
    if (!limits.allow(sender.tab?.id ?? -1, action, Date.now(), key)) throw new AppError('too-many');
  }
  /** The app of the sender's page, for the limits that count apps ('' for another page). */
  const appOf = (sender: Sender) => {
    const app = parseStoreUrl(senderPage(sender));
    return app ? storeKey(app) : '';
  };

  /** What the side panel's "On this page" shows for a tab (badges off: nothing kept, the panel matches itself). */
  async function rememberTabOffers(tabId: number, page: PageOffers): Promise<void> {
    const kept = await tabOffersItem.getValue();
    delete kept[tabId];
    const entries = Object.entries(kept).slice(-(TAB_OFFERS_MAX - 1));
    if (page.enabled) entries.push([String(tabId), { url: page.url, offers: page.offers.map(toTabOffer) }]);
    await tabOffersItem.setValue(Object.fromEntries(entries));
  }
  async function forgetTabOffers(tabId: number): Promise<void> {
    const kept = await tabOffersItem.getValue();
    if (!(tabId in kept)) return;
    delete kept[tabId];
    await tabOffersItem.setValue(kept);
  }

  /**
   * The sender page's offers; the tab's toolbar icon and "On this page" learn them too — after
   * the answer has gone: the badge does not wait for two more round trips to the browser (the
   * panel hears the kept offers when they are written; the event keeps the worker alive).
   */
  async function offersForPage(sender: Sender): Promise<PageOffers> {
    const app = appOf(sender);
    if (app) allow(sender, 'page', app);
    const page = await storePages.forPage(senderPage(sender));
    const tabId = topFrameTab(sender);
    if (tabId !== null) {
      void Promise.all([
        toolbar.showTab(tabId, page.dismissed ? [] : page.offers),
        rememberTabOffers(tabId, page),
      ]).catch(() => undefined);
    }
    return page;
  }

  const handlers = {
    async offersForPage(_, sender): Promise<AnswerOf<'offersForPage'>> {
      // The badge shows its offers in the browser's language when the chosen one cannot be read.
      const [page, language] = await Promise.all([offersForPage(sender), badgeLanguage().catch(() => null)]);
      return language ? { ...page, badgeLanguage: language } : page;
    },
    async dismissBadge(_, sender) {
      await storePages.dismiss(senderPage(sender));
      // The toolbar stops pointing at an offer the publisher just dismissed.
      const tabId = topFrameTab(sender);
      if (tabId !== null) await toolbar.showTab(tabId, []);
      return { ok: true as const };
    },
    async undismissBadge(_, sender) {
      await storePages.undismiss(senderPage(sender));
      return offersForPage(sender); // the toolbar shows its payout again
    },
    hiddenBadges: () => storePages.hiddenBadges(),
    async showBadgeAgain({ key }) {
      await storePages.undismissApp(key);
      return { ok: true as const };
    },
    async watchOnPage(request, sender) {
      const app = appOf(sender);
      allow(sender, 'watch', app);
      await changeWatch(watchlistItem, request, senderPage(sender), await offers.appOffers([app]));
      return storePages.forPage(senderPage(sender));
    },
    async checkLinkOnPage({ offerId }, sender) {
      // A page's script could send this too: only an offer its badge shows, one per minute each.
      const page = await storePages.forPage(senderPage(sender));
      if (!page.offers.some((offer) => offer.id === offerId)) return { status: 'unknown-offer' as const };
      allow(sender, 'check');
      return linkChecks.check(offerId);
    },
    async openSidePanel(_, sender) {
      allow(sender, 'open');
      // Called at once: the click's gesture is what lets the panel open. From a store page,
      // nothing else opens in its place (no popup, no tab).
      await surfaces.openSidePanel({ id: sender.tab?.id, windowId: sender.tab?.windowId }, { fallback: false });
      return { ok: true as const };
    },
    async openPopup({ offerId }, sender) {
      allow(sender, 'open');
      await surfaces.openPopupOn({ offerId });
      return { ok: true as const };
    },
  } satisfies Partial<Handlers>;

  return {
    handlers,
    listen(): void {
      browser.tabs.onRemoved.addListener((tabId) => {
        toolbar.forgetTab(tabId);
        limits.forgetTab(tabId);
        void forgetTabOffers(tabId);
      });
    },
  };
}

/**
 * The page a content script is on, as the browser reports it (never a URL from the message).
 * For the top frame that is the tab's URL: Chrome keeps `sender.url` at the URL the document
 * loaded with, while the stores move between apps with history.pushState.
 */
function senderPage(sender: Sender): string {
  const url = sender.frameId === 0 && sender.tab?.url ? sender.tab.url : sender.url;
  if (!url) throw new AppError('not-a-page');
  return url;
}

function topFrameTab(sender: Sender): number | null {
  return sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0 ? sender.tab.id : null;
}
