import { useMemo, useRef } from 'preact/hooks';
import { ago, changeRow } from '../../lib/changes/describe';
import { CHANGE_GROUPS, type ChangeGroup, type ChangeRecord, GROUP_LABELS } from '../../lib/changes/log';
import { countText } from '../../lib/format';
import type { ChangesState } from './use-changes';
import { useVirtualList } from './use-virtual-list';

const HEADER_HEIGHT = 30;
const ROW_HEIGHT = 44;

export type ChangeListRow =
  | { type: 'header'; group: ChangeGroup; count: number }
  | { type: 'change'; change: ChangeRecord };

/** The changes in the view's order: by group (New, Gone, Payout up…), newest first in each. */
export function changeListRows(
  changes: ChangeRecord[],
  unseen: ChangesState['unseen'],
  earlier: boolean,
): ChangeListRow[] {
  const rows: ChangeListRow[] = [];
  for (const group of CHANGE_GROUPS) {
    const inGroup = changes.filter((c) => c.group === group);
    if (inGroup.length === 0) continue;
    const count = !earlier && unseen && unseen[group] >= inGroup.length ? unseen[group] : inGroup.length;
    rows.push({ type: 'header', group, count });
    for (const change of inGroup) rows.push({ type: 'change', change });
  }
  return rows;
}

interface Props {
  state: ChangesState;
  rows: ChangeListRow[];
  selected: number;
  now: number;
  onOpen: (change: ChangeRecord) => void;
  onSelect: (index: number) => void;
  onMarkAllSeen: () => void;
  /** Lets the search box scroll the list to the selected row. */
  scrollTo: { current: ((index: number) => void) | null };
}

/** Everything that changed since the publisher last looked, grouped, newest first. */
export function ChangesView({ state, rows, selected, now, onOpen, onSelect, onMarkAllSeen, scrollTo }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const itemKey = useMemo(() => (index: number) => keyOf(rows[index], index), [rows]);
  const list = useVirtualList(
    rows.length,
    (index) => (rows[index]?.type === 'header' ? HEADER_HEIGHT : ROW_HEIGHT),
    () => listRef.current,
    itemKey,
  );
  scrollTo.current = list.scrollToIndex;

  if (!state.loading && rows.length === 0) {
    return (
      <div class="empty">
        <p>
          {state.showingEarlier
            ? 'No changes yet: Offer Lens compares every refresh with the one before.'
            : 'No changes match.'}
        </p>
      </div>
    );
  }
  return (
    <>
      <div class="changes-head">
        <span>
          {state.showingEarlier
            ? 'Nothing new since you last looked · earlier changes'
            : `${countText(state.unseenTotal, 'change')} since you last looked`}
        </span>
        {!state.showingEarlier && (
          <button type="button" class="btn link" onClick={onMarkAllSeen}>
            Mark all seen
          </button>
        )}
      </div>
      <ul id="changes" class="results" role="listbox" aria-label="Changes" ref={listRef} tabIndex={-1}>
        <li class="spacer" role="presentation" style={`height:${list.totalSize}px`} />
        {list.items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const style = `transform:translateY(${item.start}px);height:${item.size}px`;
          if (row.type === 'header') {
            return (
              <li key={`h-${row.group}`} class="change-group" role="presentation" style={style}>
                {GROUP_LABELS[row.group]} · {row.count.toLocaleString('en-US')}
              </li>
            );
          }
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard use goes through the search box (combobox pattern)
            <li
              key={`c-${row.change.id}`}
              id={`change-${item.index}`}
              role="option"
              aria-selected={item.index === selected}
              class={`change-row ${row.change.group}${item.index === selected ? ' selected' : ''}`}
              style={style}
              onClick={() => {
                onSelect(item.index);
                onOpen(row.change);
              }}
            >
              <span class="change-text">{changeRow(row.change, now)}</span>
              <span class="muted"> · {ago(row.change.at, now)}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function keyOf(row: ChangeListRow | undefined, index: number): string | number {
  if (!row) return index;
  return row.type === 'header' ? `h-${row.group}` : `c-${row.change.id}`;
}
