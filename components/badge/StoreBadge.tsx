import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatCaps, formatExpiry, formatGeos, formatPayout, formatPlatform } from '../../lib/format';
import type { LinkCheckAnswer } from '../../lib/link-check';
import { isExpired, isExpiringSoon } from '../../lib/offer';
import type { PageOffer, PageOffers } from '../../lib/store-page';
import { safeHttpUrl } from '../../lib/url';
import { QrCode } from '../QrCode';
import { SubIdWarning } from '../SubIdWarning';
import { trustedClick } from '../trusted-click';
import { useCopy } from '../use-copy';

interface Props {
  page: PageOffers;
  now: number;
  onCopy: (link: string) => Promise<void>;
  onDismiss: () => void;
  onOpenPopup: (offerId: string) => void;
  onOpenSidePanel?: () => void;
  /** Follow the offer's link as a phone would (lib/background/link-checks.ts). */
  onCheckLink?: (offerId: string) => Promise<LinkCheckAnswer>;
  /** Watch (or not) an offer of this page's app, or the app itself. */
  onWatch?: (target: { offerId: string } | 'app', on: boolean) => void;
  cue?: BadgeCue;
}

/** What the copy shortcut did: copied the best link, or (no clipboard access) asks for Enter. */
export interface BadgeCue {
  kind: 'copied' | 'press-to-copy';
  name: string;
  at: number;
}

