import { useRef, useState } from 'preact/hooks';
import { BUNDLED_RATES, RATES_ORIGIN_PATTERNS, RATES_SOURCE } from '../../lib/currency';
import { requestOrigins } from '../../lib/host-access';
import { t } from '../../lib/i18n';
import { describeStatus, EMPTY_STATUS } from '../../lib/refresh/status';
import {
  type Draft,
  SETTING_FIELDS,
  SETTING_KEYS,
  type SettingKey,
  type SettingSection,
  toDraft,
} from '../../lib/settings/fields';
import { withTrackerMacro } from '../../lib/settings/trackers';
import { StatusLine } from '../StatusLine';
import { useNow } from '../use-storage-item';
import { useWatchlist } from '../use-watchlist';
import { AccountCard } from './AccountCard';
import { ApprovedServers } from './ApprovedServers';
import { HiddenBadges } from './HiddenBadges';
import { LinkCheckSettings } from './LinkCheckSettings';
import { NetworksCard } from './NetworksCard';
import { SettingInput } from './SettingInput';
import { SettingsProposal } from './SettingsProposal';
import { SkippedOffers } from './SkippedOffers';
import { TrackerQuestion } from './TrackerQuestion';
import { TrackingLinkPreview } from './TrackingLinkPreview';
import { useApprovedOrigins } from './use-approved-origins';
import { useHiddenBadges } from './use-hidden-badges';
import { useNetworks } from './use-networks';
import { useOptions } from './use-options';
import { useRates } from './use-rates';
import { useSettingsProposal } from './use-settings-proposal';
import { WatchSettings } from './WatchSettings';

