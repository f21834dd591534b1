import { browser } from 'wxt/browser';

type SidePanelApi = { open(options: { windowId: number }): Promise<void> };
type SidebarApi = { open(): Promise<void> };

/**
 * Open the side panel (Chrome) or sidebar (Firefox) from a click in an extension page. Both
 * browsers want the call inside the click itself: nothing is awaited before it.
 */
export function openSidePanel(): Promise<boolean> {
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarApi };
  const opened = api.sidePanel
    ? api.sidePanel.open({ windowId: browser.windows.WINDOW_ID_CURRENT })
    : api.sidebarAction
      ? api.sidebarAction.open()
      : Promise.reject(new Error('No side panel in this browser'));
  return opened.then(
    () => true,
    () => false,
  );
}

export const hasSidePanel = () => {
  const api = browser as unknown as { sidePanel?: unknown; sidebarAction?: unknown };
  return !!(api.sidePanel || api.sidebarAction);
};
