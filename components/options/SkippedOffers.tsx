import type { RejectedOffer } from '../../lib/feed';
import { skipReasonText } from '../../lib/feed';
import { countText, formatInteger } from '../../lib/format';
import { t, tp } from '../../lib/i18n';

/** "M offers skipped", with the reasons one click away. */
export function SkippedOffers({ count, first }: { count: number; first: RejectedOffer[] }) {
  const more = count - first.length;
  return (
    <details class="skipped">
      <summary>{t('optionsSkipped', { offers: countText(count) })}</summary>
      <ul>
        {first.map((r) => (
          <li key={r.index}>{skippedText(r)}</li>
        ))}
        {more > 0 && <li class="muted">{tp('optionsSkippedMore', more)}</li>}
      </ul>
    </details>
  );
}

/** "Offer #3 (id 101): Missing name": its place in the feed (as numbered there), its id if it had one, and why. */
function skippedText(offer: RejectedOffer): string {
  const values = { number: formatInteger(offer.index + 1, false), reason: skipReasonText(offer.reason) };
  return offer.id ? t('optionsSkippedOfferWithId', { ...values, id: offer.id }) : t('optionsSkippedOffer', values);
}
