import { nextStep } from '../../lib/errors';
import { countText, formatDuration } from '../../lib/format';
import { NETWORK_KINDS, type NetworkKind } from '../../lib/networks';
import type { SourceInfo } from '../../lib/sources';
import { SourceForm } from './SourceForm';
import type { useNetworks } from './use-networks';

interface Props {
  networks: ReturnType<typeof useNetworks>;
  now: number;
}

const ADDABLE: NetworkKind[] = ['affise', 'everflow', 'carrierapptraffic'];

/**
 * "Networks": the accounts the publisher runs besides the first one (which is the card above),
 * each with its state; add, edit, refresh or remove one. Offers from every network are searched,
 * compared on store pages and exported together.
 */
export function NetworksCard({ networks, now }: Props) {
  const others = networks.sources?.filter((s) => !s.primary) ?? [];
  const { draft } = networks;
  return (
    <section class="card networks" aria-labelledby="networks-heading">
      <h2 id="networks-heading">Networks</h2>
      <p class="muted">
        Add your other accounts — Affise and Everflow networks, or another CarrierAppTraffic account — and Offer Lens
        searches them all and shows on every store page where the app pays most, in one currency.
      </p>
      {others.length > 0 && (
        <ul class="sources">
          {others.map((source) => (
            <SourceRow key={source.id} source={source} now={now} networks={networks} />
          ))}
        </ul>
      )}
      {draft ? (
        <SourceForm networks={networks} />
      ) : (
        <div class="row">
          {ADDABLE.map((kind) => (
            <button
              key={kind}
              type="button"
              class="btn"
              onClick={() =>
                networks.edit({
                  kind,
                  label: '',
                  apiKey: '',
                  ...(kind === 'everflow' ? { host: 'api.eflow.team' } : {}),
                })
              }
            >
              Add{' '}
              {kind === 'carrierapptraffic'
                ? 'another CarrierAppTraffic account'
                : `an ${NETWORK_KINDS[kind].label} network`}
            </button>
          ))}
        </div>
      )}
      {networks.save.state === 'saved' && !draft && (
        <p class="result ok" role="status">
          ✓ {countText(networks.save.outcome.ok ? networks.save.outcome.offerCount : 0)}
        </p>
      )}
    </section>
  );
}

function SourceRow({ source, now, networks }: { source: SourceInfo; now: number; networks: Props['networks'] }) {
  const { status } = source;
  const state = status.refreshing
    ? 'Refreshing…'
    : status.error
      ? status.error.message
      : source.fetchedAt !== null
        ? `${countText(source.offerCount)} · updated ${formatDuration(now - source.fetchedAt)} ago`
        : 'Not fetched yet';
  return (
    <li class={`source${status.error ? ' failing' : ''}`}>
      <div>
        <strong>{source.name}</strong>
        <span class="muted">
          {' '}
          · {source.host ?? (source.feedUrl ? new URL(source.feedUrl.replace('{apiKey}', 'k')).host : '')}
        </span>
        <div class={status.error ? 'problem' : 'muted'} role={status.error ? 'alert' : undefined}>
          {state}
          {status.error && <span class="next-step"> {nextStep(status.error.code)}</span>}
        </div>
      </div>
      <div class="row tight">
        <button
          type="button"
          class="btn"
          onClick={() =>
            networks.edit({
              id: source.id,
              kind: source.kind,
              label: source.label,
              apiKey: '',
              ...(source.host === undefined ? {} : { host: source.host }),
              ...(source.feedUrl === undefined ? {} : { feedUrl: source.feedUrl }),
            })
          }
        >
          Edit
        </button>
        <button type="button" class="btn" onClick={() => void networks.refresh(source.id)}>
          Refresh
        </button>
        <button
          type="button"
          class="btn"
          aria-label={`Remove ${source.name}`}
          onClick={() => {
            if (
              window.confirm(`Remove ${source.name}? Its offers, change history and API key go from this computer.`)
            ) {
              void networks.remove(source.id);
            }
          }}
        >
          Remove
        </button>
      </div>
    </li>
  );
}
