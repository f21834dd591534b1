import { useState } from 'preact/hooks';
import type { LinkCheckAnswer, LinkCheckResult } from '../../lib/link-check';
import { LINK_CHECK_WHY } from '../../lib/link-check/permissions';
import { sendMessage } from '../../lib/messaging/client';
import { askForLinkChecks } from '../link-check';
import { LinkCheckReport } from './LinkCheckReport';

type State =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'refused' }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; result: LinkCheckResult; note?: string };

/** "Check link" in the offer detail: follow the link as a phone would, then say where it lands. */
export function LinkCheck({ offerId }: { offerId: string }) {
  const [state, setState] = useState<State>({ kind: 'idle' });

  function check() {
    // Asked inside the click (granted already: answered at once, no prompt).
    const allowed = askForLinkChecks();
    setState({ kind: 'checking' });
    void allowed
      .then(async (granted) => {
        if (!granted) {
          setState({ kind: 'refused' });
          return;
        }
        setState(stateOf(await sendMessage('checkLink', { offerId })));
      })
      .catch((error: unknown) =>
        setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) }),
      );
  }

  return (
    <div class="link-check">
      <div class="row">
        <button
          type="button"
          class="btn"
          onClick={check}
          disabled={state.kind === 'checking'}
          title="Follows the link as a phone would. Each check is a real click at the network, with the click ID offerlens-check and a time stamp."
        >
          {state.kind === 'checking' ? 'Checking…' : 'Check link'}
        </button>
        {state.kind === 'idle' && <span class="muted">Where does the link land? A real click, as a phone.</span>}
      </div>
      <div role="status" aria-live="polite">
        {state.kind === 'refused' && (
          <p class="banner warn">
            Link checks need your permission. {LINK_CHECK_WHY} You can allow it at the next click, and take it back on
            the settings page.
          </p>
        )}
        {state.kind === 'failed' && <p class="banner error">Could not check the link: {state.message}</p>}
        {state.kind === 'done' && (
          <>
            {state.note && <p class="muted">{state.note}</p>}
            <LinkCheckReport result={state.result} />
          </>
        )}
      </div>
    </div>
  );
}

export function stateOf(answer: LinkCheckAnswer): State {
  switch (answer.status) {
    case 'checked':
      return { kind: 'done', result: answer.result };
    case 'too-soon':
      return answer.last
        ? {
            kind: 'done',
            result: answer.last,
            note: `Checked less than a minute ago: this is that check. Again in ${Math.ceil(answer.retryInMs / 1000)} s.`,
          }
        : {
            kind: 'failed',
            message: `one check per offer per minute; again in ${Math.ceil(answer.retryInMs / 1000)} s`,
          };
    case 'needs-permission':
      return { kind: 'refused' };
    case 'unknown-offer':
      return { kind: 'failed', message: 'the offer is no longer in the feed' };
  }
}
