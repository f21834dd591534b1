import { nextStep } from '../../lib/errors';
import { countText } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { RefreshOutcome } from '../../lib/refresh';
import { ConfirmServer } from './ConfirmServer';
import { Field } from './Field';
import type { OriginToConfirm, SaveProblem } from './use-options';
import { withParts } from './with-parts';

/** The feed URL's parameter that carries the key, as the network's page writes it. */
const KEY_PARAMETER = 'apikey=';

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
      <h2 id="account-heading">{t('optionsAccountHeading')}</h2>
      <Field
        id="apiKey"
        label={t('optionsApiKey')}
        problem={props.problem ?? keyError?.error.message}
        hint={t('optionsKeyHint')}
      >
        <div class="row tight">
          <input
            id="apiKey"
            type={props.showKey ? 'text' : 'password'}
            autoComplete="off"
            spellcheck={false}
            placeholder={keyInfo?.hasKey ? t('optionsKeySaved', { key: keyInfo.masked }) : t('optionsPasteKey')}
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
            {props.showKey ? t('optionsHide') : t('optionsShow')}
          </button>
          <button type="submit" class="btn primary" disabled={!props.canSave}>
            {props.saving ? t('optionsTesting') : t('optionsSaveAndTest')}
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
          from="carrierapptraffic"
          onApprove={props.onApprove}
          onCancel={props.onCancelConfirm}
        />
      )}
      {props.result?.ok && (
        <p class="result ok" role="status">
          {testedText(props.result.offerCount, props.result.rejectedCount)}
        </p>
      )}
      <details class="key-help">
        <summary>{t('optionsWhereIsKey')}</summary>
        <p>{withParts(t('optionsWhereIsKeyAnswer'), { parameter: <code>{KEY_PARAMETER}</code> })}</p>
      </details>
    </section>
  );
}

function NextStep({ problem, id }: { problem: SaveProblem; id?: string }) {
  const step = nextStep(problem.error.code);
  return (
    <p class="next-step" id={id}>
      {problem.notSaved && `${t('optionsNotSavedKeptBefore')} `}
      {step}
    </p>
  );
}

/** What a good "Save and test" found: "✓ 120 offers", and how many were skipped. */
function testedText(offerCount: number, rejectedCount: number): string {
  const offers = countText(offerCount);
  return rejectedCount > 0
    ? t('optionsTestedOffersSkipped', { offers, skipped: countText(rejectedCount) })
    : t('optionsTestedOffers', { offers });
}
