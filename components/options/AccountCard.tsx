import { nextStep } from '../../lib/errors';
import { countText } from '../../lib/format';
import type { RefreshOutcome } from '../../lib/refresh';
import { ConfirmServer } from './ConfirmServer';
import { Field } from './Field';
import type { OriginToConfirm, SaveProblem } from './use-options';

interface Props {
  apiKey: string;
  keyInfo: { hasKey: boolean; masked: string } | null;
  showKey: boolean;
  problem?: string;
  saveProblem: SaveProblem | null;
  result: RefreshOutcome | null;
  confirm: OriginToConfirm | null;
  canSave: boolean;
  saving: boolean;
  onKey(value: string): void;
  onToggleShow(): void;
  onApprove(origin: string): void;
  onCancelConfirm(): void;
}

/**
 * The first thing a new publisher needs: the key and "Save and test" on the first screen, and
 * what went wrong right beside the field, with what to do next.
 */
export function AccountCard(props: Props) {
  const { keyInfo, saveProblem } = props;
  const keyError = saveProblem?.field === 'apiKey' ? saveProblem : null;
  const elsewhere = saveProblem && saveProblem.field !== 'apiKey' ? saveProblem : null;
  return (
    <section class="card account" aria-labelledby="account-heading">
      <h2 id="account-heading">Your CarrierAppTraffic account</h2>
      <Field
        id="apiKey"
        label="API key"
        problem={props.problem ?? keyError?.error.message}
        hint="Stored on this computer only; sent only to the feed server."
      >
        <div class="row tight">
          <input
            id="apiKey"
            type={props.showKey ? 'text' : 'password'}
            autoComplete="off"
            spellcheck={false}
            placeholder={keyInfo?.hasKey ? `${keyInfo.masked} (saved)` : 'Paste your API key'}
            value={props.apiKey}
            aria-invalid={props.problem || keyError ? true : undefined}
            aria-describedby={keyError ? 'apiKey-next' : undefined}
            onInput={(e) => props.onKey(e.currentTarget.value)}
          />
          <button
            type="button"
            class="btn"
            onClick={props.onToggleShow}
            aria-pressed={props.showKey}
            aria-controls="apiKey"
          >
            {props.showKey ? 'Hide' : 'Show'}
          </button>
          <button type="submit" class="btn primary" disabled={!props.canSave}>
            {props.saving ? 'Testing…' : 'Save and test'}
          </button>
        </div>
      </Field>
      {keyError && <NextStep id="apiKey-next" problem={keyError} />}
      {elsewhere && (
        <div class="banner error" role="alert">
          {elsewhere.error.message}
          <NextStep problem={elsewhere} />
        </div>
      )}
      {props.confirm && (
        <ConfirmServer
          server={props.confirm}
          from="CarrierAppTraffic"
          onApprove={props.onApprove}
          onCancel={props.onCancelConfirm}
        />
      )}
      {props.result?.ok && (
        <p class="result ok" role="status">
          ✓ {countText(props.result.offerCount)}
          {props.result.rejectedCount > 0 && ` · ${countText(props.result.rejectedCount)} skipped`}
        </p>
      )}
      <details class="key-help">
        <summary>Where is my API key?</summary>
        <p>
          Log in to your CarrierAppTraffic account. Once your account is approved, request an API key for programmatic
          access (step 3 of the network’s API page); it is the value after <code>apikey=</code> in your offers feed URL.
          Your account manager can send you a new one.
        </p>
      </details>
    </section>
  );
}

function NextStep({ problem, id }: { problem: SaveProblem; id?: string }) {
  const step = nextStep(problem.error.code);
  return (
    <p class="next-step" id={id}>
      {problem.notSaved && 'Not saved: Offer Lens keeps using what was saved before. '}
      {step}
    </p>
  );
}
