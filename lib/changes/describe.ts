import {
  formatAmount,
  formatCaps,
  formatClock,
  formatDay,
  formatFixed,
  formatInteger,
  formatPayout,
  formatPlatform,
} from '../format';
import { t } from '../i18n';
import type { Caps, Offer, Payout, Platform, SubIds } from '../offer';
import type { ChangeRecord } from './log';

/**
 * Changes in words, the same everywhere: a row of the Changes view ("Spotify – Android – ES:
 * $2.00 → $1.50, −25 %" at "Today 09:30"), a line of an offer's timeline ("payout $2.00 → $1.50,
 * −25 % on 3 Nov"), a notification and an export. The words are the catalogue's (`change…`).
 */

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
      return t('changeNewWithPayout', { payout: formatPayout((after as Offer | null)?.payout ?? null) });
    case 'gone':
      return t('changeGone');
    case 'payout':
      return payoutText(before as Payout | null, after as Payout | null, options.percent ?? true);
    case 'caps':
      return capsText(before as Caps, after as Caps);
    case 'geos':
      return listChange(before as string[], after as string[]) || t('changeCountriesReordered');
    case 'categories':
      return t('changeCategories', { change: listChange(before as string[], after as string[]) });
    case 'sub-ids': {
      const [b, a] = [before as SubIds, after as SubIds];
      const include = listChange(b.include, a.include);
      const exclude = listChange(b.exclude, a.exclude);
      return [
        include && t('changeSubIdsAccepted', { change: include }),
        exclude && t('changeSubIdsExcluded', { change: exclude }),
      ]
        .filter(Boolean)
        .join('; ');
    }
    case 'platform':
      return t('changePlatform', { from: platformOrUnknown(before), to: platformOrUnknown(after) });
    case 'min-version':
      return t('changeMinVersion', {
        from: (before as string | null) ?? t('changeMinVersionNone'),
        to: (after as string | null) ?? t('changeMinVersionNone'),
      });
    case 'expiry':
      return t('changeExpiry', { from: dayOrNone(before as number | null), to: dayOrNone(after as number | null) });
    case 'name':
      return t('changeRenamed', { name: String(before) });
    case 'description':
      return t('changeDescription');
    case 'tracking-url':
      return t('changeTrackingUrl');
    case 'preview-url':
      return t('changeStorePage');
  }
}

/**
 * What changed, as the second line of a Changes row under the offer's name: "$2.00 → $1.50,
 * −25 %", "new offer, $0.90 CPA", "gone, last seen today 09:30".
 */
export function changeLine(change: ChangeRecord, now: number): string {
  if (change.kind === 'gone') return t('changeLineGone', { when: formatWhen(change.previousAt, now, true) });
  if (change.kind === 'new') return t('changeLineNew', { payout: formatPayout(change.payout) });
  return changeText(change);
}

/** A change in one sentence, with the offer's name (a row's title and accessible name). */
export function changeRow(change: ChangeRecord, now: number): string {
  if (change.kind === 'gone') {
    return t('changeRowGone', { name: change.name, when: formatWhen(change.previousAt, now, true) });
  }
  if (change.kind === 'new') return t('changeRowNew', { name: change.name, payout: formatPayout(change.payout) });
  return t('changeRowChanged', { name: change.name, change: changeText(change) });
}

/**
 * When a refresh was, told apart from the others: "Today 09:30", "Yesterday 18:05", "3 Nov 14:20"
 * ("3 Nov 2025 14:20" in another year), in the publisher's time zone; "today" / "yesterday"
 * inside a sentence (their own messages: not every language lower-cases a word the same way).
 */
export function formatWhen(at: number, now: number, inSentence = false): string {
  const date = new Date(at);
  const today = new Date(now);
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  const time = formatClock(at);
  if (date.toDateString() === today.toDateString()) {
    return t(inSentence ? 'changeWhenTodayInSentence' : 'changeWhenToday', { time });
  }
  if (date.toDateString() === yesterday.toDateString()) {
    return t(inSentence ? 'changeWhenYesterdayInSentence' : 'changeWhenYesterday', { time });
  }
  return t('changeWhenDay', { day: formatDay(at, now), time });
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

/**
 * "−25 %", "+21 %", "−0.4 %": whole percents, one decimal under 1 %, never a bare "0 %". The
 * messages hold the sign (a real minus) and a narrow no-break space before "%", so the two never part.
 */
export function formatPercent(percent: number): string {
  const size = Math.abs(percent);
  const number =
    size >= 0.95
      ? formatInteger(Math.round(size), false)
      : size >= 0.05
        ? formatFixed(size, 1)
        : `<${formatFixed(0.1, 1)}`;
  return t(percent < 0 ? 'changePercentDown' : 'changePercentUp', { number });
}

/** A line of an offer's timeline: "payout $1.20 → $1.45 on 3 Nov", "first seen 12 Oct". */
export function timelineLine(change: ChangeRecord, now: number): string {
  const day = formatDay(change.at, now);
  if (change.kind === 'new') return t('changeTimelineFirstSeen', { day });
  if (change.kind === 'payout') return t('changeTimelinePayout', { change: changeText(change), day });
  return t('changeTimelineOther', { change: changeText(change), day });
}

/** A notification for a watched offer: a title ("Payout dropped: Spotify – Android – ES") and one line. */
export function alertText(change: ChangeRecord, reason: string): { title: string; message: string } {
  return { title: t('changeAlertTitle', { reason, name: change.name }), message: changeText(change) };
}

/** "$2.00 → $1.50, −25 %"; the type only when it changed ("$1.20 CPA → $1.20 CPI"); "€2.00 → $2.10" across currencies. */
function payoutText(before: Payout | null, after: Payout | null, withPercent: boolean): string {
  if (!before) return t('changePayoutNow', { payout: formatPayout(after) });
  if (!after) return t('changePayoutNone', { payout: formatPayout(before) });
  const sameType = before.type === after.type;
  const from = sameType ? formatAmount(before) : formatPayout(before);
  const to = sameType ? formatAmount(after) : formatPayout(after);
  const percent = withPercent ? payoutPercent(before, after) : null;
  return percent === null || percent === 0
    ? t('changePayoutMoved', { from, to })
    : t('changePayoutMovedPercent', { from, to, percent: formatPercent(percent) });
}

/** "cap 500/day → 250/day", "no cap → 100/day", "cap 100/day → no cap". */
function capsText(before: Caps, after: Caps): string {
  const values = { from: formatCaps(before), to: formatCaps(after) };
  const hadCap = before.daily > 0 || before.monthly > 0;
  return hadCap ? t('changeCapsFromCap', values) : t('changeCapsFromNoCap', values);
}

/** "US removed, DE added"; "" when nothing moved. */
function listChange(before: string[], after: string[]): string {
  const removed = before.filter((item) => !after.includes(item)).join(', ');
  const added = after.filter((item) => !before.includes(item)).join(', ');
  if (removed && added) return t('changeListRemovedAdded', { removed, added });
  if (removed) return t('changeListRemoved', { removed });
  if (added) return t('changeListAdded', { added });
  return '';
}

function platformOrUnknown(platform: unknown): string {
  return formatPlatform(platform as Platform | null) || t('changePlatformUnknown');
}

function dayOrNone(at: number | null): string {
  return at === null ? t('changeExpiryNone') : formatDay(at, at);
}