export function OptionsPage() {
  const options = useOptions();
  const watch = useWatchlist();
  const proposal = useSettingsProposal();
  const servers = useApprovedOrigins(options.summary?.fetchedAt);
  const networks = useNetworks(options.summary?.fetchedAt);
  const hidden = useHiddenBadges();
  const rates = useRates();
  const now = useNow();
  const [showKey, setShowKey] = useState(false);
  // Open at first when something in it needs attention; after that, the publisher decides.
  const advanced = useRef<HTMLDetailsElement>(null);
  const advancedOpen = useRef<boolean | null>(null);
  const { draft, problems, problem } = options;
  if (draft && advancedOpen.current === null) advancedOpen.current = !draft.feedUrl || !!problems.feedUrl;
  if (!draft) return <main class="options" aria-busy="true" />;

  const fieldProblem = (key: string) =>
    problems[key as keyof typeof problems] ?? (problem?.field === key ? problem.error.message : undefined);
  /** A change typed: a tracker brings its macro along; the daily rates are asked for inside the click. */
  const update = (patch: Partial<Draft>) => {
    if (patch.refreshRates === true) void requestOrigins([...RATES_ORIGIN_PATTERNS]);
    options.update(withTrackerMacro(patch));
  };
  const fields = (section: SettingSection, only?: (key: SettingKey) => boolean) =>
    SETTING_KEYS.filter((key) => SETTING_FIELDS[key].section === section && (!only || only(key))).map((key) => (
      <SettingInput key={key} name={key} draft={draft} problem={fieldProblem(key)} onChange={update} />
    ));
  if (problem?.field === 'feedUrl' && advanced.current) advanced.current.open = true;

  async function toggleKey() {
    if (!showKey && !options.apiKey && options.keyInfo?.hasKey) await options.revealKey();
    setShowKey(!showKey);
  }

  function reviewProposal() {
    if (!proposal.proposal) return;
    options.update(toDraft(proposal.proposal.withProposal));
    if (proposal.proposal.proposed.some((change) => change.key === 'feedUrl') && advanced.current) {
      advanced.current.open = true;
    }
  }

  const watchedSomething = (watch.watchlist?.offers.length ?? 0) + (watch.watchlist?.apps.length ?? 0) > 0;
  return (
    <main class="options">
      <header>
        <h1>Offer Lens</h1>
        <p class="muted">{t('optionsIntro')}</p>
      </header>

      <div class="language">{fields('general')}</div>

      {proposal.proposal && (
        <SettingsProposal
          proposal={proposal.proposal}
          busy={proposal.keeping}
          onReview={reviewProposal}
          onKeepMine={() => void proposal.keepMine()}
        />
      )}

      <form
        aria-label={t('optionsSettings')}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          options.save();
        }}
      >
        <AccountCard
          apiKey={options.apiKey}
          keyInfo={options.keyInfo}
          showKey={showKey}
          problem={problems.apiKey}
          saveProblem={problem}
          result={options.result}
          confirm={options.confirm}
          canSave={options.canSave}
          saving={options.busy === 'save'}
          onKey={options.setApiKey}
          onToggleShow={() => void toggleKey()}
          onApprove={(origin) => options.save(origin)}
          onCancelConfirm={options.cancelConfirm}
        />

        <section aria-labelledby="feed-heading" class="card">
          <h2 id="feed-heading">{t('optionsFeedHeading')}</h2>
          <StatusLine status={describeStatus(options.status ?? EMPTY_STATUS, options.summary ?? null, now)} />
          {options.summary && options.summary.rejectedCount > 0 && (
            <SkippedOffers count={options.summary.rejectedCount} first={options.skipped} />
          )}
          <div class="row">
            <button
              type="button"
              class="btn"
              onClick={options.refreshNow}
              disabled={options.busy !== null || !options.keyInfo?.hasKey}
            >
              {options.busy === 'refresh' ? t('optionsRefreshing') : t('optionsRefreshNow')}
            </button>
            <button type="button" class="btn" onClick={options.tryDemo} disabled={options.busy !== null}>
              {options.busy === 'demo' ? t('optionsLoading') : t('optionsTryDemo')}
            </button>
          </div>
          {options.missing.length > 0 && (
            <div class="banner warn" role="alert">
              {t('optionsNeedsAccess', {
                hosts: options.missing.map((m) => new URL(m.replace('*', '')).host).join(', '),
              })}{' '}
              <button type="button" class="btn" onClick={options.grantAccess}>
                {t('optionsGrantAccess')}
              </button>
            </div>
          )}
        </section>

        <section class="card" aria-labelledby="links-heading">
          <h2 id="links-heading">{t('optionsLinksHeading')}</h2>
          {draft.tracker === '' && <TrackerQuestion onChoose={(tracker) => update({ tracker })} />}
          <div class="grid">{fields('links')}</div>
          <TrackingLinkPreview settings={draft} />
        </section>

        <NetworksCard networks={networks} now={now} />

        <section class="card" aria-labelledby="store-heading">
          <h2 id="store-heading">{t('optionsStoreHeading')}</h2>
          {fields('store-pages')}
          <HiddenBadges hidden={hidden.hidden} onShow={(key) => void hidden.showAgain(key)} />
        </section>

        <section class="card" aria-labelledby="currency-heading">
          <h2 id="currency-heading">{t('optionsCurrencyHeading')}</h2>
          {fields('currency')}
          <p class="muted">
            {t(rates.date === BUNDLED_RATES.date ? 'optionsRatesOfShipped' : 'optionsRatesOf', { date: rates.date })} ·{' '}
            {RATES_SOURCE}
          </p>
        </section>

        <section class="card" aria-labelledby="watch-heading">
          <h2 id="watch-heading">{t('optionsWatchHeading')}</h2>
          <WatchSettings
            watchedOffers={watch.watchlist?.offers.length ?? 0}
            watchedApps={watch.watchlist?.apps.length ?? 0}
            notificationsAllowed={watchedSomething ? watch.notificationsAllowed : null}
            onAllow={watch.allowNotifications}
          />
          <div class="grid">{fields('watchlist')}</div>
        </section>

        <section class="card" aria-labelledby="checks-heading">
          <h2 id="checks-heading">{t('optionsChecksHeading')}</h2>
          <LinkCheckSettings />
        </section>

        <details class="card advanced" ref={advanced} open={advancedOpen.current ?? false}>
          <summary>{t('optionsAdvanced')}</summary>
          {fields('advanced')}
          {draft.feedUrl !== options.defaultFeedUrl && (
            <button type="button" class="btn" onClick={() => options.update({ feedUrl: options.defaultFeedUrl })}>
              {t('optionsResetFeedUrl')}
            </button>
          )}
          <ApprovedServers origins={servers.origins} onRevoke={(origin) => void servers.revoke(origin)} />
        </details>

        {options.dirty && (
          <div class="save-bar">
            <span class="muted">{t('optionsUnsaved')}</span>
            <button type="submit" class="btn primary" disabled={!options.canSave}>
              {options.busy === 'save' ? t('optionsTesting') : t('optionsSaveChanges')}
            </button>
          </div>
        )}
      </form>
    </main>
  );
}
