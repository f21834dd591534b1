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
      <h2 id="proposal-heading">Settings changed outside this page</h2>
      <p>
        These arrived through your browser’s sync — from another computer of yours, or from something else on this one.
        Offer Lens does not use them until you apply them here:
      </p>
      <ul>
        {proposal.proposed.map((change) => (
          <li key={change.key}>
            <strong>{change.label}</strong>: <code>{change.from}</code> → <code>{change.to}</code>
          </li>
        ))}
      </ul>
      <div class="row">
        <button type="button" class="btn" onClick={onReview} disabled={busy}>
          Review in the form
        </button>
        <button type="button" class="btn" onClick={onKeepMine} disabled={busy}>
          Keep this computer’s settings
        </button>
      </div>
    </section>
  );
}
