import { nextStep } from '../../lib/errors';
import { t } from '../../lib/i18n';
import { NETWORK_KINDS } from '../../lib/networks';
import { sourceProblems } from '../../lib/sources';
import { ConfirmServer } from './ConfirmServer';
import { Field } from './Field';
import type { useNetworks } from './use-networks';

/** Adding or editing one network account: its name, address and key, then "Save and test". */
export function SourceForm({ networks }: { networks: ReturnType<typeof useNetworks> }) {
  const { draft, save } = networks;
  if (!draft) return null;
  const info = NETWORK_KINDS[draft.kind];
  const problems = sourceProblems(draft);
  const failed = save.state === 'failed' ? save : null;
  // Said once something is typed there (or a save failed on it), not before the publisher starts.
  const typedAddress = (draft.kind === 'carrierapptraffic' ? draft.feedUrl : draft.host)?.trim();
  const addressProblem =
    (typedAddress ? problems.address : undefined) ?? (failed?.field === 'feedUrl' ? failed.error.message : undefined);
  const keyProblem = failed?.field === 'apiKey' ? failed.error.message : undefined;
  const testing = save.state === 'testing';
  return (
    <fieldset class="source-form">
      <legend>{legendText(draft.kind === 'carrierapptraffic', !!draft.id, info.label)}</legend>
      <Field id="source-label" label={t('optionsSourceName')} hint={t('optionsSourceNameHint')}>
        <input
          id="source-label"
          value={draft.label}
          maxLength={60}
          autoComplete="off"
          onInput={(e) => networks.update({ label: e.currentTarget.value })}
        />
      </Field>
      {draft.kind === 'everflow' ? (
        <Field id="source-host" label="Everflow API" problem={addressProblem}>
          <select
            id="source-host"
            value={draft.host ?? info.hosts[0]}
            onChange={(e) => networks.update({ host: e.currentTarget.value })}
          >
            {info.hosts.map((host) => (
              <option key={host} value={host}>
                {host === 'api-eu.eflow.team' ? t('optionsEverflowEu', { host }) : host}
              </option>
            ))}
          </select>
        </Field>
      ) : draft.kind === 'affise' ? (
        <Field
          id="source-host"
          label={t('optionsAffiseAddress')}
          problem={addressProblem}
          hint={t('optionsAffiseAddressHint')}
        >
          <input
            id="source-host"
            type="url"
            value={draft.host ?? ''}
            spellcheck={false}
            autoComplete="off"
            onInput={(e) => networks.update({ host: e.currentTarget.value })}
          />
        </Field>
      ) : (
        <Field id="source-feed" label={t('optionsFeedUrl')} problem={addressProblem} hint={t('optionsFeedUrlHint')}>
          <input
            id="source-feed"
            type="url"
            value={draft.feedUrl ?? ''}
            spellcheck={false}
            autoComplete="off"
            onInput={(e) => networks.update({ feedUrl: e.currentTarget.value })}
          />
        </Field>
      )}
      <Field
        id="source-key"
        label={t('optionsApiKey')}
        problem={keyProblem}
        hint={draft.id ? t('optionsSourceKeepKey') : t('optionsSourceKeyHint')}
      >
        <input
          id="source-key"
          type="password"
          value={draft.apiKey}
          spellcheck={false}
          autoComplete="off"
          onInput={(e) => networks.update({ apiKey: e.currentTarget.value })}
        />
      </Field>
      {failed && (
        <div class="banner error" role="alert">
          {failed.field ? t('optionsNotSaved', { problem: failed.error.message }) : failed.error.message}
          <p class="next-step">{nextStep(failed.error.code)}</p>
        </div>
      )}
      {save.state === 'confirm' && (
        <ConfirmServer
          server={save.origin}
          from="network"
          onApprove={(origin) => networks.submit(origin)}
          onCancel={networks.cancelConfirm}
        />
      )}
      <div class="row">
        <button
          type="button"
          class="btn primary"
          disabled={testing || !!problems.address || (!draft.id && !draft.apiKey.trim())}
          onClick={() => networks.submit()}
        >
          {testing ? t('optionsTesting') : t('optionsSaveAndTest')}
        </button>
        <button type="button" class="btn" onClick={() => networks.edit(null)}>
          {t('optionsCancel')}
        </button>
      </div>
    </fieldset>
  );
}

/** "Add an Affise network", "Edit a CarrierAppTraffic account": what the form is for. */
function legendText(carrierAppTraffic: boolean, editing: boolean, network: string): string {
  if (carrierAppTraffic)
    return editing ? t('optionsEditCarrierAppTrafficAccount') : t('optionsAddCarrierAppTrafficAccount');
  return editing ? t('optionsEditNetwork', { network }) : t('optionsAddNetwork', { network });
}
