import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { speakBadgeLanguage } from '../../components/badge/badge-language';
import { mountBadge } from '../../components/badge/mount-badge';
import { useBrowserMessages } from '../../lib/i18n';
import { sendMessage } from '../../lib/messaging/client';
import { isBadgeShown, type PageOffers } from '../../lib/store-page';
import { watchPageUrl } from '../../lib/store-page/watch-url';
import { parseStoreUrl, STORE_MATCH_PATTERNS } from '../../lib/store-url';
import { COPY_BEST_MESSAGE } from '../../lib/surfaces';
import { safeHttpUrl } from '../../lib/url';

// On the whole store hosts: the stores move between pages with the history API, and match
// patterns are only checked when a document loads (docs/architecture.md, "Store pages").
export default defineContentScript({
  matches: STORE_MATCH_PATTERNS,
  runAt: 'document_end',
  // The badge carries its own style sheet (components/badge/mount-badge.tsx): nothing is injected
  // into the page, and no extension URL is fetched where the page could see it.
  cssInjectionMode: 'manual',
  // WXT's "script started" postMessage would tell the page the extension's id.
  noScriptStartedPostMessage: true,
  main(ctx) {
    useBrowserMessages(browser.i18n);
    // Undo waits for the dismissal it undoes to be stored.
    let dismissal: Promise<unknown> = Promise.resolve();
    const badgeReady = mountBadge(ctx, {
      copy: (link) => navigator.clipboard.writeText(link),
      // From this isolated world, in the publisher's click: the page cannot change the link, and
      // the store learns nothing through the opener or the referrer.
      open(link) {
        const url = safeHttpUrl(link);
        if (url) window.open(url, '_blank', 'noopener,noreferrer');
      },
      // The badge shows its "hidden · Undo" toast meanwhile, then asks to go (hidden).
      dismiss() {
        dismissal = sendMessage('dismissBadge', {}).catch(() => undefined);
      },
      async undo() {
        await dismissal;
        const [page, badge] = await Promise.all([sendMessage('undismissBadge', {}), badgeReady]);
        if (isBadgeShown(page)) badge.show(page);
        else badge.hide();
      },
      hidden: () => void badgeReady.then((badge) => badge.hide()),
      openPopup: (offerId) => void sendMessage('openPopup', { offerId }).catch(() => undefined),
      openSidePanel: () => void sendMessage('openSidePanel', {}).catch(() => undefined),
      checkLink: (offerId) => sendMessage('checkLinkOnPage', { offerId }),
      watch(target, on) {
        const request = target === 'app' ? { target, on } : { target: 'offer' as const, offerId: target.offerId, on };
        void Promise.all([sendMessage('watchOnPage', request), badgeReady]).then(
          ([page, badge]) => badge.show(page),
          () => undefined,
        );
      },
    });
    ctx.onInvalidated(() => void badgeReady.then((badge) => badge.hide()));
    // The "copy the best offer's link" shortcut (the background relays the command here).
    const onCommand = (message: unknown, sender: { id?: string; tab?: unknown }) => {
      if (sender.id !== browser.runtime.id || sender.tab || !isCopyBest(message)) return undefined;
      return copyBest();
    };
    browser.runtime.onMessage.addListener(onCommand);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onCommand));

    async function copyBest(): Promise<{ copied: boolean }> {
      const [page, badge] = await Promise.all([askForPage(), badgeReady]);
      const best = page?.offers[0];
      const link = best ? safeHttpUrl(best.trackingLink) : null;
      if (!page || !best || !link) return { copied: false };
      try {
        await navigator.clipboard.writeText(link);
        badge.show(page, { kind: 'copied', name: best.name });
        return { copied: true };
      } catch {
        // No clipboard access without the publisher's own gesture here (Firefox): the badge's
        // Copy button, focused, is one Enter away.
        badge.show(page, { kind: 'press-to-copy', name: best.name });
        return { copied: false };
      }
    }
    watchPageUrl(ctx, async (url) => {
      // Other pages cost no message, unless an app page's badge (and toolbar payout) must go.
      if (!parseStoreUrl(url) && !(await badgeReady).shown) return;
      const [page, badge] = await Promise.all([askForPage(), badgeReady]);
      if (ctx.isInvalid || url !== location.href) return;
      if (isBadgeShown(page)) badge.show(page);
      else badge.hide();
    });
  },
});

function isCopyBest(message: unknown): boolean {
  return (message as typeof COPY_BEST_MESSAGE | null)?.offerLens === COPY_BEST_MESSAGE.offerLens;
}

/**
 * The offers for this page; null when the extension was updated or disabled meanwhile. The badge
 * then speaks the language the answer brings (one chosen on the settings page), or the browser's.
 */
async function askForPage(): Promise<PageOffers | null> {
  const page = await sendMessage('offersForPage', {}).catch(() => null);
  if (page) speakBadgeLanguage(page.badgeLanguage, browser.i18n);
  return page;
}
