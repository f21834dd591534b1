import type { Ref } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import { messageTable } from '../../lib/i18n/lazy';
import type { Settings } from '../../lib/settings/defaults';
import { CLICK_ID_PLACEHOLDER, isClickIdPlaceholder, linkSegments } from '../../lib/tracking-link';
import { linkHost } from '../../lib/url';
import { QrCode } from '../QrCode';
import { useCopy } from '../use-copy';
import { aroundPlaceholder } from './message-parts';

/** What the link box says, each looked up when read. */
const TEXT = messageTable({
  label: 'offersLinkLabel',
  demoLabel: 'offersLinkLabelDemo',
  copy: 'offersLinkCopy',
  open: 'offersLinkOpen',
  copied: 'offersLinkCopied',
  copiedDemo: 'offersLinkCopiedDemo',
  failed: 'offersLinkCopyFailed',
  settings: 'offersSettings',
  qr: 'offersLinkQr',
  clickIdParam: 'offersLinkClickIdParam',
  subIdParam: 'offersLinkSubIdParam',
});

/** Said after a copy whose click ID is no tracker's (the placeholder, or none), around the way to the settings. */
function clickIdWarning(clickId: string): [before: string, after: string] {
  const message = clickId.trim()
    ? t('offersLinkPlaceholderClickId', { placeholder: CLICK_ID_PLACEHOLDER })
    : t('offersLinkNoClickId');
  return aroundPlaceholder(message, 'settings');
}

interface Props {
  /** The built link (http(s) only, checked by the caller). */
  link: string;
  settings: Settings;
  isDemo: boolean;
  copyRef: Ref<HTMLButtonElement>;
  onCopy: (link: string) => Promise<void>;
  onOpenSettings: () => void;
}

/**
 * The offer's tracking link as it will be copied: wrapped over lines, the click-ID and sub-ID
 * parameters marked so the publisher sees what their tracker fills in; Copy, Open and its QR
 * code. A copy whose click ID is still the placeholder says so, with the way to the settings.
 */
export function TrackingLinkBox({ link, settings, isDemo, copyRef, onCopy, onOpenSettings }: Props) {
  const { state: copied, copy } = useCopy(onCopy);
  const segments = useMemo(() => linkSegments(link, settings), [link, settings]);
  const warning = isClickIdPlaceholder(settings.clickId) ? clickIdWarning(settings.clickId) : null;
  const status = useRef<HTMLParagraphElement>(null);
  // In a short popup the line under Copy may be below the fold: what the copy did is shown.
  useEffect(() => {
    if (copied !== 'idle') status.current?.scrollIntoView?.({ block: 'nearest' });
  }, [copied]);
  return (
    <div class="link-box">
      <div class="link-label">
        {isDemo ? TEXT.demoLabel : TEXT.label} <span class="muted">→ {linkHost(link)}</span>
      </div>
      <p id="tracking-link" class="link-text">
        {segments.map((segment, i) =>
          segment.param ? (
            <mark
              key={i}
              class={segment.param}
              title={segment.param === 'click-id' ? TEXT.clickIdParam : TEXT.subIdParam}
            >
              {segment.text}
            </mark>
          ) : (
            segment.text
          ),
        )}
      </p>
      <div class="row">
        <button ref={copyRef} type="button" class="btn primary" onClick={() => copy(link)}>
          {TEXT.copy}
        </button>
        <a class="btn" href={link} target="_blank" rel="noopener noreferrer">
          {TEXT.open}
        </a>
      </div>
      <p
        ref={status}
        role="status"
        aria-live="polite"
        class={copied === 'failed' ? 'copy-status problem' : 'copy-status'}
      >
        {copied === 'failed' && TEXT.failed}
        {copied === 'copied' && <span class="copied">{isDemo ? TEXT.copiedDemo : TEXT.copied}</span>}
        {copied === 'copied' && warning && (
          <span class="link-warning">
            {' '}
            {warning[0]}
            <button type="button" class="btn link" onClick={onOpenSettings}>
              {TEXT.settings}
            </button>
            {warning[1]}
          </span>
        )}
      </p>
      <QrCode text={link} label={TEXT.qr} />
    </div>
  );
}