/** The in-page badge: the best offer's payout and a ready link; the rest one click away. */
export function StoreBadge({
  page,
  now,
  onCopy,
  onDismiss,
  onOpenPopup,
  onOpenSidePanel = () => undefined,
  onCheckLink,
  onWatch = () => undefined,
  cue,
}: Props) {
  const [expanded, setExpanded] = useState(false);
  const copyButton = useRef<HTMLButtonElement>(null);
  const [check, setCheck] = useState<{ offerId: string; answer: LinkCheckAnswer | null } | null>(null);
  const checkLink = useMemo(
    () =>
      trustedClick((event: Event) => {
        const offerId = (event.currentTarget as HTMLElement).dataset.offer ?? '';
        if (!onCheckLink) return;
        setCheck({ offerId, answer: null });
        void onCheckLink(offerId).then(
          (answer) => setCheck({ offerId, answer }),
          () => setCheck({ offerId, answer: { status: 'unknown-offer' } }),
        );
      }),
    [onCheckLink],
  );
  const [chosen, setChosen] = useState(0);
  const [showQr, setShowQr] = useState(false);
  const { state: copied, copy, reset } = useCopy(onCopy);
  // Tab-opening actions run on the publisher's own clicks only (the page can reach this DOM).
  const openLink = useMemo(() => trustedClick(() => undefined), []);
  const openPopup = useMemo(
    () => trustedClick((event: Event) => onOpenPopup((event.currentTarget as HTMLElement).dataset.offer ?? '')),
    [onOpenPopup],
  );
  // Watching changes what the publisher is told: only their own clicks count.
  const watchClick = useMemo(
    () =>
      trustedClick((event: Event) => {
        const { watch, offer: id, on } = (event.currentTarget as HTMLElement).dataset;
        onWatch(watch === 'app' ? 'app' : { offerId: id ?? '' }, on === 'true');
      }, 0),
    [onWatch],
  );
  const openSidePanel = useMemo(() => trustedClick(() => onOpenSidePanel()), [onOpenSidePanel]);
  // The shortcut's cue: the best offer chosen, its Copy button focused when a press is needed.
  useEffect(() => {
    if (!cue) return;
    setChosen(0);
    if (cue.kind === 'press-to-copy') copyButton.current?.focus();
  }, [cue?.at]);
  const offer = page.offers[chosen] ?? page.offers[0];
  if (!offer) return null;
  const link = safeHttpUrl(offer.trackingLink);

  return (
    <section class={`badge ${page.corner}`} aria-label="Offer Lens">
      <div class="head">
        <button
          type="button"
          class={`icon star${offer.watched ? ' on' : ''}`}
          aria-pressed={offer.watched}
          aria-label={offer.watched ? 'Stop watching this offer' : 'Watch this offer'}
          title={offer.watched ? 'Watching: you are warned when it changes' : 'Watch this offer'}
          data-watch="offer"
          data-offer={offer.id}
          data-on={String(!offer.watched)}
          onClick={watchClick}
        >
          {offer.watched ? '★' : '☆'}
        </button>
        <span class="payout">{formatPayout(offer.payout)}</span>
        <CountryFit offer={offer} country={page.country} />
        <button
          type="button"
          class="icon"
          aria-expanded={expanded}
          aria-label={expanded ? 'Show less' : 'Show offer details'}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? '▾' : '▸'}
        </button>
        <button
          type="button"
          class="icon"
          aria-label="Dismiss until the offers change"
          title="Dismiss"
          onClick={onDismiss}
        >
          ×
        </button>
      </div>
      <div class="name" title={offer.name}>
        {offer.name}
      </div>
      <div class="meta">
        {[formatPlatform(offer.platform), page.offers.length > 1 ? `${page.offers.length} offers` : '']
          .filter(Boolean)
          .join(' · ')}
        {offer.news && <span class={`news ${offer.news.tone}`}> · {offer.news.text}</span>}
      </div>
      {offer.watched && !page.notificationsAllowed && (
        <p class="muted watch-note">
          Watching. To be warned by a notification, allow notifications in Offer Lens's settings.
        </p>
      )}

      {expanded && (
        <div class="more">
          <dl>
            <dt>Caps</dt>
            <dd>{formatCaps(offer.caps)}</dd>
            {offer.minVersion && (
              <>
                <dt>Min OS</dt>
                <dd>{offer.minVersion}</dd>
              </>
            )}
            <dt>Countries</dt>
            <dd>{formatGeos(offer.geos, 10)}</dd>
            {offer.expiresAt !== null && (
              <>
                <dt>Expiry</dt>
                <dd class={isExpired(offer, now) ? 'bad' : isExpiringSoon(offer, now) ? 'warn' : ''}>
                  {formatExpiry(offer.expiresAt, now)}
                </dd>
              </>
            )}
          </dl>
          <button
            type="button"
            class={`watch-app${page.appWatched ? ' on' : ''}`}
            aria-pressed={page.appWatched}
            data-watch="app"
            data-on={String(!page.appWatched)}
            onClick={watchClick}
          >
            {page.appWatched ? '★ Watching this app' : 'Watch this app (and its new offers)'}
          </button>
          {page.offers.length > 1 && (
            <ul class="others" aria-label="Offers for this app">
              {page.offers.map((o, i) => (
                <li key={o.id}>
                  <button
                    type="button"
                    class={i === chosen ? 'other chosen' : 'other'}
                    aria-pressed={i === chosen}
                    onClick={() => {
                      setChosen(i);
                      reset();
                    }}
                  >
                    <span>{formatPayout(o.payout)}</span> <span class="other-name">{o.name}</span>
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <SubIdWarning status={offer.subIdStatus} subId={page.subId} accepted={offer.acceptedSubIds} />

      <div class="actions">
        <button ref={copyButton} type="button" class="primary" onClick={() => copy(link)} disabled={!link}>
          {copied === 'copied' ? '✓ Copied' : 'Copy tracking link'}
        </button>
        {link && (
          <a class="button" href={link} target="_blank" rel="noopener noreferrer" onClick={openLink}>
            Open
          </a>
        )}
        <button type="button" aria-pressed={showQr} onClick={() => setShowQr(!showQr)} disabled={!link}>
          QR
        </button>
        <button type="button" data-offer={offer.id} onClick={openPopup}>
          Open in popup
        </button>
        <button type="button" aria-label="Open in side panel" title="Open in side panel" onClick={openSidePanel}>
          ◧
        </button>
        {onCheckLink && (
          <button
            type="button"
            data-offer={offer.id}
            onClick={checkLink}
            disabled={check?.offerId === offer.id && check.answer === null}
            title="Follows the link as a phone would: a real click at the network"
          >
            {check?.offerId === offer.id && check.answer === null ? 'Checking…' : 'Check link'}
          </button>
        )}
      </div>
      {check?.offerId === offer.id && check.answer && (
        <div class="check">
          <CheckLine answer={check.answer} />
        </div>
      )}
      {cue && (
        <p class={cue.kind === 'copied' ? 'cue ok' : 'cue'} role="status">
          {cue.kind === 'copied' ? `✓ Copied the link of ${cue.name}` : `Press Enter to copy the link of ${cue.name}`}
        </p>
      )}
      {link && <p class="link-host muted">Link goes to {offer.linkHost}</p>}
      <span class="sr-only" role="status">
        {copied === 'copied' ? 'Tracking link copied' : copied === 'failed' ? 'Could not copy the link' : ''}
      </span>
      {copied === 'failed' && <p class="bad">Could not copy: use Open and copy the address.</p>}
      {showQr && link && <QrCode text={link} size={132} label="QR code of the tracking link" />}
    </section>
  );
}

/** A check's verdict in one line (the hops are in the popup's detail). */
function CheckLine({ answer }: { answer: LinkCheckAnswer }) {
  if (answer.status === 'needs-permission') {
    return <p class="cue">Link checks need your permission: use Check link once in the popup (Open in popup).</p>;
  }
  const result = answer.status === 'checked' ? answer.result : answer.status === 'too-soon' ? answer.last : null;
  if (!result) return <p class="cue">Checked less than a minute ago: try again in a moment.</p>;
  const text = result.verdict === 'broken' ? `Broken: ${result.reason}` : result.reason;
  return (
    <p class={`cue ${result.verdict === 'right-app' ? 'ok' : 'bad'}`} role="status">
      {text} · {result.hops.length} {result.hops.length === 1 ? 'hop' : 'hops'} · {(result.ms / 1000).toFixed(1)} s as
      an {result.phoneLabel}
    </p>
  );
}

function CountryFit({ offer, country }: { offer: PageOffer; country: string | null }) {
  if (!country || offer.fitsCountry === null) return <span class="fit muted">{formatGeos(offer.geos, 3)}</span>;
  if (offer.fitsCountry) return <span class="fit ok">✓ {country}</span>;
  return (
    <span class="fit bad">
      ✗ not in {country} — accepts {formatGeos(offer.geos, 3)}
    </span>
  );
}
