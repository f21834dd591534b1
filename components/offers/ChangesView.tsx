import { useMemo, useRef } from 'preact/hooks';
import { changeLine, changeRow, formatWhen } from '../../lib/changes/describe';
import { type ChangeListRow, rowKey, SECTION_LABELS } from '../../lib/changes/list';
import type { ChangeRecord } from '../../lib/changes/log';
import { countText } from '../../lib/format';
import type { ChangesState } from './use-changes';
import { useVirtualList } from './use-virtual-list';

export type { ChangeListRow } from '../../lib/changes/list';
export { changeListRows } from '../../lib/changes/list';

const HEADER_HEIGHT = 30;
/** Two lines: the offer's name, then what changed and when (each cut with "…" when longer; the title has all). */
const ROW_HEIGHT = 46;

/** What the view says, in one place for the catalogue. */
const TEXT = {
  noLog: 'No changes yet: Offer Lens compares every refresh with the one before.',
  noneMatch: 'No changes match the search and filters.',
  nothingNet: 'Nothing is different now: what changed has changed back.',
  sinceLook: (count: number) => `${countText(count, 'change')} since you last looked`,
  earlier: (count: number, since: string | null) =>
    `Nothing new since you last looked · earlier: ${countText(count, 'change')}${since ? ` since ${since}` : ''}`,
  hidden: (count: number) => ` · ${count.toLocaleString('en-US')} hidden by filters`,
  markAllSeen: 'Mark all seen',
  reading: 'Reading the changes…',
  watched: 'Watched',
} as const;

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

/** What is different since the publisher last looked, per offer: watched first, then by group, newest first. */
export function ChangesView({ state, rows, selected, now, onOpen, onSelect, onMarkAllSeen, scrollTo }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const itemKey = useMemo(() => (index: number) => (rows[index] ? rowKey(rows[index]) : index), [rows]);
  const list = useVirtualList(
    rows.length,
    (index) => (rows[index]?.type === 'header' ? HEADER_HEIGHT : ROW_HEIGHT),
    () => listRef.current,
    itemKey,
  );
  scrollTo.current = list.scrollToIndex;
  if (state.loading) {
    return (
      <div class="changes-head" aria-live="polite">
        <span>{TEXT.reading}</span>
      </div>
    );
  }

  const shown = rows.reduce((count, row) => count + (row.type === 'change' ? 1 : 0), 0);
  if (state.steps === 0) {
    return (
      <div class="empty">
        <p>{TEXT.noLog}</p>
      </div>
    );
  }
  const since = state.since === null ? null : formatWhen(state.since, now, true);
  return (
    <>
      <div class="changes-head">
        <span>
          {state.showingEarlier ? TEXT.earlier(shown, since) : TEXT.sinceLook(shown)}
          {state.hidden > 0 && <span class="muted">{TEXT.hidden(state.hidden)}</span>}
        </span>
        {!state.showingEarlier && (
          <button type="button" class="btn link" onClick={onMarkAllSeen}>
            {TEXT.markAllSeen}
          </button>
        )}
      </div>
      {shown === 0 && (
        <div class="empty">
          <p>{state.hidden > 0 ? TEXT.noneMatch : TEXT.nothingNet}</p>
        </div>
      )}
      <ul
        id="changes"
        class="results changes"
        role="listbox"
        aria-label="Changes"
        ref={listRef}
        tabIndex={-1}
        hidden={shown === 0}
      >
        <li class="spacer" role="presentation" style={`height:${list.totalSize}px`} />
        {list.items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const style = `transform:translateY(${item.start}px);height:${item.size}px`;
          if (row.type === 'header') {
            return (
              <li key={rowKey(row)} class={`change-group ${row.section}`} role="presentation" style={style}>
                {SECTION_LABELS[row.section]} · {row.count.toLocaleString('en-US')}
              </li>
            );
          }
          const { change, watched } = row;
          const when = formatWhen(change.at, now);
          const sentence = `${changeRow(change, now)} · ${when}`;
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard use goes through the search box (combobox pattern)
            <li
              key={rowKey(row)}
              id={`change-${item.index}`}
              role="option"
              aria-selected={item.index === selected}
              aria-label={watched ? `${TEXT.watched}: ${sentence}` : sentence}
              class={`change-row ${change.group}${watched ? ' watched' : ''}${item.index === selected ? ' selected' : ''}`}
              style={style}
              title={sentence}
              onClick={() => {
                onSelect(item.index);
                onOpen(change);
              }}
            >
              <span class="change-name">
                {watched && (
                  <span class="watched-mark" aria-hidden="true">
                    ★
                  </span>
                )}
                {change.name}
              </span>
              <span class="change-text">{changeLine(change, now)}</span>
              <span class="change-when">{when}</span>
            </li>
          );
        })}
      </ul>
    </>
  );
}
