import { useMemo, useRef } from 'preact/hooks';
import { changeLine, changeRow, formatWhen } from '../../lib/changes/describe';
import { type ChangeListRow, rowKey, SECTION_LABELS } from '../../lib/changes/list';
import type { ChangeRecord } from '../../lib/changes/log';
import { formatNumber, t, tp } from '../../lib/i18n';
import { optionId } from './body';
import type { ChangesState } from './use-changes';
import { useVirtualList } from './use-virtual-list';

export type { ChangeListRow } from '../../lib/changes/list';
export { changeListRows } from '../../lib/changes/list';

const HEADER_HEIGHT = 30;
/** Two lines: the offer's name, then what changed and when (each cut with "…" when longer; the title has all). */
const ROW_HEIGHT = 46;

/** The head's count: what is new since the last look, or (nothing new) the latest changes and since when. */
function headText(shown: number, showingEarlier: boolean, since: string | null): string {
  if (!showingEarlier) return tp('offersChangesSinceLook', shown);
  return since ? tp('offersChangesEarlierSince', shown, { since }) : tp('offersChangesEarlier', shown);
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
        <span>{t('offersChangesReading')}</span>
      </div>
    );
  }

  // Of the whole list: the rows may be its first screen only, until the whole log is read.
  const { shown } = state;
  if (state.steps === 0) {
    return (
      <div class="empty">
        <p>{t('offersChangesNoLog')}</p>
      </div>
    );
  }
  const since = state.since === null ? null : formatWhen(state.since, now, true);
  const spacerStyle = `height:${list.totalSize}px`;
  return (
    <>
      <div class="changes-head">
        <span>
          {headText(shown, state.showingEarlier, since)}
          {state.hidden > 0 && <span class="muted"> · {tp('offersChangesHidden', state.hidden)}</span>}
        </span>
        {!state.showingEarlier && (
          <button type="button" class="btn link" onClick={onMarkAllSeen}>
            {t('offersChangesMarkAllSeen')}
          </button>
        )}
      </div>
      {shown === 0 && (
        <div class="empty">
          <p>{state.hidden > 0 ? t('offersChangesNoneMatch') : t('offersChangesNothingNet')}</p>
        </div>
      )}
      <ul
        id="changes"
        class="results changes"
        role="listbox"
        aria-label={t('offersChangesList')}
        ref={listRef}
        tabIndex={-1}
        hidden={shown === 0}
      >
        <li class="spacer" role="presentation" style={spacerStyle} />
        {list.items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const style = `transform:translateY(${item.start}px);height:${item.size}px`;
          if (row.type === 'header') {
            const groupClass = `change-group ${row.section}`;
            return (
              <li key={rowKey(row)} class={groupClass} role="presentation" style={style}>
                {SECTION_LABELS[row.section]} · {formatNumber(row.count)}
              </li>
            );
          }
          const { change, watched } = row;
          const when = formatWhen(change.at, now);
          const sentence = `${changeRow(change, now)} · ${when}`;
          const rowClass = `change-row ${change.group}${watched ? ' watched' : ''}${item.index === selected ? ' selected' : ''}`;
          return (
            // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard use goes through the search box (combobox pattern)
            <li
              key={rowKey(row)}
              id={optionId('changes', item.index)}
              role="option"
              aria-selected={item.index === selected}
              aria-label={watched ? t('offersChangesWatchedRow', { change: sentence }) : sentence}
              class={rowClass}
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
