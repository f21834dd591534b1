import { browser } from 'wxt/browser';

/**
 * Whether this page is popup.html opened somewhere else than the toolbar's popup (a tab, a
 * window): there it fills what it is given, 320 to 800 px wide. The toolbar's popup has no width
 * of its own to fill — Chrome and Firefox size it to its content (Chrome from 25 to 800 px) — so
 * it keeps the width it asks for. Unknown (no `extension.getViews`): the toolbar's popup.
 */
export function isPopupElsewhere(): boolean {
  try {
    return !browser.extension.getViews({ type: 'popup' }).includes(window);
  } catch {
    return false;
  }
}
