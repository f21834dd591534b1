import {
  formatAmount,
  formatCaps,
  formatClock,
  formatDay,
  formatDuration,
  formatPayout,
  formatPlatform,
} from '../format';
import type { Caps, Offer, Payout, Platform, SubIds } from '../offer';
import type { ChangeRecord } from './log';

/**
 * Changes in words, the same everywhere: a row of the Changes view ("Spotify – Android – ES:
 * $1.20 → $1.45 CPA · 2 h ago"), a line of an offer's timeline ("payout $1.20 → $1.45 on 3 Nov")
 * and a notification.
 */

/** What changed, without the offer's name: "$1.20 → $1.45 CPA", "US removed, DE added". */
export function changeText(change: Pick<ChangeRecord, 'kind' | 'before' | 'after'>): string {
  const { before, after } = change;
  switch (change.kind) {
    case 'new':
      return `new, ${formatPayout((after as Offer | null)?.payout ?? null)}`;
    case 'gone':
      return 'gone';
    case 'payout':
      return payoutText(before as Payout | null, after as Payout | null);
    case 'caps':
      return `cap ${formatCaps(before as Caps)} → ${formatCaps(after as Caps)}`;
    case 'geos':
      return listChange(before as string[], after as string[], 'countries');
    case 'categories':
      return `categories: ${listChange(before as string[], after as string[], '')}`;
    case 'sub-ids': {
      const [b, a] = [before as SubIds, after as SubIds];
      const parts = [listChange(b.include, a.include, ''), listChange(b.exclude, a.exclude, '')];
      const [include, exclude] = parts;
      return [include && `accepted sub IDs: ${include}`, exclude && `excluded sub IDs: ${exclude}`]
        .filter(Boolean)
        .join('; ');
    }
    case 'platform':
      return `platform ${formatPlatform(before as Platform | null) || 'unknown'} → ${formatPlatform(after as Platform | null) || 'unknown'}`;
    case 'min-version':
      return `min OS ${before ?? 'none'} → ${after ?? 'none'}`;
    case 'expiry':
      return `expiry ${dayOrNone(before as number | null)} → ${dayOrNone(after as number | null)}`;
    case 'name':
      return `renamed from “${before}”`;
    case 'description':
      return 'description (KPIs) changed';
    case 'tracking-url':
      return 'tracking URL changed';
    case 'preview-url':
      return 'store page changed';
  }
}

/** A row of the Changes view. */
export function changeRow(change: ChangeRecord, now: number): string {
  if (change.kind === 'gone') return `Gone: ${change.name} (last seen ${lastSeen(change.previousAt, now)})`;
  if (change.kind === 'new') return `New: ${change.name} — ${formatPayout(change.payout)}`;
  return `${change.name}: ${changeText(change)}`;
}

/** "2 h ago". */
export function ago(at: number, now: number): string {
  return `${formatDuration(Math.max(0, now - at))} ago`;
}

/** A line of an offer's timeline: "payout $1.20 → $1.45 on 3 Nov", "first seen 12 Oct". */
export function timelineLine(change: ChangeRecord, now: number): string {
  const day = formatDay(change.at, now);
  if (change.kind === 'new') return `first seen ${day}`;
  if (change.kind === 'payout') return `payout ${changeText(change)} on ${day}`;
  return `${changeText(change)} on ${day}`;
}

/** A notification for a watched offer: a title and one line. */
export function alertText(change: ChangeRecord, reason: string): { title: string; message: string } {
  return { title: `${reason}: ${change.name}`, message: changeText(change) };
}

function payoutText(before: Payout | null, after: Payout | null): string {
  if (!before) return `now ${formatPayout(after)}`;
  if (!after) return `${formatPayout(before)} → none`;
  const type = before.type === after.type ? ` ${after.type}` : '';
  const from = before.type === after.type ? formatAmount(before) : formatPayout(before);
  const to = before.type === after.type ? formatAmount(after) : formatPayout(after);
  return `${from} → ${to}${type}`;
}

/** "US removed, DE added"; "" when nothing moved. */
function listChange(before: string[], after: string[], noun: string): string {
  const removed = before.filter((item) => !after.includes(item));
  const added = after.filter((item) => !before.includes(item));
  const parts = [
    removed.length ? `${removed.join(', ')} removed` : '',
    added.length ? `${added.join(', ')} added` : '',
  ].filter(Boolean);
  if (parts.length) return parts.join(', ');
  return noun ? `${noun} reordered` : '';
}

function dayOrNone(at: number | null): string {
  return at === null ? 'none' : formatDay(at, at);
}

/** "09:30" today, "3 Nov" before. */
function lastSeen(at: number, now: number): string {
  return new Date(at).toDateString() === new Date(now).toDateString() ? formatClock(at) : formatDay(at, now);
}
