import { EARLIER_CHANGES } from '../changes/first-screen';
import { firstScreenOf } from '../changes/first-screen-of';
import { type ChangeRecord, LOG_MAX_CHANGES } from '../changes/log';
import type { Watchlist } from '../changes/watched';
import type { changeLog } from '../storage/change-log';

/**
 * Write the Changes view's first screen for the log and the last look as they are now (after a
 * save that added changes, and after "Mark all seen"), so the view paints at once instead of
 * reading and netting up to 50,000 changes first. `written`: the changes the save just added,
 * with their ids; when they are the whole unseen window they are not read back.
 */
export async function writeChangesFirstScreen(
  log: typeof changeLog,
  watchlist: Watchlist | null,
  written: readonly ChangeRecord[] = [],
): Promise<void> {
  const [seenId, latestId, batches] = await Promise.all([log.loadSeenId(), log.latestId(), log.loadBatches()]);
  const earlier = latestId <= seenId;
  let records: ChangeRecord[];
  if (earlier) {
    records = await log.load({ after: await log.earlierFrom(EARLIER_CHANGES), limit: LOG_MAX_CHANGES });
  } else {
    const last = batches.at(-1);
    const previous = batches.at(-2);
    const justWritten =
      last !== undefined &&
      last.lastId === latestId &&
      (!previous || previous.lastId <= seenId) &&
      written.some((change) => change.id === latestId);
    records = justWritten
      ? written.filter((change) => (change.id as number) > seenId && (change.id as number) >= last.firstId)
      : await log.load({ after: seenId, limit: LOG_MAX_CHANGES });
  }
  await log.saveFirstScreen(firstScreenOf(records, { seenId, latestId, earlier }, watchlist));
}
