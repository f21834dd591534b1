import { describe, expect, it } from 'vitest';
import { parseFeed } from '../feed';
import {
  alertText,
  changeLine,
  changeRow,
  changeText,
  formatPercent,
  formatWhen,
  payoutPercent,
  timelineLine,
} from './describe';
import { diffOffers } from './diff';
import { toRecords } from './log';

const NOW = Date.UTC(2026, 10, 24, 12);
const AT = NOW - 2 * 3_600_000;
const base = {
  id: '7',
  name: 'Spotify – Android – ES',
  tracking_url: 'https://trk.example.com/c?o=7',
  preview_url: 'https://play.google.com/store/apps/details?id=com.spotify.music',
  geos: ['ES', 'US'],
  payout: { amount: 1.2 },
  conversion_cap: { daily: 500, monthly: 0 },
  min_version: '8.0',
  expiration_date: '2026-12-31',
  categories: ['Music'],
  sub_id: { include: ['a'], exclude: [] },
};

/** The words for the change from `base` to `patch`, as a row and as a timeline line. */
function words(
  patch: Record<string, unknown> | null,
  previous: Record<string, unknown> | null = base,
  previousAt = Date.UTC(2026, 10, 24, 9, 30),
) {
  const before = parseFeed({ message: true, offers: previous ? [previous] : [] }).offers;
  const after = parseFeed({ message: true, offers: patch ? [{ ...base, ...patch }] : [] }).offers;
  const [record] = toRecords(diffOffers(before, after), after, AT, previousAt);
  if (!record) throw new Error('no change');
  return {
    row: changeRow(record, NOW),
    line: timelineLine(record, NOW),
    group: record.group,
    under: changeLine(record, NOW),
  };
}

