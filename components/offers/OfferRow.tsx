import { formatCaps, formatExpiry, formatExpiryDay, formatGeos, formatPlatform } from '../../lib/format';
import { t } from '../../lib/i18n';
import { isExpired, isExpiringSoon, type Offer } from '../../lib/offer';
import type { PayoutText } from '../../lib/surfaces/offer-facts';

interface Props {
  offer: Offer;
  id: string;
  selected: boolean;
  watched: boolean;
  /** The publisher's sub ID is excluded by this offer, or missing from its include list. */
  subIdWarning: boolean;
  payout: PayoutText;
  /** Its network, short and in full; null when only one is on show. */
  network: { label: string; name: string } | null;
  /** The list is sorted by expiry: each row says its expiry date. */
  showExpiry: boolean;
  now: number;
  style: string;
  onOpen: () => void;
  onToggleWatch: () => void;
}

/** One result: what decides whether to run it, in two lines. */
export function OfferRow(props: Props) {
  const { offer, id, selected, watched, payout, network, now } = props;
  const expired = isExpired(offer, now);
  const soon = isExpiringSoon(offer, now);
  const rowClass = `offer-row${selected ? ' selected' : ''}${expired ? ' expired' : ''}${network ? ' has-network' : ''}`;
  const platformClass = `tag ${offer.platform}`;
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard use goes through the search box (combobox pattern)
    <li id={id} role="option" aria-selected={selected} class={rowClass} style={props.style} onClick={props.onOpen}>
      <div class="line1">
        {/* Mouse shortcut; the keyboard has Alt+S and the detail's Watch button (no control inside an option). */}
        <span
          class={watched ? 'star-toggle on' : 'star-toggle'}
          aria-hidden="true"
          title={watched ? t('offersRowUnwatch') : t('offersRowWatch')}
          onClick={(e) => {
            e.stopPropagation();
            props.onToggleWatch();
          }}
        >
          {watched ? '★' : '☆'}
        </span>
        <span class="name" title={offer.name}>
          {offer.name}
          {watched && <span class="sr-only"> {t('offersRowWatched')}</span>}
        </span>
        <span class="payout-cell">
          <span class="payout">{payout.paid}</span>
          {payout.equivalent && <span class="equivalent"> {payout.equivalent}</span>}
        </span>
        {network && (
          <span class="network" title={t('offersRowFromNetwork', { network: network.name })}>
            <span class="dot" aria-hidden="true">
              ·{' '}
            </span>
            {network.label}
          </span>
        )}
      </div>
      <div class="line2">
        {props.subIdWarning && (
          <span class="soon" title={t('offersRowSubIdRefused')}>
            {t('offersRowSubIdTag')}
          </span>
        )}
        {props.showExpiry ? (
          <span class={expired ? 'expired-tag' : soon ? 'soon' : 'expiry'}>
            {formatExpiryDay(offer.expiresAt, now)}
          </span>
        ) : (
          offer.expiresAt !== null &&
          (expired || soon) && (
            <span class={expired ? 'expired-tag' : 'soon'}>{formatExpiry(offer.expiresAt, now)}</span>
          )
        )}
        {offer.platform && <span class={platformClass}>{formatPlatform(offer.platform)}</span>}
        {offer.minVersion && <span>{offer.minVersion}+</span>}
        <span title={offer.geos.join(', ')}>{formatGeos(offer.geos)}</span>
        <span>{formatCaps(offer.caps)}</span>
        {offer.categories.length > 0 && (
          <span class="cats" title={offer.categories.join(', ')}>
            {offer.categories.join(', ')}
          </span>
        )}
      </div>
    </li>
  );
}
