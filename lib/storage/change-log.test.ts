import { beforeEach, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../changes/log';
import { buildSearchIndexData } from '../search/build';
import { database } from './database';

const change = (i: number): ChangeRecord => ({
  offerId: String(i),
  kind: 'name',
  before: 'a',
  after: 'b',
  at: Date.now(),
  previousAt: Date.now() - 1000,
  group: 'other',
  name: `Offer ${i}`,
  platform: null,
  geos: [],
  appKey: null,
  payout: null,
});
const ids = (changes: ChangeRecord[]) => changes.map((c) => c.id as number);
const countdown = (from: number, to: number) => Array.from({ length: from - to + 1 }, (_, i) => from - i);

beforeEach(async () => {
  await database.clear();
  const snapshot = { offers: [], rejected: [], fetchedAt: Date.now(), source: 'feed' as const, sources: {} };
  await database.saveSnapshot(
    snapshot,
    buildSearchIndexData([]),
    Array.from({ length: 4500 }, (_, i) => change(i)),
  );
});

describe('the change log, read', () => {
  it('gives a window newest first, read in pages, whole or cut at its limit', async () => {
    expect(ids(await database.changes.load({ limit: 50_000, pageSize: 1000 }))).toEqual(countdown(4500, 1));
    expect(ids(await database.changes.load({ after: 1200, limit: 50_000, pageSize: 1000 }))).toEqual(
      countdown(4500, 1201),
    );
    expect(ids(await database.changes.load({ after: 10, limit: 100, pageSize: 30 }))).toEqual(countdown(4500, 4401));
    expect(ids(await database.changes.load({ before: 101, limit: 50_000, pageSize: 7 }))).toEqual(countdown(100, 1));
    expect(ids(await database.changes.load({ limit: 3, keep: (c) => (c.id as number) % 2 === 0 }))).toEqual([
      4500, 4498, 4496,
    ]);
  });
});
