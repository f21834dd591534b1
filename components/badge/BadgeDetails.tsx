import { formatCaps, formatExpiry, formatGeos, formatPlatform } from '../../lib/format';
import type { LinkCheckAnswer } from '../../lib/link-check';
import { isExpired, isExpiringSoon } from '../../lib/offer';
import type { PageOffer, PageOffers } from '../../lib/store-page';
import { amountText, isMultiNetwork } from '../../lib/store-page';
import { QrCode } from '../QrCode';
import { subIdWarning } from '../SubIdWarning';
import { classList } from './class-list';
import { SealedText } from './SealedText';
import { say, WORDS } from './words';

/** A link check of one offer: running (no answer yet) or answered. */
export interface CheckState {
  offerId: string;
  answer: LinkCheckAnswer | null;
}

/** Click handlers the badge has already made trusted-only (components/trusted-click.ts). */
export interface DetailActions {
  open(event: Event): void;
  openPopup(event: Event): void;
  openSidePanel(event: Event): void;
  checkLink?: (event: Event) => void;
  watchOffer(event: Event): void;
  watchApp(event: Event): void;
}

interface Props {
  id: string;
  page: PageOffers;
  offer: PageOffer;
  chosen: number;
  now: number;
  link: string | null;
  showQr: boolean;
  check: CheckState | null;
  actions: DetailActions;
  onChoose(index: number): void;
  onToggleQr(): void;
}

/** The badge opened: the offer's facts, the app's other offers, and every action on two rows. */
export function BadgeDetails({
  id,
  page,
  offer,
  chosen,
  now,
  link,
  showQr,
  check,
  actions,
  onChoose,
  onToggleQr,
}: Props) {
  // Offers of several networks: each says which.
  const named = isMultiNetwork(page);
  const checking = check?.offerId === offer.id && check.answer === null;
  const warning = subIdWarning(offer.subIdStatus, page.subId, offer.acceptedSubIds);
  const facts = [formatPlatform(offer.platform), page.offers.length > 1 ? say.offerCount(page.offers.length) : '']
    .filter(Boolean)
    .join(' · ');
  return (
    <div class="details" id={id}>
      <div class="meta">
        <button
          type="button"
          class={classList('icon star', offer.watched && 'on')}
          aria-pressed={offer.watched}
          aria-label={offer.watched ? WORDS.unwatchOffer : WORDS.watchOffer}
          title={offer.watched ? WORDS.watchingOfferTitle : WORDS.watchOffer}
          onClick={actions.watchOffer}
        >
          <SealedText text={offer.watched ? '★' : '☆'} />
        </button>
        <CountryFit offer={offer} country={page.country} />
        <SealedText class="facts" text={facts} />
      </div>
      {offer.news && <SealedText class={classList('news', offer.news.tone)} text={offer.news.text} />}
      {offer.watched && !page.notificationsAllowed && (
        <p class="muted note">
          <SealedText text={WORDS.watchNote} />
        </p>
      )}
      {warning && (
        <p class="banner warn" role="alert">
          <SealedText text={`⚠ ${warning}`} />
        </p>
      )}
      <dl>
        <dt>{WORDS.caps}</dt>
        <dd>
          <SealedText text={formatCaps(offer.caps)} />
        </dd>
        {offer.minVersion && (
          <>
            <dt>{WORDS.minOs}</dt>
            <dd>
              <SealedText text={offer.minVersion} />
            </dd>
          </>
        )}
        <dt>{WORDS.countries}</dt>
        <dd>
          <SealedText text={formatGeos(offer.geos, 10)} />
        </dd>
        {offer.expiresAt !== null && (
          <>
            <dt>{WORDS.expiry}</dt>
            <dd class={isExpired(offer, now) ? 'bad' : isExpiringSoon(offer, now) ? 'warn' : ''}>
              <SealedText text={formatExpiry(offer.expiresAt, now)} />
            </dd>
          </>
        )}
      </dl>
      {page.offers.length > 1 && (
        <ul class="others" aria-label={WORDS.offersOfApp}>
          {page.offers.map((o, i) => {
            const name = named && o.network ? `${o.name} · ${o.network}` : o.name;
            return (
              <li key={o.id}>
                <button
                  type="button"
                  class={i === chosen ? 'other chosen' : 'other'}
                  aria-pressed={i === chosen}
                  aria-label={`${amountText(o, true)} ${name}`}
                  onClick={() => onChoose(i)}
                >
                  <SealedText class="other-payout" text={amountText(o, true)} />
                  <SealedText class="other-name" text={name} />
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <div class="actions">
        <button type="button" onClick={actions.open} disabled={!link} title={WORDS.openTitle}>
          {WORDS.open}
        </button>
        <button type="button" aria-pressed={showQr} onClick={onToggleQr} disabled={!link}>
          {WORDS.qr}
        </button>
        {actions.checkLink && (
          <button type="button" onClick={actions.checkLink} disabled={checking} title={WORDS.checkTitle}>
            {checking ? WORDS.checking : WORDS.checkLink}
          </button>
        )}
        <button type="button" onClick={actions.openPopup}>
          {WORDS.openPopup}
        </button>
        <button type="button" aria-label={WORDS.sidePanelLabel} onClick={actions.openSidePanel}>
          ◧ {WORDS.sidePanel}
        </button>
        <button
          type="button"
          class={page.appWatched ? 'watch-app on' : 'watch-app'}
          aria-pressed={page.appWatched}
          aria-label={WORDS.watchApp}
          title={WORDS.watchApp}
          onClick={actions.watchApp}
        >
          <SealedText text={page.appWatched ? WORDS.watchingAppShort : WORDS.watchAppShort} />
        </button>
      </div>
      {check?.offerId === offer.id && check.answer && <CheckLine answer={check.answer} />}
      {link && (
        <p class="link-host muted">
          <SealedText text={say.linkGoesTo(offer.linkHost)} />
        </p>
      )}
      {showQr && link && <QrCode text={link} size={132} label={WORDS.qrLabel} />}
    </div>
  );
}

/** A check's verdict in one line (the hops are in the popup's detail). */
function CheckLine({ answer }: { answer: LinkCheckAnswer }) {
  if (answer.status === 'needs-permission') return <p class="cue">{WORDS.needsPermission}</p>;
  const result = answer.status === 'checked' ? answer.result : answer.status === 'too-soon' ? answer.last : null;
  if (!result) return <p class="cue">{WORDS.tooSoon}</p>;
  const verdict = result.verdict === 'broken' ? say.broken(result.reason) : result.reason;
  return (
    <p class={classList('cue', result.verdict === 'right-app' ? 'ok' : 'bad')} role="status">
      <SealedText text={say.checkLine(verdict, result.hops.length, result.ms, result.phoneLabel)} />
    </p>
  );
}

function CountryFit({ offer, country }: { offer: PageOffer; country: string | null }) {
  if (!country || offer.fitsCountry === null) return <SealedText class="fit muted" text={formatGeos(offer.geos, 3)} />;
  if (offer.fitsCountry) return <SealedText class="fit ok" text={say.fitsCountry(country)} />;
  return <SealedText class="fit bad" text={say.notInCountryLong(country, formatGeos(offer.geos, 3))} />;
}