describe('changes in words', () => {
  it.each([
    [
      { payout: { amount: '1.45' } },
      'Spotify – Android – ES: $1.20 → $1.45, +21\u202f%',
      'payout $1.20 → $1.45, +21\u202f% on 24 Nov',
      'payout-up',
    ],
    [
      { payout: { amount: 0.9 } },
      'Spotify – Android – ES: $1.20 → $0.90, \u221225\u202f%',
      'payout $1.20 → $0.90, \u221225\u202f% on 24 Nov',
      'payout-down',
    ],
    [
      { geos: ['ES', 'DE'] },
      'Spotify – Android – ES: US removed, DE added',
      'US removed, DE added on 24 Nov',
      'countries',
    ],
    [
      { conversion_cap: { daily: 0, monthly: 0 } },
      'Spotify – Android – ES: cap 500/day → no cap',
      'cap 500/day → no cap on 24 Nov',
      'caps',
    ],
    [
      { conversion_cap: { daily: 250 } },
      'Spotify – Android – ES: cap 500/day → 250/day',
      'cap 500/day → 250/day on 24 Nov',
      'caps',
    ],
    [{ min_version: '9.0' }, 'Spotify – Android – ES: min OS 8.0 → 9.0', 'min OS 8.0 → 9.0 on 24 Nov', 'other'],
    [
      { expiration_date: '2026-12-01' },
      'Spotify – Android – ES: expiry 31 Dec → 1 Dec',
      'expiry 31 Dec → 1 Dec on 24 Nov',
      'other',
    ],
    [
      { description: 'KPI: day-7' },
      'Spotify – Android – ES: description (KPIs) changed',
      'description (KPIs) changed on 24 Nov',
      'other',
    ],
    [
      { sub_id: { include: ['a', 'b'] } },
      'Spotify – Android – ES: accepted sub IDs: b added',
      'accepted sub IDs: b added on 24 Nov',
      'other',
    ],
    [
      { sub_id: { include: [], exclude: ['z', 'y'] } },
      'Spotify – Android – ES: accepted sub IDs: a removed; excluded sub IDs: z, y added',
      'accepted sub IDs: a removed; excluded sub IDs: z, y added on 24 Nov',
      'other',
    ],
    [{ geos: [] }, 'Spotify – Android – ES: ES, US removed', 'ES, US removed on 24 Nov', 'countries'],
    [
      { categories: ['Music', 'Audio'] },
      'Spotify – Android – ES: categories: Audio added',
      'categories: Audio added on 24 Nov',
      'other',
    ],
    [
      { categories: [] },
      'Spotify – Android – ES: categories: Music removed',
      'categories: Music removed on 24 Nov',
      'other',
    ],
    [
      { platform: 'iOS' },
      'Spotify – Android – ES: platform Android → iOS',
      'platform Android → iOS on 24 Nov',
      'other',
    ],
    [
      { name: 'Spotify Premium' },
      'Spotify Premium: renamed from “Spotify – Android – ES”',
      'renamed from “Spotify – Android – ES” on 24 Nov',
      'other',
    ],
    [
      { tracking_url: 'https://trk.example.com/c?o=8' },
      'Spotify – Android – ES: tracking URL changed',
      'tracking URL changed on 24 Nov',
      'other',
    ],
    [
      { preview_url: 'https://play.google.com/store/apps/details?id=com.other' },
      'Spotify – Android – ES: store page changed',
      'store page changed on 24 Nov',
      'other',
    ],
    [{ min_version: null }, 'Spotify – Android – ES: min OS 8.0 → none', 'min OS 8.0 → none on 24 Nov', 'other'],
    [
      { expiration_date: null },
      'Spotify – Android – ES: expiry 31 Dec → none',
      'expiry 31 Dec → none on 24 Nov',
      'other',
    ],
    [
      { payout: { amount: 1.2, type: 'CPI' } },
      'Spotify – Android – ES: $1.20 CPA → $1.20 CPI',
      'payout $1.20 CPA → $1.20 CPI on 24 Nov',
      'other',
    ],
    [{ payout: null }, 'Spotify – Android – ES: $1.20 CPA → none', 'payout $1.20 CPA → none on 24 Nov', 'payout-down'],
    [
      { payout: { amount: 1.5, currency: 'EUR' } },
      'Spotify – Android – ES: $1.20 → €1.50',
      'payout $1.20 → €1.50 on 24 Nov',
      'other',
    ],
  ])('%j reads "%s"', (patch, row, line, group) => {
    const said = words(patch);
    expect({ row: said.row, line: said.line, group: said.group }).toEqual({ row, line, group });
    // Under the offer's name in the Changes view, the change alone.
    expect(`${row.slice(0, row.indexOf(': '))}: ${said.under}`).toBe(row);
  });

  it('says new and gone offers, with the payout and when a gone offer was last seen', () => {
    expect(words({}, null)).toEqual({
      row: 'New: Spotify – Android – ES — $1.20 CPA',
      line: 'first seen 24 Nov',
      group: 'new',
      under: 'new offer, $1.20 CPA',
    });
    expect(words(null)).toEqual({
      row: 'Gone: Spotify – Android – ES (last seen today 09:30)',
      line: 'gone on 24 Nov',
      group: 'gone',
      under: 'gone, last seen today 09:30',
    });
    expect(words(null, base, Date.UTC(2026, 10, 20, 9, 30)).row).toBe(
      'Gone: Spotify – Android – ES (last seen 20 Nov 09:30)',
    );
  });

  it('says a payout that appears, and a new offer without one', () => {
    expect(words({}, { ...base, payout: null })).toEqual({
      row: 'Spotify – Android – ES: now $1.20 CPA',
      line: 'payout now $1.20 CPA on 24 Nov',
      group: 'payout-up',
      under: 'now $1.20 CPA',
    });
    expect(changeText({ kind: 'new', before: null, after: null })).toBe('new, —');
  });

  it('titles a notification with the reason and the offer, and says the change', () => {
    const before = parseFeed({ message: true, offers: [base] }).offers;
    const after = parseFeed({ message: true, offers: [{ ...base, payout: { amount: 0.9 } }] }).offers;
    const [record] = toRecords(diffOffers(before, after), after, AT, AT);
    expect(record && alertText(record, 'Payout dropped')).toEqual({
      title: 'Payout dropped: Spotify – Android – ES',
      message: '$1.20 → $0.90, \u221225\u202f%',
    });
  });

  it('says when, so two refreshes read apart: today, yesterday, a date, another year', () => {
    expect(formatWhen(Date.UTC(2026, 10, 24, 9, 30), NOW)).toBe('Today 09:30');
    expect(formatWhen(Date.UTC(2026, 10, 24, 9, 35), NOW)).toBe('Today 09:35');
    expect(formatWhen(Date.UTC(2026, 10, 23, 18, 5), NOW)).toBe('Yesterday 18:05');
    expect(formatWhen(Date.UTC(2026, 10, 23, 18, 5), NOW, true)).toBe('yesterday 18:05');
    expect(formatWhen(Date.UTC(2026, 10, 3, 14, 20), NOW)).toBe('3 Nov 14:20');
    expect(formatWhen(Date.UTC(2025, 11, 31, 23, 59), NOW)).toBe('31 Dec 2025 23:59');
    // Yesterday across a month's end.
    expect(formatWhen(Date.UTC(2026, 10, 30, 8, 0), Date.UTC(2026, 11, 1, 7, 0))).toBe('Yesterday 08:00');
  });
});

