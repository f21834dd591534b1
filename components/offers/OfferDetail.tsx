import { useEffect, useRef } from 'preact/hooks';
import {
  formatCaps,
  formatDay,
  formatExpiry,
  formatGeos,
  formatPayout,
  formatPlatform,
  plainText,
} from '../../lib/format';
import { isExpired, isExpiringSoon, type Offer } from '../../lib/offer';
import type { Settings } from '../../lib/settings/defaults';
import { offerKey } from '../../lib/sources';
import { storeKey } from '../../lib/store-url';
import { subIdStatus, trackingLinkFor } from '../../lib/tracking-link';
import { linkHost, safeHttpUrl } from '../../lib/url';
import { QrCode } from '../QrCode';
import { SubIdWarning } from '../SubIdWarning';
import { useCopy } from '../use-copy';
import type { useWatchlist } from '../use-watchlist';
import { LinkCheck } from './LinkCheck';
import { useOfferHistory } from './use-offer-history';

interface Props {
  offer: Offer;
  settings: Settings;
  now: number;
  /** When the feed stopped listing it: the offer is its last known state. */
  goneAt?: number | null;
  watch: ReturnType<typeof useWatchlist>;
  onBack: () => void;
  onCopy: (link: string) => Promise<void>;
}

/** An offer in full, with its tracking link ready to copy, open or scan, and its history. */
export function OfferDetail({ offer, settings, now, goneAt = null, watch, onBack, onCopy }: Props) {
  const link = safeHttpUrl(trackingLinkFor(offer, settings));
  const store = safeHttpUrl(offer.previewUrl);
  const { state: copied, copy } = useCopy(onCopy);
  const copyButton = useRef<HTMLButtonElement>(null);
  const history = useOfferHistory(offerKey(offer), now);
  const watched = watch.isOfferWatched(offer);
  const appWatched = watch.isAppWatched(offer);

  useEffect(() => copyButton.current?.focus(), []);

  return (
    <section class="detail" aria-labelledby="detail-name">
      <div class="detail-head">
        <button type="button" class="btn" onClick={onBack} aria-label="Back to results">
          ← Back
        </button>
        <span class="payout big">{formatPayout(offer.payout)}</span>
      </div>
      <h2 id="detail-name">{offer.name}</h2>
      {goneAt !== null && (
        <p class="banner warn" role="status">
          Gone since {formatDay(goneAt, now)}: the feed no longer lists it. This is its last known state.
        </p>
      )}
      <div class="row watch-row">
        <button
          type="button"
          class={`btn star${watched ? ' on' : ''}`}
          aria-pressed={watched}
          onClick={() => watch.toggle({ offerId: offerKey(offer) }, !watch.watchlist?.offers.includes(offerKey(offer)))}
        >
          {watched ? '★ Watching' : '☆ Watch'}
        </button>
        {offer.store && (
          <button
            type="button"
            class={`btn${appWatched ? ' on' : ''}`}
            aria-pressed={appWatched}
            onClick={() => offer.store && watch.toggle({ appKey: storeKey(offer.store) }, !appWatched)}
          >
            {appWatched ? '★ Watching this app' : 'Watch this app'}
          </button>
        )}
      </div>
      {watch.notice && (
        <p class="banner warn" role="status">
          {watch.notice}
        </p>
      )}
      <dl class="facts">
        <dt>Offer id</dt>
        <dd>{offer.id}</dd>
        <dt>Platform</dt>
        <dd>
          {formatPlatform(offer.platform) || 'Unknown'}
          {offer.minVersion && ` ${offer.minVersion}+`}
        </dd>
        <dt>Countries</dt>
        <dd title={offer.geos.join(', ')}>{formatGeos(offer.geos, 12)}</dd>
        <dt>Caps</dt>
        <dd>{formatCaps(offer.caps)}</dd>
        {offer.expiresAt !== null && (
          <>
            <dt>Expiry</dt>
            <dd class={isExpired(offer, now) ? 'expired-tag' : isExpiringSoon(offer, now) ? 'soon' : ''}>
              {formatExpiry(offer.expiresAt, now)} ({new Date(offer.expiresAt).toISOString().slice(0, 10)})
            </dd>
          </>
        )}
        {offer.categories.length > 0 && (
          <>
            <dt>Categories</dt>
            <dd>{offer.categories.join(', ')}</dd>
          </>
        )}
      </dl>
      {offer.description && <p class="description">{plainText(offer.description)}</p>}
      {history && history.length > 0 && (
        <section class="history" aria-label="History">
          <h3>History</h3>
          <ul>
            {history.map((line, i) => (
              <li key={i}>{line}</li>
            ))}
          </ul>
        </section>
      )}
      {store && (
        <p>
          <a href={store} target="_blank" rel="noopener noreferrer">
            Store page ↗
          </a>
        </p>
      )}

      <SubIdWarning
        status={subIdStatus(offer, settings.subId)}
        subId={settings.subId}
        accepted={offer.subIds.include}
      />

      {link ? (
        <div class="link-box">
          <label for="tracking-link">
            Tracking link <span class="muted">→ {linkHost(link)}</span>
          </label>
          <input id="tracking-link" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          <div class="row">
            <button ref={copyButton} type="button" class="btn primary" onClick={() => copy(link)}>
              Copy tracking link
            </button>
            <a class="btn" href={link} target="_blank" rel="noopener noreferrer">
              Open
            </a>
            <span role="status" aria-live="polite" class={copied === 'failed' ? 'problem' : 'copied'}>
              {copied === 'copied'
                ? 'Copied'
                : copied === 'failed'
                  ? 'Could not copy: select the link and copy it'
                  : ''}
            </span>
          </div>
          <QrCode text={link} label="QR code of the tracking link" />
          {goneAt === null && <LinkCheck offerId={offerKey(offer)} />}
        </div>
      ) : (
        <p class="banner error">This offer has no usable tracking link.</p>
      )}
    </section>
  );
}
