/**
 * What one store tab may ask of the background in a while. The content script runs in the web
 * page's process, so a compromised page can send its messages at will (walking apps with
 * history.pushState to ask about each): these limits keep what it can learn or set off small,
 * while a publisher clicking and browsing never meets them.
 */
export const TAB_LIMITS = {
  /** Opening the popup or the side panel: one a second. */
  open: { count: 1, perMs: 1000 },
  /** Link checks started from the badge (real clicks at the network): three a minute. */
  check: { count: 3, perMs: 60_000 },
  /** Different apps whose watch state changes: five a minute. */
  watch: { count: 5, perMs: 60_000 },
  /** Different apps whose offers are asked for: thirty a minute (a publisher reads one at a time). */
  page: { count: 30, perMs: 60_000 },
} as const;

export type TabAction = keyof typeof TAB_LIMITS;

/**
 * Per tab and action, the recent uses (and, for `watch` and `page`, the apps they were for: asking
 * again about an app already counted is free, so the badge's own re-asks on one page never count).
 */
export function createTabLimits() {
  const used = new Map<string, { at: number; key: string }[]>();
  return {
    /** True (and counted) when this tab may do this now. */
    allow(tabId: number, action: TabAction, now: number, key = ''): boolean {
      const { count, perMs } = TAB_LIMITS[action];
      const id = `${tabId}|${action}`;
      const recent = (used.get(id) ?? []).filter((use) => now - use.at < perMs);
      if (key && recent.some((use) => use.key === key)) {
        used.set(id, recent);
        return true;
      }
      if (recent.length >= count) {
        used.set(id, recent);
        return false;
      }
      recent.push({ at: now, key });
      used.set(id, recent);
      return true;
    },
    forgetTab(tabId: number): void {
      for (const action of Object.keys(TAB_LIMITS)) used.delete(`${tabId}|${action}`);
    },
  };
}
