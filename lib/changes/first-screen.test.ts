import { describe, expect, it } from 'vitest';
import { DEFAULT_SEARCH_STATE } from '../search/query';
import { changeFilter } from './filter';
import { FIRST_SCREEN_ROWS, screenRows } from './first-screen';
import { firstScreenOf } from './first-screen-of';
import { changeListRows, changesOf } from './list';
import type { ChangeGroup, ChangeRecord } from './log';
import { netChanges } from './net';
import { isWatched, recordKey, type Watchlist } from './watched';

const HOUR = 3_600_000;
let nextId = 1;
const change = (offerId: string, group: ChangeGroup, at: number, rest: Partial<ChangeRecord> = {}): ChangeRecord => ({
  id: nextId++,
  offerId,
  kind: group === 'new' || group === 'gone' ? group : 'payout',
  before: group === 'payout-down' ? { amount: 2, currency: 'USD', type: 'CPA' } : null,
  after: group === 'payout-down' ? { amount: 1, currency: 'USD', type: 'CPA' } : null,
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

/** A log of many changes: new, gone and payout drops, over three refreshes, some on iOS. */
const LOG = Array.from({ length: 450 }, (_, i) =>
  change(String(i), (['new', 'gone', 'payout-down'] as const)[i % 3] as ChangeGroup, (1 + (i % 3)) * HOUR, {
    platform: i % 5 === 0 ? 'ios' : 'android',
  }),
);
const WATCHLIST: Watchlist = { offers: [recordKey({ offerId: '7' }), recordKey({ offerId: '300' })], apps: [] };
const wholeList = (records: ChangeRecord[], watchlist: Watchlist | null) =>
  changeListRows(netChanges(records), (c) => !!watchlist && isWatched(watchlist, recordKey(c), c.appKey));
const window = { seenId: 0, latestId: 450, earlier: false };

describe("the Changes view's first screen", () => {
  it('holds the first rows of the whole list, with the whole sections counted, and how many there are', () => {
    const screen = firstScreenOf(LOG, window, WATCHLIST);
    const whole = wholeList(LOG, WATCHLIST);
    expect(screen.rows).toEqual(whole.slice(0, FIRST_SCREEN_ROWS));
    expect(screen.rows[0]).toEqual({ type: 'header', section: 'watched', count: 2 });
    expect(screen.total).toBe(450);
    expect(screen.steps).toBe(450);
    expect(screen.since).toBe(0);
    expect(screenRows(screen, WATCHLIST, undefined)).toEqual({ rows: screen.rows, shown: 450, hidden: 0 });
  });

  it('cannot answer a filter when the list goes on past it, nor another watchlist', () => {
    const screen = firstScreenOf(LOG, window, WATCHLIST);
    const iosOnly = changeFilter({ ...DEFAULT_SEARCH_STATE, platform: 'ios' });
    expect(screenRows(screen, WATCHLIST, iosOnly)).toBeNull();
    expect(screenRows(screen, { offers: [recordKey({ offerId: '7' })], apps: [] }, undefined)).toBeNull();
    expect(screenRows(screen, null, undefined)).toBeNull();
  });

  it('answers any filter when it is the whole list, counting what is left under each header', () => {
    const few = LOG.slice(0, 30);
    const screen = firstScreenOf(few, window, null);
    const iosOnly = changeFilter({ ...DEFAULT_SEARCH_STATE, platform: 'ios' });
    const kept = netChanges(few).filter(iosOnly as (c: ChangeRecord) => boolean);
    const answer = screenRows(screen, { offers: [], apps: [] }, iosOnly);
    expect(answer?.rows).toEqual(changeListRows(kept, () => false));
    expect(answer?.shown).toBe(6);
    expect(answer?.hidden).toBe(24);
    expect(changesOf(answer?.rows ?? [])).toHaveLength(6);
  });
});
