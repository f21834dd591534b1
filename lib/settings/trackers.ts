/**
 * The trackers media buyers send traffic through, with the macro each one replaces by its own
 * click ID in the offer's link (from each tracker's documentation: Keitaro {subid}, Binom
 * {clickid}, Voluum {clickid}, RedTrack {clickid}, BeMob {clickId}). Choosing one puts its macro
 * in every tracking link Offer Lens builds, so conversions can be attributed.
 */
export const TRACKERS = [
  { id: 'keitaro', name: 'Keitaro', clickId: '{subid}' },
  { id: 'binom', name: 'Binom', clickId: '{clickid}' },
  { id: 'voluum', name: 'Voluum', clickId: '{clickid}' },
  { id: 'redtrack', name: 'RedTrack', clickId: '{clickid}' },
  { id: 'bemob', name: 'BeMob', clickId: '{clickId}' },
] as const;

export type TrackerId = (typeof TRACKERS)[number]['id'];

/** '' = not asked yet (the settings page asks once); 'custom' = none of these, or another tracker. */
export const TRACKER_CHOICES = ['', 'custom', ...TRACKERS.map((t) => t.id)] as const;
export type TrackerChoice = (typeof TRACKER_CHOICES)[number];

/** The click ID a tracker's choice puts in links; null for 'custom' (the publisher types it). */
export function trackerClickId(choice: string): string | null {
  return TRACKERS.find((t) => t.id === choice)?.clickId ?? null;
}

/** A change typed on the settings page, with the click ID a newly chosen tracker brings along. */
export function withTrackerMacro<T extends { tracker?: string; clickId?: string }>(patch: T): T {
  const macro = patch.tracker === undefined ? null : trackerClickId(patch.tracker);
  return macro === null ? patch : { ...patch, clickId: macro };
}
