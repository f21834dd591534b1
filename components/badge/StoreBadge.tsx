import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { formatGeos } from '../../lib/format';
import type { LinkCheckAnswer } from '../../lib/link-check';
import { amountText, isMultiNetwork, type PageOffers } from '../../lib/store-page';
import { safeHttpUrl } from '../../lib/url';
import { trustedClick } from '../trusted-click';
import { useCopy } from '../use-copy';
import { BadgeDetails, type CheckState } from './BadgeDetails';
import { classList } from './class-list';
import { HiddenToast } from './HiddenToast';
import { SealedText } from './SealedText';
import { say, WORDS } from './words';

interface Props {
  page: PageOffers;
  now: number;
  onCopy: (link: string) => Promise<void>;
  /** Open the tracking link in a new tab, from the extension's side (never an `<a href>` the page can edit). */
  onOpen: (link: string) => void;
  /** Hide the badge on this app until its offers change (the toast with Undo follows). */
  onDismiss: () => void;
  /** Undo the dismissal; resolves once the badge may show again. */
  onUndo?: () => Promise<void>;
  /** The "hidden" toast is over: the badge leaves the page. */
  onHidden?: () => void;
  onOpenPopup: (offerId: string) => void;
  onOpenSidePanel?: () => void;
  /** Follow the offer's link as a phone would (lib/background/link-checks.ts). */
  onCheckLink?: (offerId: string) => Promise<LinkCheckAnswer>;
  /** Watch (or not) an offer of this page's app, or the app itself. */
  onWatch?: (target: { offerId: string } | 'app', on: boolean) => void;
  cue?: BadgeCue;
  /** How long the "hidden" toast stays (tests). */
  toastMs?: number;
}

/** What the copy shortcut did: copied the best link, or (no clipboard access) asks for Enter. */
export interface BadgeCue {
  kind: 'copied' | 'press-to-copy';
  name: string;
  at: number;
}

const DETAILS_ID = 'offer-lens-details';
// Defaults made once: a handler that changed on every render would restart the toast's time.
const NOTHING = () => undefined;
const NOTHING_TO_UNDO = async () => undefined;

/**
 * The in-page badge. Compact by default — the best offer's payout, its name and Copy, on one
 * row in its corner — and opened by its toggle for the facts and every other action.
 */
