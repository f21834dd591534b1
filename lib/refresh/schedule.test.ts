import { describe, expect, it } from 'vitest';
import { FeedError } from '../errors';
import { backoffMs, isStale, nextAttemptAfterFailure, refreshIntervalMs } from './schedule';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 24, 12);

describe('when to refresh', () => {
  it('calls a snapshot stale from exactly one interval on, and a missing one always', () => {
    expect(isStale(null, 30, NOW)).toBe(true);
    expect(isStale(NOW - 30 * MIN, 30, NOW)).toBe(true);
    expect(isStale(NOW - 30 * MIN + 1, 30, NOW)).toBe(false);
    expect(isStale(NOW - 5 * MIN, 30, NOW)).toBe(false);
  });

  it('never lets a stored interval go under the 5-minute floor', () => {
    expect(refreshIntervalMs(30)).toBe(30 * MIN);
    expect(refreshIntervalMs(0)).toBe(5 * MIN);
    expect(refreshIntervalMs(-3)).toBe(5 * MIN);
    expect(refreshIntervalMs(Number.NaN)).toBe(5 * MIN);
    expect(isStale(NOW - 4 * MIN, 0, NOW)).toBe(false);
  });

  it('backs off 1, 2, 4 … 60 minutes, and lets Retry-After only lengthen the wait', () => {
    expect([1, 2, 3, 4, 7, 8].map((n) => backoffMs(n) / MIN)).toEqual([1, 2, 4, 8, 60, 60]);
    const server = (retryAfterMs: number | null) => new FeedError('server', { httpStatus: 503, retryAfterMs });
    expect(nextAttemptAfterFailure(server(null), 1, NOW)).toBe(NOW + MIN);
    expect(nextAttemptAfterFailure(server(0), 3, NOW)).toBe(NOW + 4 * MIN);
    expect(nextAttemptAfterFailure(server(10 * MIN), 1, NOW)).toBe(NOW + 10 * MIN);
    expect(nextAttemptAfterFailure(server(48 * 60 * MIN), 1, NOW)).toBe(NOW + 24 * 60 * MIN);
    expect(nextAttemptAfterFailure(new FeedError('auth', { httpStatus: 401 }), 1, NOW)).toBeNull();
  });
});
