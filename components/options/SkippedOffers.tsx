import type { RejectedOffer } from '../../lib/feed';
import { skipReasonText } from '../../lib/feed';
import { countText } from '../../lib/format';

/** "M offers skipped", with the reasons one click away. */
export function SkippedOffers({ count, first }: { count: number; first: RejectedOffer[] }) {
  const more = count - first.length;
  return (
    <details class="skipped">
      <summary>{countText(count)} skipped</summary>
      <ul>
        {first.map((r) => (
          <li key={r.index}>
            Offer #{r.index + 1}
            {r.id ? ` (id ${r.id})` : ''}: {skipReasonText(r.reason)}
          </li>
        ))}
        {more > 0 && <li class="muted">…and {more.toLocaleString('en-US')} more</li>}
      </ul>
    </details>
  );
}
