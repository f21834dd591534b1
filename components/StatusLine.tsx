import type { StatusText } from '../lib/refresh/status';

/** The feed's state in one line, the same words in popup and options. */
export function StatusLine({ status }: { status: StatusText }) {
  return (
    <div class={`status-line ${status.tone}`} role="status" aria-live="polite">
      <strong>{status.text}</strong>
      {status.detail && <span class="muted"> · {status.detail}</span>}
    </div>
  );
}
