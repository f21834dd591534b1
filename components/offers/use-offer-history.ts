import { useEffect, useState } from 'preact/hooks';
import { timelineLine } from '../../lib/changes/describe';
import { formatDay } from '../../lib/format';
import { database } from '../../lib/storage/database';

/** An offer's timeline from the change log, oldest first: "first seen 12 Oct", "payout $1.20 → $1.45 on 3 Nov"… */
export function useOfferHistory(offerId: string, now: number): string[] | null {
  const [lines, setLines] = useState<string[] | null>(null);
  useEffect(() => {
    let live = true;
    void Promise.all([database.changes.forOffer(offerId), database.changes.loadStartedAt()]).then(
      ([changes, startedAt]) => {
        if (!live) return;
        const timeline = changes.map((change) => timelineLine(change, now));
        // Offers already in the first snapshot have no "new": they were seen from then on.
        if (changes[0]?.kind !== 'new' && startedAt !== null)
          timeline.unshift(`seen since ${formatDay(startedAt, now)}`);
        // Oldest first, as a story; a long story keeps its first line and its latest.
        setLines(timeline.length > 8 ? [timeline[0] as string, '…', ...timeline.slice(-6)] : timeline);
      },
    );
    return () => {
      live = false;
    };
  }, [offerId, now]);
  return lines;
}
