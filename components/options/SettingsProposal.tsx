import { t } from '../../lib/i18n';
import type { SyncedSettings } from '../../lib/settings/proposal';

interface Props {
  proposal: SyncedSettings;
  busy: boolean;
  onReview(): void;
  onKeepMine(): void;
}

/**
 * Settings that steer links or the key changed outside this page. Nothing here says where from
 * for certain (the browser does not tell): sync from another device, or something else.
 */
export function SettingsProposal({ proposal, busy, onReview, onKeepMine }: Props) {
  return (
    <section class="banner warn proposal" role="alert" aria-labelledby="proposal-heading">
      <h2 id="proposal-heading">{t('optionsProposalHeading')}</h2>
      <p>{t('optionsProposalText')}</p>
      <ul>
        {proposal.proposed.map((change) => (
          <li key={change.key}>
            <strong>{change.label}</strong>: <code>{change.from}</code> → <code>{change.to}</code>
          </li>
        ))}
      </ul>
      <div class="row">
        <button type="button" class="btn" onClick={onReview} disabled={busy}>
          {t('optionsReviewInForm')}
        </button>
        <button type="button" class="btn" onClick={onKeepMine} disabled={busy}>
          {t('optionsKeepMine')}
        </button>
      </div>
    </section>
  );
}
