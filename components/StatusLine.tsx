import type { StatusText } from '../lib/refresh/status';

/** The feed's state in one line, the same words in popup and options. */
export function StatusLine({ status }: { status: StatusText }) {
  const toneClass = `status-line ${status.tone}`;
  return (
    <div class={toneClass} role="status" aria-live="polite">
      <strong>{status.text}</strong>
      {status.detail && <span class="muted"> · {status.detail}</span>}
    </div>
  );
}
