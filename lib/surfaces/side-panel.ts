/** The side-panel APIs, which the webextension types do not all know: Chrome's sidePanel, Firefox's sidebarAction. */
interface PanelApis {
  sidePanel?: { open(options: { tabId?: number; windowId?: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
  windows: { WINDOW_ID_CURRENT: number };
}

/** Where to open the panel: beside a tab, or in a window (the current one when neither is said). */
export interface PanelPlace {
  tabId?: number;
  windowId?: number;
}

/** Whether this browser has a side panel (Chrome) or sidebar (Firefox) to open. */
export function hasSidePanel(browser: object): boolean {
  const api = browser as Partial<PanelApis>;
  return !!(api.sidePanel || api.sidebarAction);
}

/**
 * Open the side panel (Chrome) or sidebar (Firefox), for an extension page's click and the
 * background's command alike. Both browsers want the call inside the user's gesture: nothing is
 * awaited before it. Rejects where there is no panel to open (or the browser refuses).
 */
export function openSidePanel(browser: object, where: PanelPlace = {}): Promise<void> {
  const api = browser as PanelApis;
  try {
    if (api.sidePanel) {
      return where.tabId !== undefined
        ? api.sidePanel.open({ tabId: where.tabId })
        : api.sidePanel.open({ windowId: where.windowId ?? api.windows.WINDOW_ID_CURRENT });
    }
    if (api.sidebarAction) return api.sidebarAction.open();
    return Promise.reject(new Error('No side panel in this browser'));
  } catch (error) {
    return Promise.reject(error);
  }
}
