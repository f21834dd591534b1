import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatCaps, formatExpiry, formatGeos, formatPayout, formatPlatform } from '../../lib/format';
import type { LinkCheckAnswer } from '../../lib/link-check';
import { isExpired, isExpiringSoon } from '../../lib/offer';
import type { PageOffer, PageOffers } from '../../lib/store-page';
import { safeHttpUrl } from '../../lib/url';
import { QrCode } from '../QrCode';
import { subIdWarning } from '../SubIdWarning';
import { trustedClick } from '../trusted-click';
import { useCopy } from '../use-copy';
import { SealedText } from './SealedText';

interface Props {
  page: PageOffers;
  now: number;
  onCopy: (link: string) => Promise<void>;
  /** Open the tracking link in a new tab, from the extension's side (never an `<a href>` the page can edit). */
  onOpen: (link: string) => void;
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
  onOpen,
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
  // Every action runs on the publisher's own clicks only, whatever reaches this DOM: the link
  // each one uses is the one in this closure, never one read back from the page.
  const offer = page.offers[chosen] ?? page.offers[0];
  const link = offer ? safeHttpUrl(offer.trackingLink) : null;
  const copyClick = useMemo(() => trustedClick(() => void copy(link), 0), [link]);
  const openLink = useMemo(() => trustedClick(() => link && onOpen(link)), [link, onOpen]);
  const dismissClick = useMemo(() => trustedClick(() => onDismiss(), 0), [onDismiss]);
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
  if (!offer) return null;

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
          <SealedText text={offer.watched ? '★' : '☆'} />
        </button>
        <SealedText class="payout" text={formatPayout(offer.payout)} />
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
          onClick={dismissClick}
        >
          ×
        </button>
      </div>
      <div class="name" title={offer.name}>
        <SealedText text={offer.name} />
      </div>
      <div class="meta">
        <SealedText
          text={[formatPlatform(offer.platform), page.offers.length > 1 ? `${page.offers.length} offers` : '']
            .filter(Boolean)
            .join(' · ')}
        />
        {offer.news && <SealedText class={`news ${offer.news.tone}`} text={` · ${offer.news.text}`} />}
      </div>
      {offer.watched && !page.notificationsAllowed && (
        <p class="muted watch-note">
          <SealedText text="Watching. To be warned by a notification, allow notifications in Offer Lens's settings." />
        </p>
      )}

      {expanded && (
        <div class="more">
          <dl>
            <dt>Caps</dt>
            <dd>
              <SealedText text={formatCaps(offer.caps)} />
            </dd>
            {offer.minVersion && (
              <>
                <dt>Min OS</dt>
                <dd>
                  <SealedText text={offer.minVersion} />
                </dd>
              </>
            )}
            <dt>Countries</dt>
            <dd>
              <SealedText text={formatGeos(offer.geos, 10)} />
            </dd>
            {offer.expiresAt !== null && (
              <>
                <dt>Expiry</dt>
                <dd class={isExpired(offer, now) ? 'bad' : isExpiringSoon(offer, now) ? 'warn' : ''}>
                  <SealedText text={formatExpiry(offer.expiresAt, now)} />
                </dd>
              </>
            )}
          </dl>
          <button
            type="button"
            class={`watch-app${page.appWatched ? ' on' : ''}`}
            aria-pressed={page.appWatched}
            aria-label="Watch this app (and its new offers)"
            data-watch="app"
            data-on={String(!page.appWatched)}
            onClick={watchClick}
          >
            <SealedText text={page.appWatched ? '★ Watching this app' : 'Watch this app (and its new offers)'} />
          </button>
          {page.offers.length > 1 && (
            <ul class="others" aria-label="Offers for this app">
              {page.offers.map((o, i) => (
                <li key={o.id}>
                  <button
                    type="button"
                    class={i === chosen ? 'other chosen' : 'other'}
                    aria-pressed={i === chosen}
                    aria-label={`${formatPayout(o.payout)} ${o.name}`}
                    onClick={() => {
                      setChosen(i);
                      reset();
                    }}
                  >
                    <SealedText text={formatPayout(o.payout)} /> <SealedText class="other-name" text={o.name} />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}

      <SubIdBanner text={subIdWarning(offer.subIdStatus, page.subId, offer.acceptedSubIds)} />

      <div class="actions">
        <button ref={copyButton} type="button" class="primary" onClick={copyClick} disabled={!link}>
          {copied === 'copied' ? <SealedText text="✓ Copied" /> : 'Copy tracking link'}
        </button>
        {link && (
          <button type="button" onClick={openLink}>
            Open
          </button>
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
          <SealedText
            text={
              cue.kind === 'copied' ? `✓ Copied the link of ${cue.name}` : `Press Enter to copy the link of ${cue.name}`
            }
          />
        </p>
      )}
      {link && (
        <p class="link-host muted">
          <SealedText text={`Link goes to ${offer.linkHost}`} />
        </p>
      )}
      <span class="sr-only" role="status">
        {copied === 'copied' ? 'Tracking link copied' : copied === 'failed' ? 'Could not copy the link' : ''}
      </span>
      {copied === 'failed' && <p class="bad">Could not copy: use Open and copy the address.</p>}
      {showQr && link && <QrCode text={link} size={132} label="QR code of the tracking link" />}
    </section>
  );
}

/** The sub-ID warning of the shared component, sealed: it names the publisher's sub ID. */
function SubIdBanner({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <p class="banner warn" role="alert">
      <SealedText text={`⚠ ${text}`} />
    </p>
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
      <SealedText
        text={`${text} · ${result.hops.length} ${result.hops.length === 1 ? 'hop' : 'hops'} · ${(result.ms / 1000).toFixed(1)} s as an ${result.phoneLabel}`}
      />
    </p>
  );
}

function CountryFit({ offer, country }: { offer: PageOffer; country: string | null }) {
  if (!country || offer.fitsCountry === null) return <SealedText class="fit muted" text={formatGeos(offer.geos, 3)} />;
  if (offer.fitsCountry) return <SealedText class="fit ok" text={`✓ ${country}`} />;
  return <SealedText class="fit bad" text={`✗ not in ${country} — accepts ${formatGeos(offer.geos, 3)}`} />;
}
