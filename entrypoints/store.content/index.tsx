import { defineContentScript } from 'wxt/utils/define-content-script';
import '../../components/theme.css';
import '../../components/badge/badge.css';
import { mountBadge } from '../../components/badge/mount-badge';
import { sendMessage } from '../../lib/messaging/client';
import type { PageOffers } from '../../lib/store-page';
import { watchPageUrl } from '../../lib/store-page/watch-url';
import { parseStoreUrl, STORE_MATCH_PATTERNS } from '../../lib/store-url';

// On the whole store hosts: the stores move between pages with the history API, and match
// patterns are only checked when a document loads (docs/architecture.md, "Store pages").
export default defineContentScript({
  matches: STORE_MATCH_PATTERNS,
  runAt: 'document_end',
  cssInjectionMode: 'ui',
  async main(ctx) {
    const badge = await mountBadge(ctx, {
      copy: (link) => navigator.clipboard.writeText(link),
      dismiss() {
        badge.hide();
        void sendMessage('dismissBadge', {}).catch(() => undefined);
      },
      openPopup: (offerId) => void sendMessage('openPopup', { offerId }).catch(() => undefined),
      watch(target, on) {
        const request = target === 'app' ? { target, on } : { target: 'offer' as const, offerId: target.offerId, on };
        void sendMessage('watchOnPage', request).then(
          (page) => badge.show(page),
          () => undefined,
        );
      },
    });
    ctx.onInvalidated(() => badge.hide());
    watchPageUrl(ctx, async (url) => {
      // Other pages cost no message, unless an app page's badge (and toolbar payout) must go.
      if (!parseStoreUrl(url) && !badge.shown) return;
      const page = await askForPage();
      if (ctx.isInvalid || url !== location.href) return;
      if (page?.enabled && !page.dismissed && page.offers.length > 0) badge.show(page);
      else badge.hide();
    });
  },
});

/** The offers for this page; null when the extension was updated or disabled meanwhile. */
function askForPage(): Promise<PageOffers | null> {
  return sendMessage('offersForPage', {}).catch(() => null);
}
