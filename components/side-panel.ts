import { browser } from 'wxt/browser';
import { hasSidePanel as browserHasSidePanel, openSidePanel as openPanel } from '../lib/surfaces/side-panel';

/**
 * Open the side panel (Chrome) or sidebar (Firefox) of this window from a click in an extension
 * page: answers whether it opened. Called before anything is awaited (the browsers want the click).
 */
export function openSidePanel(): Promise<boolean> {
  return openPanel(browser).then(
    () => true,
    () => false,
  );
}

export const hasSidePanel = () => browserHasSidePanel(browser);
