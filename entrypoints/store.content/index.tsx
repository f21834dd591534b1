import { render } from 'preact';
import { createShadowRootUi, type ShadowRootContentScriptUi } from 'wxt/utils/content-script-ui/shadow-root';
import { defineContentScript } from 'wxt/utils/define-content-script';
import '../../components/theme.css';
import './badge.css';
import { StoreBadge } from '../../components/badge/StoreBadge';
import { sendMessage } from '../../lib/messaging';
import { watchPageUrl } from '../../lib/page-watch';
import type { PageOffers } from '../../lib/protocol';
import { parseStoreUrl } from '../../lib/store-url';

// Registered on the whole store hosts: the stores move between pages without reloading, and
// match patterns are only checked when a document loads (see DESIGN.md, "Store pages").
const extraMatches = (import.meta.env.WXT_EXTRA_MATCHES ?? '').split(',').filter(Boolean);

export default defineContentScript({
  matches: ['https://play.google.com/*', 'https://apps.apple.com/*', 'https://itunes.apple.com/*', ...extraMatches],
  runAt: 'document_end',
  cssInjectionMode: 'ui',
  async main(ctx) {
    let ui: ShadowRootContentScriptUi<void> | null = null;
    let mounted = false;
    /** What the badge shows now; null while nothing is on the page. */
    let current: PageOffers | null = null;
    let currentUrl = '';

    async function show(url: string) {
      // Pages that are not an app page never get anything added, and cost no message
      // unless the toolbar badge of an app page has to be cleared.
      if (!parseStoreUrl(url) && !current) return;
      let page: PageOffers | null = null;
      try {
        page = await sendMessage('offersForPage', { url });
      } catch {
        page = null; // extension updated or disabled: nothing to show, and no error either
      }
      if (ctx.isInvalid || url !== location.href) return;
      if (!page?.enabled || page.dismissed || page.offers.length === 0) {
        hide();
        return;
      }
      current = page;
      currentUrl = url;
      ui ??= await createShadowRootUi(ctx, {
        name: 'offer-lens-badge',
        mode: 'open',
        position: 'inline',
        anchor: 'body',
        append: 'last',
        isolateEvents: ['keydown', 'keyup', 'keypress'],
        onMount: (container) => draw(container),
        onRemove: () => {
          if (ui) render(null, ui.uiContainer);
          mounted = false;
        },
      });
      if (mounted) draw(ui.uiContainer);
      else {
        ui.mount();
        mounted = true;
      }
    }

    function draw(container: HTMLElement) {
      if (!current) return;
      const url = currentUrl;
      render(
        <StoreBadge
          key={url}
          page={current}
          now={Date.now()}
          onCopy={(link) => navigator.clipboard.writeText(link)}
          onDismiss={() => {
            hide();
            void sendMessage('dismissBadge', { url }).catch(() => undefined);
          }}
          onOpenPopup={(offerId) => void sendMessage('openPopup', { offerId }).catch(() => undefined)}
        />,
        container,
      );
    }

    function hide() {
      ui?.remove();
      current = null;
    }

    ctx.onInvalidated(hide);
    watchPageUrl(ctx, (url) => void show(url));
  },
});
