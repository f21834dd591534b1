import { t } from '../../lib/i18n';
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
          title={t('offersLinkCheckHint')}
        >
          {state.kind === 'checking' ? t('offersChecking') : t('offersCheckLink')}
        </button>
        {state.kind === 'idle' && <span class="muted">{t('offersLinkCheckIdle')}</span>}
      </div>
      <div role="status" aria-live="polite">
        {state.kind === 'refused' && <p class="banner warn">{t('offersLinkCheckRefused', { why: linkCheckWhy() })}</p>}
        {state.kind === 'failed' && (
          <p class="banner error">{t('offersLinkCheckFailed', { message: state.message })}</p>
        )}
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
