import type { StatusText } from '../lib/status-text';

interface Props {
  status: StatusText;
  onRetry?: () => void;
}

/** The feed's state in one line, the same words in popup and options. */
export function StatusLine({ status, onRetry }: Props) {
  return (
    <div class={`status-line ${status.tone}`} role="status" aria-live="polite">
      <strong>{status.text}</strong>
      {status.detail && <span class="muted"> · {status.detail}</span>}
      {onRetry && status.tone === 'error' && (
        <button type="button" class="btn link" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
