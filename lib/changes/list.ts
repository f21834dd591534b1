import { messageTable } from '../i18n/lazy';
import { compareText } from '../offer';
import { CHANGE_GROUPS, type ChangeGroup, type ChangeRecord, GROUP_MESSAGES } from './log';
import { offerKey } from './net';

/** The Changes view's sections: the watched offers' and apps' changes first, then each group. */
export type ChangeSection = 'watched' | ChangeGroup;

export const SECTION_LABELS: Readonly<Record<ChangeSection, string>> = messageTable({
  watched: 'changeSectionWatched',
  ...GROUP_MESSAGES,
});

export type ChangeListRow =
  | { type: 'header'; section: ChangeSection; count: number }
  | { type: 'change'; change: ChangeRecord; watched: boolean };

/**
 * The changes shown, in the view's order: those of watched offers and apps first (by group),
 * then the others by group (New, Gone, Payout up…); newest first within each, then by name.
 * Each section's header counts the changes under it, so the counts are of what is shown.
 */
export function changeListRows(changes: readonly ChangeRecord[], isWatched: (change: ChangeRecord) => boolean) {
  const sorted = changes.slice().sort(inGroupOrder);
  const watched: ChangeRecord[] = [];
  const byGroup = new Map<ChangeGroup, ChangeRecord[]>();
  for (const change of sorted) {
    if (isWatched(change)) {
      watched.push(change);
      continue;
    }
    const group = byGroup.get(change.group);
    if (group) group.push(change);
    else byGroup.set(change.group, [change]);
  }
  const rows: ChangeListRow[] = [];
  const section = (name: ChangeSection, list: ChangeRecord[], isWatchedSection: boolean) => {
    if (list.length === 0) return;
    rows.push({ type: 'header', section: name, count: list.length });
    for (const change of list) rows.push({ type: 'change', change, watched: isWatchedSection });
  };
  section('watched', watched, true);
  for (const group of CHANGE_GROUPS) section(group, byGroup.get(group) ?? [], false);
  return rows;
}

/** The changes of a list of rows, in their order (what an export of the view holds). */
export function changesOf(rows: readonly ChangeListRow[]): ChangeRecord[] {
  const changes: ChangeRecord[] = [];
  for (const row of rows) if (row.type === 'change') changes.push(row.change);
  return changes;
}

/** A row's key for the list: one per offer and kind of change. */
export function rowKey(row: ChangeListRow): string {
  return row.type === 'header' ? `h-${row.section}` : `c-${offerKey(row.change)}|${row.change.kind}`;
}

const GROUP_RANK = new Map<ChangeGroup, number>(CHANGE_GROUPS.map((group, i) => [group, i]));

function inGroupOrder(a: ChangeRecord, b: ChangeRecord): number {
  return (
    (GROUP_RANK.get(a.group) ?? 0) - (GROUP_RANK.get(b.group) ?? 0) ||
    b.at - a.at ||
    compareText(a.name, b.name) ||
    compareText(offerKey(a), offerKey(b)) ||
    compareText(a.kind, b.kind)
  );
}
