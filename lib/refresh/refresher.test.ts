import { describe, expect, it } from 'vitest';
import { FeedError } from '../errors';
import { parseFeed } from '../feed';
import { defaultSettings } from '../settings/defaults';
import type { SourceSnapshot } from '../snapshot';
import { createRefresher, type RefresherDeps } from '.';
import { EMPTY_STATUS, type RefreshStatus } from './status';

const MIN = 60_000;
const NOW = Date.UTC(2026, 10, 24, 12);
const FEED = JSON.stringify({
  message: true,
  offers: [
    { id: '1', name: 'A', tracking_url: 'https://t.example/1' },
    { name: 'no id', tracking_url: 'https://t.example/2' },
  ],
});

/** A refresher on fake parts: a clock that stands still, a fetch that answers FEED, storage in memory. */
function harness(overrides: Partial<RefresherDeps> = {}, status: Partial<RefreshStatus> = {}) {
  const world = {
    status: { ...EMPTY_STATUS, ...status } as RefreshStatus,
    saved: [] as SourceSnapshot[],
    requests: 0,
    planned: undefined as number | null | undefined,
  };
  const deps: RefresherDeps = {
    now: () => NOW,
    fetchOffers: async () => {
      world.requests++;
      return parseFeed(JSON.parse(FEED));
    },
    loadConfig: async () => ({
      apiKey: 'k-1',
      settings: defaultSettings('https://feed.example/o?k={apiKey}'),
      repaired: [],
    }),
    checkAccess: async () => null,
    loadStatus: async () => world.status,
    saveStatus: async (next) => {
      world.status = next;
    },
    currentSnapshot: async () => ({ offerCount: 7, rejectedCount: 2, fetchedAt: NOW - 10 * MIN }),
    saveSnapshot: async (snapshot) => {
      world.saved.push(snapshot);
    },
    schedule: async (when) => {
      world.planned = when;
    },
    ...overrides,
  };
  return { world, refresher: createRefresher(deps) };
}

describe('automatic refreshes', () => {
  it('run when the planned attempt is due (a second of slack), else not before the 5-minute floor', async () => {
    const cases: [Partial<RefreshStatus>, number][] = [
      [{ nextAttemptAt: NOW + 1000, lastAttemptAt: NOW - MIN }, 1],
      [{ nextAttemptAt: NOW + 1001, lastAttemptAt: NOW - MIN }, 0],
      [{ nextAttemptAt: null, lastAttemptAt: NOW - MIN }, 0],
      [{ nextAttemptAt: null, lastAttemptAt: NOW - 5 * MIN }, 1],
      [{ nextAttemptAt: NOW + 20 * MIN, lastAttemptAt: NOW - 5 * MIN + 1 }, 0],
      [{ nextAttemptAt: null, lastAttemptAt: null }, 1],
    ];
    for (const [status, requests] of cases) {
      const { world, refresher } = harness({}, status);
      await refresher.refresh({ automatic: true });
      expect(world.requests, JSON.stringify(status)).toBe(requests);
    }
  });

  it('that is not due answers with the offers as they are, or the error that stands', async () => {
    const { refresher } = harness({}, { lastAttemptAt: NOW - MIN, lastSuccessAt: NOW - 10 * MIN });
    expect(await refresher.refresh({ automatic: true })).toEqual({
      ok: true,
      offerCount: 7,
      rejectedCount: 2,
      fetchedAt: NOW - 10 * MIN,
    });
    const error = { code: 'server' as const, httpStatus: 500, message: 'The feed server is down (HTTP 500)' };
    const failing = harness({}, { lastAttemptAt: NOW - MIN, nextAttemptAt: NOW + MIN, error });
    expect(await failing.refresher.refresh({ automatic: true })).toEqual({ ok: false, error });
  });
});

describe('a refresh that goes wrong inside Offer Lens', () => {
  it('says so in words without the key, and plans a retry', async () => {
    const { world, refresher } = harness({
      currentSnapshot: async () => {
        throw new Error('cannot read k-1 from disk');
      },
    });
    expect(await refresher.refresh()).toEqual({
      ok: false,
      error: {
        code: 'internal',
        httpStatus: null,
        message: 'Something went wrong inside Offer Lens: “cannot read ••• from disk”',
      },
    });
    expect(world.status).toMatchObject({ refreshing: false, failures: 1 });
    expect(world.planned).toBe(NOW + MIN);
  });

  it('fails the call, not the next one, when its own state cannot be read', async () => {
    let broken = true;
    const { refresher } = harness({
      loadStatus: async () => {
        if (broken) throw new FeedError('storage');
        return EMPTY_STATUS;
      },
    });
    await expect(refresher.refresh()).rejects.toThrow('Could not save the offers on this computer');
    broken = false;
    expect(await refresher.refresh()).toMatchObject({ ok: true, offerCount: 1, rejectedCount: 1 });
  });

  it('keeps a skipped offer without an id as "no id"', async () => {
    const { world, refresher } = harness();
    await refresher.refresh();
    expect(world.saved[0]?.rejected).toEqual([{ index: 1, id: null, reason: 'Missing id' }]);
  });
});

describe('a demo source', () => {
  it('loads without a key, and plans no refresh of it', async () => {
    const { world, refresher } = harness({
      demo: true,
      loadConfig: async () => ({ apiKey: '', settings: defaultSettings(''), repaired: [] }),
    });
    expect(await refresher.refresh()).toMatchObject({ ok: true, offerCount: 1 });
    expect(world.saved).toHaveLength(1);
    expect(world.planned).toBeNull();
  });

  it('is not marked broken when its data cannot be reached', async () => {
    const { world, refresher } = harness({
      demo: true,
      checkAccess: async () => new FeedError('no-permission'),
    });
    expect(await refresher.refresh()).toMatchObject({ ok: false, error: { code: 'no-permission' } });
    expect(world.status).toMatchObject({ error: null, refreshing: false, nextAttemptAt: null });
    expect(world.requests).toBe(0);
  });
});
