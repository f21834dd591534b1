import { describe, expect, it } from 'vitest';
import type { SnapshotSummary } from '../snapshot';
import { describeStatus, EMPTY_STATUS } from './status';

const now = Date.UTC(2026, 10, 24, 12);
const summary: SnapshotSummary = {
  fetchedAt: now - 2 * 3_600_000,
  source: 'feed',
  offerCount: 224,
  rejectedCount: 2,
};

describe('describeStatus', () => {
  it('says how many offers and how fresh they are', () => {
    expect(describeStatus(EMPTY_STATUS, { ...summary, fetchedAt: now - 5 * 60_000 }, now)).toEqual({
      tone: 'ok',
      text: '224 offers',
      detail: 'updated 5 min ago',
    });
  });

  it('puts the error first, says when we retry and that the last good data is in use', () => {
    const status = {
      ...EMPTY_STATUS,
      nextAttemptAt: now + 4 * 60_000,
      error: { code: 'server' as const, httpStatus: 503, message: 'The feed server is down (HTTP 503)' },
    };
    expect(describeStatus(status, summary, now)).toEqual({
      tone: 'error',
      text: 'The feed server is down (HTTP 503), retrying in 4 min',
      detail: 'Last good data from 2 h ago: 224 offers',
    });
  });

  it('does not promise a retry after the key was rejected', () => {
    const status = {
      ...EMPTY_STATUS,
      error: { code: 'auth' as const, httpStatus: 401, message: 'The API key was rejected (HTTP 401)' },
    };
    expect(describeStatus(status, null, now).text).toBe('The API key was rejected (HTTP 401)');
  });

  it('marks demo data', () => {
    expect(describeStatus(EMPTY_STATUS, { ...summary, source: 'demo' }, now).detail).toBe(
      'updated 2 h ago · demo data',
    );
  });

  it('says when the feed now lists nothing, next to the count', () => {
    const status = { ...EMPTY_STATUS, notice: 'The feed now lists no offers (was 223)' };
    expect(describeStatus(status, { ...summary, offerCount: 0, fetchedAt: now }, now)).toEqual({
      tone: 'ok',
      text: '0 offers',
      detail: 'updated less than a minute ago · The feed now lists no offers (was 223)',
    });
  });

  it('says one offer, not one offers', () => {
    expect(describeStatus(EMPTY_STATUS, { ...summary, offerCount: 1 }, now).text).toBe('1 offer');
  });

  it('says a refresh is under way, with what is shown meanwhile', () => {
    const refreshing = { ...EMPTY_STATUS, refreshing: true };
    expect(describeStatus(refreshing, summary, now)).toEqual({
      tone: 'busy',
      text: 'Refreshing offers…',
      detail: '224 offers',
    });
    expect(describeStatus(refreshing, { ...summary, source: 'demo' }, now).detail).toBe('224 offers · demo data');
    expect(describeStatus(refreshing, null, now)).toEqual({ tone: 'busy', text: 'Refreshing offers…', detail: '' });
  });

  it('says when there are no offers yet, with or without an error', () => {
    expect(describeStatus(EMPTY_STATUS, null, now)).toEqual({
      tone: 'empty',
      text: 'No offers loaded yet',
      detail: '',
    });
    const failed = {
      ...EMPTY_STATUS,
      error: { code: 'network' as const, httpStatus: null, message: 'Could not reach the feed server' },
    };
    expect(describeStatus(failed, null, now).detail).toBe('No offers loaded yet');
    expect(describeStatus(failed, { ...summary, source: 'demo' }, now).detail).toBe(
      'Last good data from 2 h ago: 224 offers · demo data',
    );
  });
});
