import type { browser } from 'wxt/browser';
import type { RefreshStatus } from '../refresh/status';
import type { PageOffer } from '../store-page';
import { globalBadge, type ToolbarBadge, tabBadge } from './badge-text';

/**
 * The toolbar icon's badge: the red "!" of a failed refresh everywhere, and on a store tab the
 * best payout of the page's app. Tabs showing a payout are remembered, so a failed (or
 * recovered) refresh can repaint them: a tab's own badge text would otherwise hide the "!".
 */
export function createToolbar(action: (typeof browser)['action'], loadStatus: () => Promise<RefreshStatus>) {
  const tabOffers = new Map<number, PageOffer[]>();

  async function paint(badge: ToolbarBadge, tabId?: number): Promise<void> {
    await Promise.all([
      action.setBadgeText({ text: badge.text, tabId }),
      action.setBadgeBackgroundColor({ color: badge.color, tabId }),
      action.setTitle({ title: badge.title, tabId }),
    ]);
  }

  return {
    /** Repaint everything for a new refresh status. */
    async showStatus(status: RefreshStatus): Promise<void> {
      await paint(globalBadge(status)).catch(() => undefined);
      for (const [tabId, offers] of tabOffers) {
        await paint(tabBadge(status, offers), tabId).catch(() => tabOffers.delete(tabId));
      }
    },

    /** A store tab's offers (none: the tab goes back to the global badge). */
    async showTab(tabId: number, offers: PageOffer[]): Promise<void> {
      if (offers.length) tabOffers.set(tabId, offers);
      else tabOffers.delete(tabId);
      await paint(tabBadge(await loadStatus(), offers), tabId).catch(() => tabOffers.delete(tabId));
    },

    forgetTab(tabId: number): void {
      tabOffers.delete(tabId);
    },
  };
}
