import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_STATE } from '../search/query';
import { changeFilter } from './filter';
import { type ChangeListRow, changeListRows, changesOf, rowKey } from './list';
import type { ChangeGroup, ChangeRecord } from './log';
import { isWatched, recordKey, type Watchlist } from './watch';

const HOUR = 3_600_000;
const change = (offerId: string, group: ChangeGroup, at: number, rest: Partial<ChangeRecord> = {}): ChangeRecord => ({
  offerId,
  kind: group === 'new' || group === 'gone' ? group : group === 'caps' ? 'caps' : 'payout',
  before: null,
  after: null,
  at,
  previousAt: at - HOUR,
  group,
  name: `Offer ${offerId}`,
  platform: 'android',
  geos: [],
  appKey: null,
  payout: null,
  ...rest,
});

const CHANGES = [
  change('1', 'new', 2 * HOUR),
  change('2', 'gone', 1 * HOUR, { platform: 'ios' }),
  change('3', 'payout-down', 1 * HOUR),
  change('4', 'payout-down', 2 * HOUR, { appKey: 'google-play:com.watched.app' }),
  change('5', 'payout-up', 2 * HOUR),
  change('6', 'new', 3 * HOUR, { platform: 'ios' }),
  change('3', 'caps', 1 * HOUR),
];
const WATCHLIST: Watchlist = { offers: ['cat|3'], apps: ['google-play:com.watched.app'] };
const watched = (c: ChangeRecord) => isWatched(WATCHLIST, recordKey(c), c.appKey);

/** The rows as the view writes them: "Header · n" or "offer kind", watched ones starred. */
const read = (rows: ChangeListRow[]) =>
  rows.map((row) =>
    row.type === 'header'
      ? `${row.section} · ${row.count}`
      : `${row.watched ? '★ ' : ''}${row.change.offerId} ${row.change.kind}`,
  );

describe('the Changes view’s rows', () => {
  it('put watched offers’ and apps’ changes first and starred, then each group newest first', () => {
    expect(read(changeListRows(CHANGES, watched))).toEqual([
      'watched · 3',
      '★ 4 payout',
      '★ 3 payout',
      '★ 3 caps',
      'new · 2',
      '6 new',
      '1 new',
      'gone · 1',
      '2 gone',
      'payout-up · 1',
      '5 payout',
    ]);
  });

  it('count under each header only the changes shown after the filters', () => {
    const ios = changeFilter({ ...DEFAULT_SEARCH_STATE, platform: 'ios' }) as (c: ChangeRecord) => boolean;
    expect(read(changeListRows(CHANGES.filter(ios), watched))).toEqual(['new · 1', '6 new', 'gone · 1', '2 gone']);
    const onlyWatched = changeFilter({ ...DEFAULT_SEARCH_STATE, watching: true }, WATCHLIST) as (
      c: ChangeRecord,
    ) => boolean;
    expect(read(changeListRows(CHANGES.filter(onlyWatched), watched))).toEqual([
      'watched · 3',
      '★ 4 payout',
      '★ 3 payout',
      '★ 3 caps',
    ]);
    expect(changeListRows([], watched)).toEqual([]);
  });

  it('export the changes in the order shown', () => {
    expect(changesOf(changeListRows(CHANGES, watched)).map((c) => `${c.offerId} ${c.kind}`)).toEqual([
      '4 payout',
      '3 payout',
      '3 caps',
      '6 new',
      '1 new',
      '2 gone',
      '5 payout',
    ]);
  });

  it('key each row by network, offer and kind, so two of one offer or of two networks never collide', () => {
    const rows = changeListRows(
      [...CHANGES, change('3', 'payout-down', 1 * HOUR, { source: 'network-b' })],
      () => false,
    );
    const keys = rows.map(rowKey);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
