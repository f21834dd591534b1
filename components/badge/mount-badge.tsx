import { render } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { createShadowRootUi } from 'wxt/utils/content-script-ui/shadow-root';
import type { LinkCheckAnswer } from '../../lib/link-check';
import type { PageOffers } from '../../lib/store-page';
import themeCss from '../theme.css?inline';
import badgeCss from './badge.css?inline';
import { type BadgeCue, StoreBadge } from './StoreBadge';

export interface BadgeActions {
  copy(link: string): Promise<void>;
  open(link: string): void;
  dismiss(): void;
  /** Undo the dismissal: the background brings the badge (and the toolbar payout) back. */
  undo(): Promise<void>;
  /** The "hidden" toast is over. */
  hidden(): void;
  openPopup(offerId: string): void;
  openSidePanel(): void;
  checkLink(offerId: string): Promise<LinkCheckAnswer>;
  watch(target: { offerId: string } | 'app', on: boolean): void;
}

/**
 * The badge's place on the page: a shadow root added only while there is something to show,
 * and removed as soon as there is not (an app without offers, another kind of page).
 *
 * The root is closed, so the store page's scripts cannot read what the badge shows (payouts,
 * links, watch state) nor reach its buttons; only this closure holds it. Its style sheet is part
 * of the script (no fetch of an extension URL, nothing web-accessible a page could probe for).
 */
export async function mountBadge(ctx: ContentScriptContext, actions: BadgeActions) {
  const ui = await createShadowRootUi(ctx, {
    name: 'offer-lens-badge',
    mode: 'closed',
    css: `${themeCss}\n${badgeCss}`,
    position: 'inline',
    anchor: 'body',
    append: 'last',
    isolateEvents: ['keydown', 'keyup', 'keypress'],
    // WXT's handle pattern: what onMount returns is what onRemove gets.
    onMount: (container) => container,
    onRemove: (container) => {
      if (container) render(null, container);
    },
  });
  return {
    /** Show the page's offers; a cue says what the copy shortcut just did (or asks for Enter). */
    show(page: PageOffers, cue?: Omit<BadgeCue, 'at'>): void {
      if (!ui.mounted) ui.mount();
      // Keyed by page: another app's badge starts compact, on its best offer.
      render(
        <StoreBadge
          key={page.url}
          page={page}
          now={Date.now()}
          onCopy={actions.copy}
          onOpen={actions.open}
          onDismiss={actions.dismiss}
          onUndo={actions.undo}
          onHidden={actions.hidden}
          onOpenPopup={actions.openPopup}
          onOpenSidePanel={actions.openSidePanel}
          onCheckLink={actions.checkLink}
          cue={cue && { ...cue, at: Date.now() }}
          onWatch={actions.watch}
        />,
        ui.mounted as HTMLElement,
      );
    },
    hide(): void {
      ui.remove();
    },
    get shown(): boolean {
      return !!ui.mounted;
    },
  };
}
