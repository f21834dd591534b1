import type { browser as wxtBrowser } from 'wxt/browser';
import { isFirefox } from '../browser-kind';
import { DEFAULT_SEARCH_STATE } from '../search/query';
import { popupFocusItem, type SurfaceStart, summaryItem } from '../storage/items';
import { type OfferSource, openOfferSource, StaleSourceError } from '../storage/offer-source';
import {
  COMMAND_COPY_BEST,
  COMMAND_OPEN_PANEL,
  COPY_BEST_MESSAGE,
  MENU_ITEMS,
  menuTargetUrl,
  offersPagePath,
} from '../surfaces';
import { defaultSuggestion, type OmniboxSuggestion, omniboxChoice, omniboxSuggestions } from '../surfaces/omnibox';
import { openSidePanel as openPanel } from '../surfaces/side-panel';

type Browser = typeof wxtBrowser;
type Tab = { id?: number; windowId?: number };
type Disposition = 'currentTab' | 'newForegroundTab' | 'newBackgroundTab';

/**
 * The browser-event side of the surfaces besides the toolbar popup: right-click items, the
 * address-bar keyword, keyboard commands, and opening the popup or side panel on something.
 * Each handler is what the browser's event calls (and what the e2e tests call, see
 * entrypoints/background.ts). Browser calls that need the user's gesture (opening the popup or
 * the side panel) are made before anything is awaited.
 */
export function createSurfaces(browser: Browser) {
  // Chrome reads suggestion descriptions as XML; Firefox as plain text.
  const markup = isFirefox(browser.runtime) ? 'plain' : 'xml';

  /** Open the popup on an offer, an app or a query; without a popup to open, the offers page in a tab. */
  function openPopupOn(start: SurfaceStart): Promise<void> {
    const stored = popupFocusItem.setValue(start);
    let opened: Promise<unknown>;
    try {
      opened = browser.action.openPopup();
    } catch (error) {
      opened = Promise.reject(error);
    }
    return Promise.all([stored, opened]).then(
      () => undefined,
      // Firefox opens the popup only from the publisher's own gesture; Chrome needs a focused window.
      async () => {
        await popupFocusItem.setValue(null);
        await browser.tabs.create({ url: browser.runtime.getURL(offersPagePath(start) as '/') });
      },
    );
  }

  /**
   * The side panel beside this tab (or window); where there is none to open, the popup — unless
   * `fallback` is off (a store page asked: nothing else opens in its place).
   */
  function openSidePanel(where: Tab, { fallback = true } = {}): Promise<void> {
    return openPanel(browser, { tabId: where.id, windowId: where.windowId }).catch(() =>
      fallback ? openPopupOn({}) : undefined,
    );
  }

  async function installMenus(): Promise<void> {
    const menus = browser.contextMenus;
    if (!menus) return;
    // Created on every start: Firefox forgets them with the background, Chrome would refuse a second create.
    await menus.removeAll();
    for (const item of MENU_ITEMS) {
      menus.create({ ...item, contexts: [...item.contexts] } as Parameters<typeof menus.create>[0]);
    }
  }

  /** Right-click on a store link or page: the popup on that app's offers (or "No offers for this app"). */
  function menuClicked(info: { menuItemId: string | number; linkUrl?: string; pageUrl?: string }): Promise<void> {
    const url = menuTargetUrl(info);
    return url ? openPopupOn({ appUrl: url }) : Promise.resolve();
  }

  let source: Promise<OfferSource | null> | null = null;
  let sourceAt: number | null = null;
  async function currentSource(): Promise<OfferSource | null> {
    const at = (await summaryItem.getValue())?.fetchedAt ?? null;
    if (!source || sourceAt !== at) {
      sourceAt = at;
      source = openOfferSource().catch(() => null);
    }
    return source;
  }

  /** The address bar: the best offers for what is typed so far. */
  async function omniboxInput(text: string): Promise<{ suggestions: OmniboxSuggestion[]; description: string }> {
    const query = text.trim();
    let found = { offers: [] as Awaited<ReturnType<OfferSource['search']>>['offers'], total: 0 };
    if (query) {
      const state = { ...DEFAULT_SEARCH_STATE, query };
      const search = async () => (await currentSource())?.search(state, 6, Date.now(), null);
      found =
        (await search().catch(async (error: unknown) => {
          if (!(error instanceof StaleSourceError)) throw error;
          source = null;
          return search();
        })) ?? found;
    }
    return {
      suggestions: omniboxSuggestions(found.offers, markup),
      description: defaultSuggestion(text, query ? found.total : null, markup),
    };
  }

  /** Enter in the address bar: the chosen offer's detail (Copy, QR) or the search, in the offers page. */
  async function omniboxEntered(text: string, disposition: Disposition): Promise<void> {
    const choice = omniboxChoice(text);
    const url = browser.runtime.getURL(offersPagePath(choice) as '/');
    if (disposition === 'currentTab') await browser.tabs.update({ url });
    else await browser.tabs.create({ url, active: disposition === 'newForegroundTab' });
  }

  /** Keyboard commands; the popup's own (_execute_action) needs no code. */
  function command(name: string, tab: Tab | undefined): Promise<unknown> {
    if (name === COMMAND_OPEN_PANEL) return openSidePanel(tab ?? {});
    if (name === COMMAND_COPY_BEST && tab?.id !== undefined) {
      // Only a store page has our content script: elsewhere there is nobody to answer.
      return browser.tabs.sendMessage(tab.id, COPY_BEST_MESSAGE).catch(() => null);
    }
    return Promise.resolve(null);
  }

  return {
    openPopupOn,
    openSidePanel,
    installMenus,
    menuClicked,
    omniboxInput,
    omniboxEntered,
    command,
    listen(): void {
      browser.contextMenus?.onClicked.addListener((info) => void menuClicked(info));
      browser.omnibox?.onInputChanged.addListener((text, suggest) => {
        void omniboxInput(text)
          .then(({ suggestions, description }) => {
            browser.omnibox.setDefaultSuggestion({ description });
            suggest(suggestions);
          })
          // A suggestion the browser refuses must not stop the next keystroke's.
          .catch((error: unknown) => console.warn('Offer Lens: address-bar suggestions failed', error));
      });
      browser.omnibox?.onInputEntered.addListener((text, disposition) => void omniboxEntered(text, disposition));
      browser.commands?.onCommand.addListener((name, tab) => void command(name, tab));
    },
  };
}
