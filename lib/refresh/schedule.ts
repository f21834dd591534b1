import { type FeedError, needsSettingsChange } from '../errors';
import { MIN_REFRESH_MINUTES } from '../settings/defaults';

export const MINUTE = 60_000;
const BACKOFF_MAX_MS = 60 * MINUTE;
const RETRY_AFTER_MAX_MS = 24 * 60 * MINUTE;
/** browser.alarms fire no sooner than 30 s from now. */
export const ALARM_MIN_DELAY_MS = 30_000;

/** Back-off after `failures` failures in a row: 1 min, 2, 4 … capped at 60 min. */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_MAX_MS, MINUTE * 2 ** Math.max(0, failures - 1));
}

/**
 * When to try again after a failure; null = not until the settings change. A server's
 * Retry-After can only lengthen the wait, never shorten the back-off (a server answering 503
 * with "Retry-After: 0" must not be asked every 30 s forever).
 */
export function nextAttemptAfterFailure(error: FeedError, failures: number, now: number): number | null {
  if (needsSettingsChange(error.code)) return null;
  const asked = Math.min(RETRY_AFTER_MAX_MS, error.retryAfterMs ?? 0);
  return now + Math.max(backoffMs(failures), asked);
}

/** The refresh interval in force: whatever storage says, never under the floor. */
export function refreshIntervalMs(refreshMinutes: number): number {
  const minutes = Number.isFinite(refreshMinutes) ? refreshMinutes : MIN_REFRESH_MINUTES;
  return Math.max(MIN_REFRESH_MINUTES, minutes) * MINUTE;
}

/** Is the snapshot too old for the refresh interval (checked when the background starts)? */
export function isStale(fetchedAt: number | null, refreshMinutes: number, now: number): boolean {
  return fetchedAt === null || now - fetchedAt >= refreshIntervalMs(refreshMinutes);
}
