import type { OriginToConfirm } from './use-options';

interface Props {
  server: OriginToConfirm;
  /** Who should have given the publisher this address ("CarrierAppTraffic", "your network"). */
  from: string;
  onApprove(origin: string): void;
  onCancel(): void;
}

/** A server never approved: the key goes there only once the publisher approves it by its name. */
export function ConfirmServer({ server, from, onApprove, onCancel }: Props) {
  const id = `confirm-${server.host.replace(/[^a-z0-9]/gi, '-')}`;
  return (
    <div class="banner warn confirm-origin" role="alertdialog" aria-labelledby={id}>
      <p id={id}>
        Send your API key to <strong>{server.host}</strong>? Approve it only if {from} gave you this address: whoever
        runs that server can use your key.
      </p>
      <div class="row">
        <button type="button" class="btn primary" onClick={() => onApprove(server.origin)}>
          Approve {server.host} and save
        </button>
        <button type="button" class="btn" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
