import { linkCheckWhy } from '../../lib/link-check/permissions';
import { LinkCheckReport } from './LinkCheckReport';
import { useLinkCheck } from './use-link-check';

/** "Check link" in the offer detail: follow the link as a phone would, then say where it lands. */
export function LinkCheck({ offerId }: { offerId: string }) {
  const { state, check } = useLinkCheck(offerId);

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
            Link checks need your permission. {linkCheckWhy()} You can allow it at the next click, and take it back on
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
