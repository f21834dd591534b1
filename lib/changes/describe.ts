import { formatAmount, formatCaps, formatClock, formatDay, formatPayout, formatPlatform } from '../format';
import type { Caps, Offer, Payout, Platform, SubIds } from '../offer';
import type { ChangeRecord } from './log';

/**
 * Changes in words, the same everywhere: a row of the Changes view ("Spotify – Android – ES:
 * $2.00 → $1.50, −25 %" at "Today 09:30"), a line of an offer's timeline ("payout $2.00 → $1.50,
 * −25 % on 3 Nov"), a notification and an export.
 */

/** What formatCaps writes for an offer without caps. */
const NO_CAP = formatCaps({ daily: 0, monthly: 0 });

/** Every word this module adds around the feed's own text, in one place for the catalogue. */
const WORDS = {
  today: 'Today',
  yesterday: 'Yesterday',
  /** A real minus sign, and a narrow no-break space before "%" so the two never part. */
  minus: '\u2212',
  plus: '+',
  percent: '\u202f%',
} as const;

/**
 * What changed, without the offer's name: "$2.00 → $1.50, −25 %", "US removed, DE added".
 * `percent: false` leaves a payout's percentage out, for a CSV that has it in its own column.
 */
export function changeText(
  change: Pick<ChangeRecord, 'kind' | 'before' | 'after'>,
  options: { percent?: boolean } = {},
): string {
  const { before, after } = change;
  switch (change.kind) {
    case 'new':
      return `new, ${formatPayout((after as Offer | null)?.payout ?? null)}`;
    case 'gone':
      return 'gone';
    case 'payout':
      return payoutText(before as Payout | null, after as Payout | null, options.percent ?? true);
    case 'caps':
      return capsText(before as Caps, after as Caps);
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

/**
 * What changed, as the second line of a Changes row under the offer's name: "$2.00 → $1.50,
 * −25 %", "new offer, $0.90 CPA", "gone, last seen today 09:30".
 */
export function changeLine(change: ChangeRecord, now: number): string {
  if (change.kind === 'gone') return `gone, last seen ${formatWhen(change.previousAt, now, true)}`;
  if (change.kind === 'new') return `new offer, ${formatPayout(change.payout)}`;
  return changeText(change);
}

/** A change in one sentence, with the offer's name (a row's title and accessible name). */
export function changeRow(change: ChangeRecord, now: number): string {
  if (change.kind === 'gone') return `Gone: ${change.name} (last seen ${formatWhen(change.previousAt, now, true)})`;
  if (change.kind === 'new') return `New: ${change.name} — ${formatPayout(change.payout)}`;
  return `${change.name}: ${changeText(change)}`;
}

/**
 * When a refresh was, told apart from the others: "Today 09:30", "Yesterday 18:05", "3 Nov 14:20"
 * ("3 Nov 2025 14:20" in another year), in the publisher's time zone; lower-case "today" /
 * "yesterday" inside a sentence.
 */
export function formatWhen(at: number, now: number, inSentence = false): string {
  const date = new Date(at);
  const today = new Date(now);
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  const clock = formatClock(at);
  const word = (text: string) => (inSentence ? text.toLowerCase() : text);
  if (date.toDateString() === today.toDateString()) return `${word(WORDS.today)} ${clock}`;
  if (date.toDateString() === yesterday.toDateString()) return `${word(WORDS.yesterday)} ${clock}`;
  return `${formatDay(at, now)} ${clock}`;
}

/**
 * How much a payout moved, in percent of the old one; null when that says nothing: no old or
 * new payout, an old payout of 0, or two currencies (their amounts do not compare as numbers).
 */
export function payoutPercent(before: Payout | null, after: Payout | null): number | null {
  if (!before || !after || !(before.amount > 0) || !Number.isFinite(after.amount)) return null;
  if (before.currency.toUpperCase() !== after.currency.toUpperCase()) return null;
  return ((after.amount - before.amount) / before.amount) * 100;
}

/** "−25 %", "+21 %", "−0.4 %": whole percents, one decimal under 1 %, never a bare "0 %". */
export function formatPercent(percent: number): string {
  const size = Math.abs(percent);
  const sign = percent < 0 ? WORDS.minus : WORDS.plus;
  const digits = size >= 0.95 ? String(Math.round(size)) : size >= 0.05 ? size.toFixed(1) : '<0.1';
  return `${sign}${digits}${WORDS.percent}`;
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

/** "$2.00 → $1.50, −25 %"; the type only when it changed ("$1.20 CPA → $1.20 CPI"); "€2.00 → $2.10" across currencies. */
function payoutText(before: Payout | null, after: Payout | null, withPercent: boolean): string {
  if (!before) return `now ${formatPayout(after)}`;
  if (!after) return `${formatPayout(before)} → none`;
  const sameType = before.type === after.type;
  const from = sameType ? formatAmount(before) : formatPayout(before);
  const to = sameType ? formatAmount(after) : formatPayout(after);
  const percent = withPercent ? payoutPercent(before, after) : null;
  return percent === null || percent === 0 ? `${from} → ${to}` : `${from} → ${to}, ${formatPercent(percent)}`;
}

/** "cap 500/day → 250/day", "no cap → 100/day", "cap 100/day → no cap". */
function capsText(before: Caps, after: Caps): string {
  const from = formatCaps(before);
  return `${from === NO_CAP ? from : `cap ${from}`} → ${formatCaps(after)}`;
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
