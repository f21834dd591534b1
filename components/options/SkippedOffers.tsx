import type { SnapshotSummary } from '../../lib/snapshot';

/** "M offers skipped", with the reasons one click away. */
export function SkippedOffers({ summary }: { summary: SnapshotSummary }) {
  const more = summary.rejectedCount - summary.rejected.length;
  return (
    <details class="skipped">
      <summary>
        {summary.rejectedCount} offer{summary.rejectedCount === 1 ? '' : 's'} skipped
      </summary>
      <ul>
        {summary.rejected.map((r) => (
          <li key={r.index}>
            Offer #{r.index + 1}
            {r.id ? ` (id ${r.id})` : ''}: {r.reason}
          </li>
        ))}
        {more > 0 && <li class="muted">…and {more} more</li>}
      </ul>
    </details>
  );
}
