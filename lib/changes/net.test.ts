import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feed';
import { changeRow } from './describe';
import { diffOffers } from './diff';
import { type ChangeRecord, toRecords } from './log';
import { netChanges } from './net';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 10, 24, 6);

type Raw = Record<string, unknown>;
const spotify: Raw = {
  id: '7',
  name: 'Spotify – Android – ES',
  description: 'Install and open',
  tracking_url: 'https://trk.example.com/c?o=7',
  preview_url: 'https://play.google.com/store/apps/details?id=com.spotify.music',
  geos: ['ES', 'US'],
  payout: { amount: 2 },
  conversion_cap: { daily: 100, monthly: 0 },
  categories: ['Music'],
};
const uber: Raw = { id: '9', name: 'Uber', tracking_url: 'https://trk.example.com/c?o=9', payout: { amount: 3 } };

/**
 * The change log of a feed seen at `feeds.length` refreshes an hour apart (the first is the
 * snapshot at the last look), as the background writes it: ids growing.
 */
function logOf(feeds: Raw[][], source?: string, firstId = 1): ChangeRecord[] {
  const snapshots = feeds.map((offers) => parseFeed({ message: true, offers }).offers);
  const records: ChangeRecord[] = [];
  for (let i = 1; i < snapshots.length; i++) {
    const [before, after] = [snapshots[i - 1] ?? [], snapshots[i] ?? []];
    const at = T0 + i * HOUR;
    for (const record of toRecords(diffOffers(before, after), after, at, at - HOUR, source)) {
      records.push({ ...record, id: firstId + records.length });
    }
  }
  return records;
}

/** What the Changes view would list: kind, before → after, and the row's words. */
const summary = (changes: ChangeRecord[]) =>
  changes.map((c) => ({ offerId: c.offerId, kind: c.kind, row: changeRow(c, T0 + 12 * HOUR) }));

