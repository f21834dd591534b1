import { formatCaps, formatExpiry, formatGeos, formatPayout, formatPlatform } from '../../lib/format';
import { isExpired, isExpiringSoon, type Offer } from '../../lib/offer';

interface Props {
  offer: Offer;
  id: string;
  selected: boolean;
  watched: boolean;
  /** The publisher's sub ID is excluded by this offer, or missing from its include list. */
  subIdWarning: boolean;
  now: number;
  style: string;
  onOpen: () => void;
  onToggleWatch: () => void;
}

/** One result: what decides whether to run it, in two lines. */
export function OfferRow({ offer, id, selected, watched, subIdWarning, now, style, onOpen, onToggleWatch }: Props) {
  const expired = isExpired(offer, now);
  const soon = isExpiringSoon(offer, now);
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: keyboard use goes through the search box (combobox pattern)
    <li
      id={id}
      role="option"
      aria-selected={selected}
      class={`offer-row${selected ? ' selected' : ''}${expired ? ' expired' : ''}`}
      style={style}
      onClick={onOpen}
    >
      <div class="line1">
        {/* Mouse shortcut; the keyboard has Alt+S and the detail's Watch button (no control inside an option). */}
        <span
          class={`star-toggle${watched ? ' on' : ''}`}
          aria-hidden="true"
          title={watched ? 'Stop watching (Alt+S)' : 'Watch (Alt+S)'}
          onClick={(e) => {
            e.stopPropagation();
            onToggleWatch();
          }}
        >
          {watched ? '★' : '☆'}
        </span>
        <span class="name">
          {offer.name}
          {watched && <span class="sr-only"> (watched)</span>}
        </span>
        <span class="payout">{formatPayout(offer.payout)}</span>
      </div>
      <div class="line2">
        {subIdWarning && (
          <span class="soon" title="Your sub ID is not accepted by this offer">
            ⚠ sub ID
          </span>
        )}
        {offer.platform && <span class={`tag ${offer.platform}`}>{formatPlatform(offer.platform)}</span>}
        {offer.minVersion && <span>{offer.minVersion}+</span>}
        <span title={offer.geos.join(', ')}>{formatGeos(offer.geos)}</span>
        <span>{formatCaps(offer.caps)}</span>
        {offer.expiresAt !== null && (expired || soon) && (
          <span class={expired ? 'expired-tag' : 'soon'}>{formatExpiry(offer.expiresAt, now)}</span>
        )}
        {offer.categories.length > 0 && <span class="cats">{offer.categories.join(', ')}</span>}
      </div>
    </li>
  );
}
