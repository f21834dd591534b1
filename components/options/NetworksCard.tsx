import { nextStep } from '../../lib/errors';
import { countText, formatDuration } from '../../lib/format';
import { t } from '../../lib/i18n';
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
      <h2 id="networks-heading">{t('optionsNetworksHeading')}</h2>
      <p class="muted">{t('optionsNetworksIntro')}</p>
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
              {kind === 'carrierapptraffic'
                ? t('optionsAddAnotherCarrierAppTraffic')
                : t('optionsAddNetwork', { network: NETWORK_KINDS[kind].label })}
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
    ? t('optionsRefreshing')
    : status.error
      ? status.error.message
      : source.fetchedAt !== null
        ? t('optionsSourceUpdated', {
            offers: countText(source.offerCount),
            duration: formatDuration(now - source.fetchedAt),
          })
        : t('optionsNotFetchedYet');
  return (
    <li class={status.error ? 'source failing' : 'source'}>
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
          {t('optionsEdit')}
        </button>
        <button type="button" class="btn" onClick={() => void networks.refresh(source.id)}>
          {t('optionsRefresh')}
        </button>
        <button
          type="button"
          class="btn"
          aria-label={t('optionsRemoveSource', { name: source.name })}
          onClick={() => {
            if (window.confirm(t('optionsRemoveSourceConfirm', { name: source.name }))) {
              void networks.remove(source.id);
            }
          }}
        >
          {t('optionsRemove')}
        </button>
      </div>
    </li>
  );
}
