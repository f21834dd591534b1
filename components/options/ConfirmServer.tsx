import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { OriginToConfirm } from './use-options';
import { withParts } from './with-parts';

interface Props {
  server: OriginToConfirm;
  /** Who should have given the publisher this address: CarrierAppTraffic, or the network being added. */
  from: 'carrierapptraffic' | 'network';
  onApprove(origin: string): void;
  onCancel(): void;
}

/** A server never approved: the key goes there only once the publisher approves it by its name. */
export function ConfirmServer({ server, from, onApprove, onCancel }: Props) {
  const id = `confirm-${server.host.replace(/[^a-z0-9]/gi, '-')}`;
  const box = useRef<HTMLDivElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  // The question comes into the middle of the window (not under the sticky Save bar), focus on
  // Cancel: an Enter pressed without reading never sends the key.
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again for another server, it comes into view again
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'center' });
    cancel.current?.focus({ preventScroll: true });
  }, [server.origin]);
  return (
    <div ref={box} class="banner warn confirm-origin" role="alertdialog" aria-labelledby={id}>
      <p id={id}>
        {withParts(t(from === 'network' ? 'optionsConfirmFromNetwork' : 'optionsConfirmFromCarrierAppTraffic'), {
          host: <strong>{server.host}</strong>,
        })}
      </p>
      <div class="row">
        <button type="button" class="btn primary" onClick={() => onApprove(server.origin)}>
          {t('optionsApproveAndSave', { host: server.host })}
        </button>
        <button ref={cancel} type="button" class="btn" onClick={onCancel}>
          {t('optionsCancel')}
        </button>
      </div>
    </div>
  );
}
