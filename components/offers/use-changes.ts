import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { changeFilter } from '../../lib/changes/filter';
import { CHANGE_GROUPS, type ChangeGroup, type ChangeRecord, LOG_MAX_CHANGES } from '../../lib/changes/log';
import { sendMessage } from '../../lib/messaging/client';
import type { SearchState } from '../../lib/search/query';
import { database } from '../../lib/storage/database';
import { useAsyncEffect } from '../use-async-effect';

/** How many changes the view reads at once (the log can hold 50,000). */
const PAGE = 400;

export interface ChangesState {
  /** Unseen changes by group, for the tab's count and the group headers. */
  unseen: Record<ChangeGroup, number> | null;
  unseenTotal: number;
  /** The changes shown: the unseen ones, or (when there are none) the latest seen ones. */
  changes: ChangeRecord[];
  showingEarlier: boolean;
  loading: boolean;
}

/**
 * The Changes view's data, read from the change log in IndexedDB (no background involved):
 * what changed since the publisher last looked, newest first, filtered like the offer list.
 */
export function useChanges(search: SearchState | null, active: boolean, snapshotAt: number | null) {
  const [state, setState] = useState<ChangesState>({
    unseen: null,
    unseenTotal: 0,
    changes: [],
    showingEarlier: false,
    loading: true,
  });
  const seen = useRef(0);
  const reported = useRef(false);

  const reload = useCallback(async () => {
    seen.current = await database.changes.loadSeenId();
    const unseen = await database.changes.countByGroup(seen.current);
    const unseenTotal = CHANGE_GROUPS.reduce((sum, group) => sum + unseen[group], 0);
    setState((current) => ({ ...current, unseen, unseenTotal }));
  }, []);

  // The counts for the tab label, once the snapshot is known and again whenever a refresh brings a new one.
  useEffect(() => {
    if (snapshotAt !== null) void reload();
  }, [reload, snapshotAt]);

  useAsyncEffect(
    () => {
      if (!active || !search || state.unseen === null) return undefined;
      const earlier = state.unseenTotal === 0;
      const keep = changeFilter(search);
      return database.changes
        .load({ after: earlier ? 0 : seen.current, limit: PAGE, keep })
        .then((changes) => ({ changes, earlier }));
    },
    ({ changes, earlier }) => setState((current) => ({ ...current, changes, showingEarlier: earlier, loading: false })),
    [active, search, state.unseen, state.unseenTotal],
  );

  // Opening the view is seeing the toolbar's count of watched changes. Told once the view has
  // painted: the message may wake the background, which should not compete with the first paint.
  useEffect(() => {
    if (!active || state.loading || reported.current) return;
    reported.current = true;
    void sendMessage('changesViewed', {}).catch(() => undefined);
  }, [active, state.loading]);

  return {
    ...state,
    /** Every change the view lists with these filters (not only the first page), for export. */
    all: () =>
      search
        ? database.changes.load({
            after: state.showingEarlier ? 0 : seen.current,
            limit: LOG_MAX_CHANGES,
            keep: changeFilter(search),
          })
        : Promise.resolve([]),
    async markAllSeen() {
      const upTo = await database.changes.latestId();
      await sendMessage('markChangesSeen', { upTo });
      await reload();
    },
  };
}
