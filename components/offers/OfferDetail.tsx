import { useEffect, useRef } from 'preact/hooks';
import { formatCaps, formatDay, formatExpiry, formatGeos, formatPlatform, plainText } from '../../lib/format';
import { t } from '../../lib/i18n';
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
        <button type="button" class="btn" onClick={onBack} aria-label={t('offersBackToResults')}>
          {t('offersBack')}
        </button>
        <span class="payout-cell big">
          <span class="payout">{payout.paid}</span>
          {payout.equivalent && <span class="equivalent"> {payout.equivalent}</span>}
        </span>
      </div>
      <h2 id="detail-name">{offer.name}</h2>
      {goneAt !== null && (
        <p class="banner warn" role="status">
          {t('offersGoneSince', { day: formatDay(goneAt, now) })}
        </p>
      )}
      <div class="row watch-row">
        <button
          type="button"
          class={watched ? 'btn star on' : 'btn star'}
          aria-pressed={watched}
          onClick={() => watch.toggle({ offerId: offerKey(offer) }, !watch.watchlist?.offers.includes(offerKey(offer)))}
        >
          {watched ? t('offersWatching') : t('offersWatch')}
        </button>
        {offer.store && (
          <button
            type="button"
            class={appWatched ? 'btn on' : 'btn'}
            aria-pressed={appWatched}
            onClick={() => offer.store && watch.toggle({ appKey: storeKey(offer.store) }, !appWatched)}
          >
            {appWatched ? t('offersWatchingApp') : t('offersWatchApp')}
          </button>
        )}
      </div>
      {watch.notice && (
        <p class="banner warn" role="status">
          {watch.notice}
        </p>
      )}
      <dl class="facts">
        <dt>{t('offersFactNetwork')}</dt>
        <dd>{network}</dd>
        <dt>{t('offersFactOfferId')}</dt>
        <dd>{offer.id}</dd>
        <dt>{t('offersFactPlatform')}</dt>
        <dd>
          {formatPlatform(offer.platform) || t('offersFactPlatformUnknown')}
          {offer.minVersion && ` ${offer.minVersion}+`}
        </dd>
        <dt>{t('offersFactCountries')}</dt>
        <dd title={offer.geos.join(', ')}>{formatGeos(offer.geos, 12)}</dd>
        <dt>{t('offersFactCaps')}</dt>
        <dd>{formatCaps(offer.caps)}</dd>
        {offer.expiresAt !== null && (
          <>
            <dt>{t('offersFactExpiry')}</dt>
            <dd class={isExpired(offer, now) ? 'expired-tag' : isExpiringSoon(offer, now) ? 'soon' : ''}>
              {formatExpiry(offer.expiresAt, now)} ({new Date(offer.expiresAt).toISOString().slice(0, 10)})
            </dd>
          </>
        )}
        {offer.categories.length > 0 && (
          <>
            <dt>{t('offersFactCategories')}</dt>
            <dd>{offer.categories.join(', ')}</dd>
          </>
        )}
      </dl>
      {offer.description && <p class="description">{plainText(offer.description)}</p>}
      {history && history.length > 0 && (
        <section class="history" aria-label={t('offersHistory')}>
          <h3>{t('offersHistory')}</h3>
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
            {t('offersStorePage')}
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
        <p class="banner error">{t('offersNoTrackingLink')}</p>
      )}
    </section>
  );
}
