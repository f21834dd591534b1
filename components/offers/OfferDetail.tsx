import { useEffect, useRef } from 'preact/hooks';
import { formatCaps, formatDay, formatExpiry, formatGeos, formatPlatform, plainText } from '../../lib/format';
import { isExpired, isExpiringSoon, type Offer } from '../../lib/offer';
import type { Settings } from '../../lib/settings/defaults';
import { offerKey } from '../../lib/sources';
import { storeKey } from '../../lib/store-url';
import { payoutText } from '../../lib/surfaces/offer-facts';
import { subIdStatus, trackingLinkFor } from '../../lib/tracking-link';
import { safeHttpUrl } from '../../lib/url';
import { SubIdWarning } from '../SubIdWarning';
import type { useWatchlist } from '../use-watchlist';
import { LinkCheck } from './LinkCheck';
import { TrackingLinkBox } from './TrackingLinkBox';
import type { OfferFacts } from './use-offer-facts';
import { useOfferHistory } from './use-offer-history';

interface Props {
  offer: Offer;
  settings: Settings;
  facts: OfferFacts;
  /** The demo world is on show: its links are no one's. */
  isDemo: boolean;
  now: number;
  /** When the feed stopped listing it: the offer is its last known state. */
  goneAt?: number | null;
  watch: ReturnType<typeof useWatchlist>;
  onBack: () => void;
  onCopy: (link: string) => Promise<void>;
  onOpenSettings: () => void;
}

/** An offer in full, with its tracking link ready to copy, open or scan, and its history. */
export function OfferDetail(props: Props) {
  const { offer, settings, facts, now, goneAt = null, watch, onBack } = props;
  const link = safeHttpUrl(trackingLinkFor(offer, settings));
  const store = safeHttpUrl(offer.previewUrl);
  const payout = payoutText(offer.payout, facts.displayCurrency, facts.rates);
  const network = facts.networks.nameOf(offer);
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
        <span class="payout-cell big">
          <span class="payout">{payout.paid}</span>
          {payout.equivalent && <span class="equivalent"> {payout.equivalent}</span>}
        </span>
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
        <dt>Network</dt>
        <dd>{network}</dd>
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
        <>
          <TrackingLinkBox
            link={link}
            settings={settings}
            isDemo={props.isDemo}
            copyRef={copyButton}
            onCopy={props.onCopy}
            onOpenSettings={props.onOpenSettings}
          />
          {goneAt === null && <LinkCheck offerId={offerKey(offer)} />}
        </>
      ) : (
        <p class="banner error">This offer has no usable tracking link.</p>
      )}
    </section>
  );
}
