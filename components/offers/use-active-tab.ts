import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * The URL of the tab beside the side panel, when it is a store page: without the `tabs`
 * permission the browser tells a tab's URL only for the hosts Offer Lens may access (the store
 * hosts), which is exactly what "On this page" needs. Follows tab switches and navigation,
 * the stores' single-page navigation included (each one updates the tab's URL).
 */
export interface BesideTab {
  tabId: number;
  url: string;
}

export function useActiveStoreTab(enabled: boolean): BesideTab | null {
  const [beside, setBeside] = useState<BesideTab | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    // A side panel is no tab: the active tab of its window is the page beside it. Opened as a
    // tab itself (the panel page in a window of its own, as the tests do), the active store
    // tab of the other windows.
    const self = browser.tabs.getCurrent().catch(() => undefined);
    const update = async () => {
      // The usual case (a real panel) in one round trip; opened as a tab, a second one.
      const [tab, mine] = await Promise.all([
        self,
        browser.tabs.query({ active: true, currentWindow: true }).catch(() => []),
      ]);
      const candidates = tab ? await browser.tabs.query({ active: true }).catch(() => []) : mine;
      const tabs = candidates.filter((t) => t.id !== tab?.id);
      const found = tabs.find((t) => t.url);
      if (!live) return;
      setBeside((current) =>
        found?.url && found.id !== undefined
          ? current?.tabId === found.id && current.url === found.url
            ? current
            : { tabId: found.id, url: found.url }
          : null,
      );
    };
    const onUpdated = (_id: number, _change: unknown, tab: { active?: boolean }) => {
      if (tab.active) void update();
    };
    const onAny = () => void update();
    void update();
    browser.tabs.onActivated.addListener(onAny);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.windows.onFocusChanged.addListener(onAny);
    return () => {
      live = false;
      browser.tabs.onActivated.removeListener(onAny);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.windows.onFocusChanged.removeListener(onAny);
    };
  }, [enabled]);
  return beside;
}
