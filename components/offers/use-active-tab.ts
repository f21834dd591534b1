import { useEffect, useMemo, useState } from 'preact/hooks';
import { type Browser, browser } from 'wxt/browser';
import { useAsyncEffect } from '../use-async-effect';

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

type Tab = Browser.tabs.Tab;

/** The first look, begun before the page renders (lookBesideEarly), and its answer once there. */
let early: { self: Promise<Tab | undefined>; beside: Promise<BesideTab | null>; found?: BesideTab | null } | null =
  null;

/**
 * Ask the browser for the tab beside as the page starts, before its first render: the side
 * panel's "On this page" then needs no round trip after it (the first look is this one).
 */
export function lookBesideEarly(): Promise<unknown> {
  const self = browser.tabs.getCurrent().catch(() => undefined);
  const look = { self, beside: findBesideTab(self) };
  early = look;
  return look.beside.then(
    (found) => {
      Object.assign(look, { found });
    },
    () => undefined,
  );
}

export function useActiveStoreTab(enabled: boolean): BesideTab | null {
  const [beside, setBeside] = useState<BesideTab | null>(() => (enabled ? (early?.found ?? null) : null));
  // Every tab switch, navigation or window focus: look again (only the latest look is applied).
  const [moves, setMoves] = useState(0);
  // A side panel is no tab: the active tab of its window is the page beside it. Opened as a
  // tab itself (the panel page in a window of its own, as the tests do), the active store
  // tab of the other windows.
  const self = useMemo(
    () => (enabled ? (early?.self ?? browser.tabs.getCurrent().catch(() => undefined)) : null),
    [enabled],
  );

  useEffect(() => {
    if (!enabled) return;
    const moved = () => setMoves((n) => n + 1);
    const onUpdated = (_id: number, _change: unknown, tab: { active?: boolean }) => {
      if (tab.active) moved();
    };
    const onAny = moved;
    browser.tabs.onActivated.addListener(onAny);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.windows.onFocusChanged.addListener(onAny);
    return () => {
      browser.tabs.onActivated.removeListener(onAny);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.windows.onFocusChanged.removeListener(onAny);
    };
  }, [enabled]);

  useAsyncEffect(
    () => {
      if (!self) return undefined;
      // The first look may be the one begun before the page rendered.
      const first = moves === 0 && early?.self === self ? early.beside : null;
      return first ?? findBesideTab(self);
    },
    (found) =>
      setBeside((current) => (found && current?.tabId === found.tabId && current.url === found.url ? current : found)),
    [self, moves],
  );
  return beside;
}

async function findBesideTab(self: Promise<Tab | undefined>): Promise<BesideTab | null> {
  // The usual case (a real panel) in one round trip; opened as a tab, a second one.
  const [tab, mine] = await Promise.all([
    self,
    browser.tabs.query({ active: true, currentWindow: true }).catch(() => []),
  ]);
  const candidates = tab ? await browser.tabs.query({ active: true }).catch(() => []) : mine;
  const found = candidates.filter((t) => t.id !== tab?.id).find((t) => t.url);
  return found?.url && found.id !== undefined ? { tabId: found.id, url: found.url } : null;
}
