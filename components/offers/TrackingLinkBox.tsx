import type { Ref } from 'preact';
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Settings } from '../../lib/settings/defaults';
import { CLICK_ID_PLACEHOLDER, isClickIdPlaceholder, linkSegments } from '../../lib/tracking-link';
import { linkHost } from '../../lib/url';
import { QrCode } from '../QrCode';
import { useCopy } from '../use-copy';

/** What the link box says (one place, for the translations to come). */
const TEXT = {
  label: 'Tracking link',
  demoLabel: 'Demo tracking link',
  copy: 'Copy tracking link',
  open: 'Open',
  copied: 'Copied',
  copiedDemo: 'Copied (demo link)',
  failed: 'Could not copy: select the link and copy it',
  placeholder: ` — but the click ID is still the placeholder ${CLICK_ID_PLACEHOLDER}: set your tracker's macro in `,
  noClickId: " — but it carries no click ID of yours: set your tracker's macro in ",
  settings: 'Settings',
  qr: 'QR code of the tracking link',
  clickIdParam: 'click ID',
  subIdParam: 'sub ID',
};

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
  const placeholder = isClickIdPlaceholder(settings.clickId);
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
      <p ref={status} role="status" aria-live="polite" class={`copy-status${copied === 'failed' ? ' problem' : ''}`}>
        {copied === 'failed' && TEXT.failed}
        {copied === 'copied' && <span class="copied">{isDemo ? TEXT.copiedDemo : TEXT.copied}</span>}
        {copied === 'copied' && placeholder && (
          <span class="link-warning">
            {settings.clickId.trim() ? TEXT.placeholder : TEXT.noClickId}
            <button type="button" class="btn link" onClick={onOpenSettings}>
              {TEXT.settings}
            </button>
          </span>
        )}
      </p>
      <QrCode text={link} label={TEXT.qr} />
    </div>
  );
}