describe('payout changes in percent', () => {
  const usd = (amount: number, type = 'CPA') => ({ amount, currency: 'USD', type });

  it('say how much the payout moved, with a real minus sign and a space that does not break', () => {
    const text = (before: number | null, after: number | null) =>
      changeText({
        kind: 'payout',
        before: before === null ? null : usd(before),
        after: after === null ? null : usd(after),
      });
    expect(text(2, 1.5)).toBe('$2.00 → $1.50, \u221225\u202f%');
    expect(text(1.5, 2)).toBe('$1.50 → $2.00, +33\u202f%');
    expect(text(2, 4)).toBe('$2.00 → $4.00, +100\u202f%');
    expect(text(100, 99.6)).toBe('$100.00 → $99.60, \u22120.4\u202f%');
    expect(text(200, 199.99)).toBe('$200.00 → $199.99, \u2212<0.1\u202f%');
  });

  it('say no percentage when the old payout was 0 or missing, or the currency changed', () => {
    expect(changeText({ kind: 'payout', before: usd(0), after: usd(1) })).toBe('$0.00 → $1.00');
    expect(changeText({ kind: 'payout', before: null, after: usd(1) })).toBe('now $1.00 CPA');
    expect(changeText({ kind: 'payout', before: usd(1), after: null })).toBe('$1.00 CPA → none');
    const euros = { amount: 1.5, currency: 'EUR', type: 'CPA' };
    expect(changeText({ kind: 'payout', before: usd(2), after: euros })).toBe('$2.00 → €1.50');
    expect(payoutPercent(usd(2), euros)).toBeNull();
    expect(payoutPercent(usd(0), usd(1))).toBeNull();
  });

  it('say the type only when it changed, the percentage still when the amount moved too', () => {
    expect(changeText({ kind: 'payout', before: usd(2), after: usd(2, 'CPI') })).toBe('$2.00 CPA → $2.00 CPI');
    expect(changeText({ kind: 'payout', before: usd(2), after: usd(1, 'CPI') })).toBe(
      '$2.00 CPA → $1.00 CPI, \u221250\u202f%',
    );
  });

  it('round to whole percents, one decimal under 1 %', () => {
    expect([-25, 20.83, 0.96, 0.44, -0.04].map(formatPercent)).toEqual([
      '\u221225\u202f%',
      '+21\u202f%',
      '+1\u202f%',
      '+0.4\u202f%',
      '\u2212<0.1\u202f%',
    ]);
  });
});
