import { t } from '../../lib/i18n';
import {
  CLICK_ID_PLACEHOLDER,
  isClickIdPlaceholder,
  type LinkSettings,
  linkSegments,
  trackingLinkFor,
} from '../../lib/tracking-link';

/** An offer's link as a CarrierAppTraffic feed sends it: the network's own `aff_id`, no publisher's values yet. */
export const EXAMPLE_TRACKING_URL = 'https://track.carrierapptraffic.com/click?offer_id=9012&aff_id=4711';

/**
 * What the tracking-link settings do, before they are saved: an example offer's link built with
 * the settings as typed, the click-ID and sub-ID parameters marked as on the offer detail, and
 * the detail's warning while the click ID is still the placeholder.
 */
export function TrackingLinkPreview({ settings }: { settings: LinkSettings }) {
  const link = trackingLinkFor({ trackingUrl: EXAMPLE_TRACKING_URL }, settings);
  return (
    <div class="link-preview">
      <p class="link-preview-label">{t('optionsLinkPreview')}</p>
      <p class="link-preview-text">
        {linkSegments(link, settings).map((segment, i) =>
          segment.param ? (
            <mark
              key={i}
              class={segment.param}
              title={segment.param === 'click-id' ? t('optionsLinkPreviewClickId') : t('optionsLinkPreviewSubId')}
            >
              {segment.text}
            </mark>
          ) : (
            segment.text
          ),
        )}
      </p>
      {isClickIdPlaceholder(settings.clickId) && (
        <p class="link-warning">
          {settings.clickId.trim()
            ? t('optionsLinkPreviewPlaceholder', { placeholder: CLICK_ID_PLACEHOLDER })
            : t('optionsLinkPreviewNoClickId')}
        </p>
      )}
    </div>
  );
}