export function StoreBadge({
  page,
  now,
  onCopy,
  onOpen,
  onDismiss,
  onUndo = NOTHING_TO_UNDO,
  onHidden = NOTHING,
  onOpenPopup,
  onOpenSidePanel = NOTHING,
  onCheckLink,
  onWatch = NOTHING,
  cue,
  toastMs,
}: Props) {
  const [expanded, setExpanded] = useState(false);
  const [hidden, setHidden] = useState<{ byKeyboard: boolean } | null>(null);
  const [chosen, setChosen] = useState(0);
  const [showQr, setShowQr] = useState(false);
  const [check, setCheck] = useState<CheckState | null>(null);
  const copyButton = useRef<HTMLButtonElement>(null);
  const toggleButton = useRef<HTMLButtonElement>(null);
  const { state: copied, copy, reset } = useCopy(onCopy);
  const offer = page.offers[chosen] ?? page.offers[0];
  const offerId = offer?.id ?? '';
  const link = offer ? safeHttpUrl(offer.trackingLink) : null;

  // Every action that copies, opens, hides, watches or checks runs on the publisher's own click
  // only (a page script's are never isTrusted), and uses what this closure holds — never an
  // address or id read back from the page.
  const copyClick = useMemo(() => trustedClick(() => void copy(link), 0), [copy, link]);
  const dismissClick = useMemo(
    () =>
      trustedClick((event: MouseEvent) => {
        // A click from the keyboard (Enter, Space) has no pointer position: detail is 0.
        setHidden({ byKeyboard: event.detail === 0 });
        setExpanded(false);
        onDismiss();
      }, 0),
    [onDismiss],
  );
  const actions = useMemo(
    () => ({
      open: trustedClick(() => link && onOpen(link)),
      openPopup: trustedClick(() => onOpenPopup(offerId)),
      openSidePanel: trustedClick(() => onOpenSidePanel()),
      checkLink:
        onCheckLink &&
        trustedClick(() => {
          setCheck({ offerId, answer: null });
          void onCheckLink(offerId).then(
            (answer) => setCheck({ offerId, answer }),
            () => setCheck({ offerId, answer: { status: 'unknown-offer' } }),
          );
        }),
      watchOffer: trustedClick(() => onWatch({ offerId }, !offer?.watched), 0),
      watchApp: trustedClick(() => onWatch('app', !page.appWatched), 0),
    }),
    [link, offerId, offer?.watched, page.appWatched, onOpen, onOpenPopup, onOpenSidePanel, onCheckLink, onWatch],
  );
  const undo = useMemo(
    () => async () => {
      await onUndo();
      setHidden(null);
    },
    [onUndo],
  );
  // The shortcut's cue: the best offer chosen, its Copy button focused when a press is needed.
  // biome-ignore lint/correctness/useExhaustiveDependencies: each cue once (a new one has a new `at`), not on every render of the same cue
  useEffect(() => {
    if (!cue) return;
    setChosen(0);
    if (cue.kind === 'press-to-copy') copyButton.current?.focus();
  }, [cue?.at]);

  if (hidden) {
    return (
      <HiddenToast corner={page.corner} onUndo={undo} onGone={onHidden} focusUndo={hidden.byKeyboard} ms={toastMs} />
    );
  }
  if (!offer) return null;
  const collapse = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !expanded) return;
    setExpanded(false);
    toggleButton.current?.focus();
  };

  return (
    <section
      class={classList('badge', expanded ? 'expanded' : 'compact', page.corner)}
      aria-label={WORDS.region}
      onKeyDown={collapse}
    >
      <div class="row">
        {/* Compact, the amount only: the name gets the room; opened, the payout type too. */}
        <SealedText class="payout" text={amountText(offer, expanded)} />
        {expanded ? (
          <span class="spacer" />
        ) : (
          <>
            <span class="name" title={offer.network ? `${offer.name} · ${offer.network}` : offer.name}>
              <SealedText text={offer.name} />
              {isMultiNetwork(page) && <SealedText class="network" text={` · ${offer.network}`} />}
            </span>
            <CompactFlags page={page} offer={offer} />
          </>
        )}
        <button
          ref={copyButton}
          type="button"
          class="primary copy"
          aria-label={WORDS.copyLabel}
          title={link ? say.copyTitle(offer.linkHost) : undefined}
          onClick={copyClick}
          disabled={!link}
        >
          {copied === 'copied' ? <SealedText text={WORDS.copied} /> : WORDS.copy}
        </button>
        <button
          ref={toggleButton}
          type="button"
          class="icon toggle"
          aria-expanded={expanded}
          aria-controls={DETAILS_ID}
          aria-label={expanded ? WORDS.collapse : WORDS.expand}
          title={expanded ? WORDS.collapse : WORDS.expand}
          onClick={() => setExpanded(!expanded)}
        >
          {expanded ? '▾' : '▸'}
        </button>
        <button type="button" class="icon" aria-label={WORDS.hide} title={WORDS.hideTitle} onClick={dismissClick}>
          ×
        </button>
      </div>
      {expanded && (
        <p class="name full">
          <SealedText text={offer.name} />
        </p>
      )}
      {expanded && (
        <BadgeDetails
          id={DETAILS_ID}
          page={page}
          offer={offer}
          chosen={chosen}
          now={now}
          link={link}
          showQr={showQr}
          check={check}
          actions={actions}
          onChoose={(index) => {
            setChosen(index);
            reset();
          }}
          onToggleQr={() => setShowQr(!showQr)}
        />
      )}
      {cue && (
        <p class={cue.kind === 'copied' ? 'cue ok' : 'cue'} role="status">
          <SealedText text={cue.kind === 'copied' ? say.copiedCue(cue.name) : say.pressToCopyCue(cue.name)} />
        </p>
      )}
      <span class="sr-only" role="status">
        {copied === 'copied' ? WORDS.copiedStatus : copied === 'failed' ? WORDS.copyFailedStatus : ''}
      </span>
      {copied === 'failed' && <p class="bad">{WORDS.copyFailed}</p>}
    </section>
  );
}

/** The compact row's warnings before a copy: an offer not for the page's country, a sub ID it will not pay. */
function CompactFlags({ page, offer }: { page: PageOffers; offer: PageOffers['offers'][number] }) {
  const misfit = page.country && offer.fitsCountry === false;
  return (
    <>
      {misfit && (
        <span class="flag bad" title={say.notInCountryLong(page.country ?? '', formatGeos(offer.geos, 3))}>
          <SealedText text={say.notInCountry(page.country ?? '')} />
        </span>
      )}
      {offer.subIdStatus !== 'ok' && (
        <span class="flag warn">
          <SealedText text={WORDS.subIdFlag} />
        </span>
      )}
    </>
  );
}
