import { formatGeos, formatPlatform } from '../../lib/format';
import { t, tp } from '../../lib/i18n';
import type { TabOffer } from '../../lib/storage/items';
import { parseStoreUrl, storeKey, storeKeyLabel } from '../../lib/store-url';
import { payoutText } from '../../lib/surfaces/offer-facts';
import type { OfferFacts } from './use-offer-facts';

interface Props {
  url: string;
  offers: TabOffer[];
  facts: OfferFacts;
  onOpen: (offer: TabOffer) => void;
  onCopy: (offer: TabOffer) => void;
  /** Every offer of the page's app, by its store key. */
  onShowAll: (appKey: string) => void;
}

/** How many of the page's offers the panel's top shows (the rest: "Show all"). */
const SHOWN = 5;

/**
 * The side panel's top while the tab beside it is a store app page: that app's offers first,
 * each one click from its tracking link.
 */
export function OnThisPage({ url, offers, facts, onOpen, onCopy, onShowAll }: Props) {
  const app = parseStoreUrl(url);
  if (!app) return null;
  const appKey = storeKey(app);
  return (
    <section class="on-page" aria-labelledby="on-page-title">
      <h2 id="on-page-title">
        {t('offersOnThisPage')} <span class="muted">· {storeKeyLabel(appKey)}</span>
      </h2>
      {offers.length === 0 ? (
        <p class="muted">{t('offersNoAppOffers')}</p>
      ) : (
        <ul>
          {offers.slice(0, SHOWN).map((offer) => {
            const network = facts.networks.isMixed ? offer.network : '';
            const about = [network, formatPlatform(offer.platform), formatGeos(offer.geos, 3)]
              .filter(Boolean)
              .join(' · ');
            return (
              <li key={offer.id} class="on-page-offer">
                <button type="button" class="open" title={offer.name} onClick={() => onOpen(offer)}>
                  <span class="name">{offer.name}</span>
                  <span class="muted about" title={about}>
                    {about}
                  </span>
                </button>
                <span class="payout-cell">
                  <span class="payout">{payoutText(offer.payout, facts.displayCurrency, facts.rates).paid}</span>
                  {offer.equivalent && <span class="equivalent">{offer.equivalent}</span>}
                </span>
                <button
                  type="button"
                  class="btn"
                  aria-label={t('offersCopyLinkOf', { name: offer.name })}
                  onClick={() => onCopy(offer)}
                >
                  {t('offersCopyLink')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {offers.length > SHOWN && (
        <button type="button" class="btn link" onClick={() => onShowAll(appKey)}>
          {tp('offersAllAppOffers', offers.length)}
        </button>
      )}
    </section>
  );
}
