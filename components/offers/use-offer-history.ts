import { useState } from 'preact/hooks';
import { timelineLine } from '../../lib/changes/describe';
import type { ChangeRecord } from '../../lib/changes/log';
import { formatDay } from '../../lib/format';
import { t } from '../../lib/i18n';
import { database } from '../../lib/storage/database';
import { useAsyncEffect } from '../use-async-effect';

/** An offer's timeline from the change log, oldest first: "first seen 12 Oct", "payout $1.20 → $1.45 on 3 Nov"… */
export function useOfferHistory(offerId: string, now: number): string[] | null {
  const [lines, setLines] = useState<string[] | null>(null);
  useAsyncEffect(
    () =>
      Promise.all([database.changes.forOffer(offerId), database.changes.loadStartedAt()]).then(([changes, startedAt]) =>
        timeline(changes, startedAt, now),
      ),
    setLines,
    [offerId, now],
  );
  return lines;
}

function timeline(changes: ChangeRecord[], startedAt: number | null, now: number): string[] {
  const lines = changes.map((change) => timelineLine(change, now));
  // Offers already in the first snapshot have no "new": they were seen from then on.
  if (changes[0]?.kind !== 'new' && startedAt !== null)
    lines.unshift(t('offersHistorySeenSince', { day: formatDay(startedAt, now) }));
  // Oldest first, as a story; a long story keeps its first line and its latest.
  return lines.length > 8 ? [lines[0] as string, '…', ...lines.slice(-6)] : lines;
}