describe('the net changes since the last look', () => {
  it('show nothing for a payout that went up and back', () => {
    const up = { ...spotify, payout: { amount: 2.4 } };
    expect(netChanges(logOf([[spotify], [up], [spotify]]))).toEqual([]);
  });

  it('show a payout that moved twice once, from the first amount to the last, timed by its last step', () => {
    const log = logOf([
      [spotify],
      [{ ...spotify, payout: { amount: 1.8 } }],
      [{ ...spotify, payout: { amount: 1.5 } }],
    ]);
    const [change, ...rest] = netChanges(log);
    expect(rest).toEqual([]);
    expect(change).toMatchObject({
      offerId: '7',
      kind: 'payout',
      group: 'payout-down',
      before: { amount: 2, currency: 'USD', type: 'CPA' },
      after: { amount: 1.5, currency: 'USD', type: 'CPA' },
      at: T0 + 2 * HOUR,
      previousAt: T0,
      payout: { amount: 1.5, currency: 'USD', type: 'CPA' },
    });
    expect(changeRow(change as ChangeRecord, T0)).toBe('Spotify – Android – ES: $2.00 → $1.50, \u221225\u202f%');
  });

  it('show nothing for an offer gone and back as it was', () => {
    expect(netChanges(logOf([[spotify, uber], [uber], [spotify, uber]]))).toEqual([]);
  });

  it('show an offer gone and back different by what differs, compared as diffOffers compares', () => {
    const back = {
      ...spotify,
      // The same to diffOffers: an amount as text, countries in another order, white space.
      payout: { amount: '2.00' },
      geos: 'us, es',
      description: '  Install   and open ',
      conversion_cap: { daily: 50, monthly: 0 },
    };
    expect(summary(netChanges(logOf([[spotify], [], [back]])))).toEqual([
      { offerId: '7', kind: 'caps', row: 'Spotify – Android – ES: cap 100/day → 50/day' },
    ]);
  });

  it('count a change made before an offer went and kept when it came back', () => {
    const lower = { ...spotify, payout: { amount: 1.5 } };
    expect(summary(netChanges(logOf([[spotify], [lower], [], [lower]])))).toEqual([
      { offerId: '7', kind: 'payout', row: 'Spotify – Android – ES: $2.00 → $1.50, \u221225\u202f%' },
    ]);
  });

  it('show nothing for an offer new and gone again since the last look', () => {
    expect(netChanges(logOf([[uber], [uber, spotify], [uber, { ...spotify, payout: { amount: 3 } }], [uber]]))).toEqual(
      [],
    );
  });

  it('show a new offer once, as it is now', () => {
    const log = logOf([[uber], [uber, spotify], [uber, { ...spotify, payout: { amount: 2.5 }, geos: ['ES'] }]]);
    const changes = netChanges(log);
    expect(summary(changes)).toEqual([{ offerId: '7', kind: 'new', row: 'New: Spotify – Android – ES — $2.50 CPA' }]);
    expect(changes[0]).toMatchObject({
      at: T0 + HOUR,
      before: null,
      after: { id: '7', payout: { amount: 2.5, currency: 'USD', type: 'CPA' }, geos: ['ES'] },
    });
  });

  it('show an offer that went once, with its last known state and when it was last seen', () => {
    const lower = { ...spotify, payout: { amount: 1.5 } };
    const changes = netChanges(logOf([[spotify, uber], [lower, uber], [uber]]));
    expect(summary(changes)).toEqual([
      { offerId: '7', kind: 'gone', row: 'Gone: Spotify – Android – ES (last seen today 07:00)' },
    ]);
    expect(changes[0]).toMatchObject({ before: { payout: { amount: 1.5 } }, after: null, at: T0 + 2 * HOUR });
  });

  it('show each kind that changed once, with its first before and last after; kinds that came back not at all', () => {
    const steps = [
      spotify,
      { ...spotify, payout: { amount: 1.5 }, geos: ['US'] },
      { ...spotify, payout: { amount: 1.8 }, geos: ['US', 'ES'], conversion_cap: { daily: 50 } },
      { ...spotify, payout: { amount: 1.8 }, geos: ['ES', 'US'], conversion_cap: { daily: 50 }, name: 'Spotify' },
    ];
    const changes = netChanges(logOf(steps.map((offer) => [offer])));
    expect(changes.map((c) => [c.kind, c.before, c.after])).toEqual([
      ['name', 'Spotify – Android – ES', 'Spotify'],
      ['payout', { amount: 2, currency: 'USD', type: 'CPA' }, { amount: 1.8, currency: 'USD', type: 'CPA' }],
      ['caps', { daily: 100, monthly: 0 }, { daily: 50, monthly: 0 }],
    ]);
    // Every row names the offer as it is called now.
    expect(new Set(changes.map((c) => c.name))).toEqual(new Set(['Spotify']));
  });

  it('tell apart two networks whose offers share an id', () => {
    const a = logOf([[spotify], []], 'network-a');
    const b = logOf([[], [{ ...spotify, payout: { amount: 3 } }]], 'network-b', a.length + 1);
    // One network's offer went and the other's appeared: not one offer gone and back.
    const changes = netChanges([...a, ...b]);
    expect(changes.map((c) => [c.source, c.offerId, c.kind])).toEqual([
      ['network-a', '7', 'gone'],
      ['network-b', '7', 'new'],
    ]);
    // A payout up and back on one network leaves the other network's drop alone.
    const c = logOf([[spotify], [{ ...spotify, payout: { amount: 1.5 } }]], 'network-a');
    const d = logOf([[spotify], [{ ...spotify, payout: { amount: 9 } }], [spotify]], 'network-b', c.length + 1);
    expect(netChanges([...d, ...c]).map((x) => [x.source, x.kind, (x.after as { amount: number }).amount])).toEqual([
      ['network-a', 'payout', 1.5],
    ]);
  });

  it('read the records in any order', () => {
    const lower = { ...spotify, payout: { amount: 1.5 } };
    const log = logOf([[spotify, uber], [lower], [lower, uber]]);
    expect(summary(netChanges(log.slice().reverse()))).toEqual(summary(netChanges(log)));
    expect(summary(netChanges(log))).toEqual([
      { offerId: '7', kind: 'payout', row: 'Spotify – Android – ES: $2.00 → $1.50, \u221225\u202f%' },
    ]);
  });
});
