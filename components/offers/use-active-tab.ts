import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

/**
 * The URL of the tab beside the side panel, when it is a store page: without the `tabs`
 * permission the browser tells a tab's URL only for the hosts Offer Lens may access (the store
 * hosts), which is exactly what "On this page" needs. Follows tab switches and navigation,
 * the stores' single-page navigation included (each one updates the tab's URL).
 */
export function useActiveStoreTab(enabled: boolean): string | null {
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    // The panel's window. Opened in a window of its own (a tab or popup window, as in the tests):
    // the active store tab of the normal windows.
    const windowId = browser.windows
      .getCurrent()
      .then((w) => (w.type === 'normal' ? (w.id ?? null) : null))
      .catch(() => null);
    const update = async () => {
      const id = await windowId;
      const query = id === null ? { active: true, windowType: 'normal' as const } : { active: true, windowId: id };
      const tabs = await browser.tabs.query(query).catch(() => []);
      const tab = tabs.find((t) => t.url) ?? tabs[0];
      if (live) setUrl(tab?.url ?? null);
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
  return url;
}
