import type { browser } from 'wxt/browser';
import type { RefreshStatus } from '../refresh/status';
import type { PageOffer } from '../store-page';
import { globalBadge, type ToolbarBadge, tabBadge } from './badge-text';

/**
 * The toolbar icon's badge: the red "!" of a failed refresh everywhere, and on a store tab the
 * best payout of the page's app. Tabs showing a payout are remembered, so a failed (or
 * recovered) refresh can repaint them: a tab's own badge text would otherwise hide the "!".
 */
export interface ToolbarState {
  status: RefreshStatus;
  /** Changes to watched things not seen yet. */
  watchedUnseen: number;
}

export function createToolbar(action: (typeof browser)['action'], loadState: () => Promise<ToolbarState>) {
  const tabOffers = new Map<number, PageOffer[]>();

  async function paint(badge: ToolbarBadge, tabId?: number): Promise<void> {
    await Promise.all([
      action.setBadgeText({ text: badge.text, tabId }),
      action.setBadgeBackgroundColor({ color: badge.color, tabId }),
      action.setTitle({ title: badge.title, tabId }),
    ]);
  }

  return {
    /** Repaint everything (a new refresh status, or watched changes seen or new). */
    async repaint(): Promise<void> {
      const { status, watchedUnseen } = await loadState();
      await paint(globalBadge(status, watchedUnseen)).catch(() => undefined);
      for (const [tabId, offers] of tabOffers) {
        await paint(tabBadge(status, offers, watchedUnseen), tabId).catch(() => tabOffers.delete(tabId));
      }
    },

    /** A store tab's offers (none: the tab goes back to the global badge). */
    async showTab(tabId: number, offers: PageOffer[]): Promise<void> {
      if (offers.length) tabOffers.set(tabId, offers);
      else tabOffers.delete(tabId);
      const { status, watchedUnseen } = await loadState();
      await paint(tabBadge(status, offers, watchedUnseen), tabId).catch(() => tabOffers.delete(tabId));
    },

    forgetTab(tabId: number): void {
      tabOffers.delete(tabId);
    },
  };
}
