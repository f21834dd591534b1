import { useRef, useState } from 'preact/hooks';
import { countText } from '../../lib/format';
import { describeStatus, EMPTY_STATUS } from '../../lib/refresh/status';
import { SETTING_FIELDS, SETTING_KEYS, type SettingSection } from '../../lib/settings/fields';
import { StatusLine } from '../StatusLine';
import { useNow } from '../use-storage-item';
import { useWatchlist } from '../use-watchlist';
import { Field } from './Field';
import { LinkCheckSettings } from './LinkCheckSettings';
import { SettingInput } from './SettingInput';
import { SkippedOffers } from './SkippedOffers';
import { useOptions } from './use-options';
import { WatchSettings } from './WatchSettings';

export function OptionsPage() {
  const options = useOptions();
  const watch = useWatchlist();
  const now = useNow();
  const [showKey, setShowKey] = useState(false);
  // Open at first when something in it needs attention; after that, the publisher decides.
  const advancedOpen = useRef<boolean | null>(null);
  if (options.draft && advancedOpen.current === null) advancedOpen.current = advancedNeedsAttention(options);
  const { draft, problems } = options;
  if (!draft) return <main class="options" aria-busy="true" />;

  const fields = (section: SettingSection) =>
    SETTING_KEYS.filter((key) => SETTING_FIELDS[key].section === section).map((key) => (
      <SettingInput key={key} name={key} draft={draft} problem={problems[key]} onChange={options.update} />
    ));

  async function toggleKey() {
    if (!showKey && !options.apiKey && options.keyInfo?.hasKey) await options.revealKey();
    setShowKey(!showKey);
  }

  return (
    <main class="options">
      <header>
        <h1>Offer Lens</h1>
        <p class="muted">
          Your CarrierAppTraffic offers in the browser. Offer Lens works with affiliate tracking links: it builds them
          from your click ID and sub ID, and copies or opens one only when you click.
        </p>
      </header>

      <section aria-labelledby="feed-heading" class="card">
        <h2 id="feed-heading">Offers feed</h2>
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
            {options.busy === 'refresh' ? 'Refreshing…' : 'Refresh now'}
          </button>
          <button type="button" class="btn" onClick={options.tryDemo} disabled={options.busy !== null}>
            {options.busy === 'demo' ? 'Loading…' : 'Try with demo data'}
          </button>
        </div>
        {options.missing.length > 0 && (
          <div class="banner warn" role="alert">
            Offer Lens needs access to {options.missing.map((m) => new URL(m.replace('*', '')).host).join(', ')} to
            fetch your feed and show badges on store pages.{' '}
            <button type="button" class="btn" onClick={options.grantAccess}>
              Grant access
            </button>
          </div>
        )}
      </section>

      <form
        class="card"
        aria-labelledby="settings-heading"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          options.save();
        }}
      >
        <h2 id="settings-heading">Account</h2>
        <Field
          id="apiKey"
          label="API key"
          problem={problems.apiKey}
          hint="From your CarrierAppTraffic account. Stored on this computer only."
        >
          <div class="row tight">
            <input
              id="apiKey"
              type={showKey ? 'text' : 'password'}
              autoComplete="off"
              spellcheck={false}
              placeholder={options.keyInfo?.hasKey ? `${options.keyInfo.masked} (saved)` : 'Paste your API key'}
              value={options.apiKey}
              onInput={(e) => options.setApiKey(e.currentTarget.value)}
            />
            <button type="button" class="btn" onClick={toggleKey} aria-pressed={showKey} aria-controls="apiKey">
              {showKey ? 'Hide' : 'Show'}
            </button>
          </div>
        </Field>

        <h2>Tracking links</h2>
        <div class="grid">{fields('links')}</div>

        <h2>Store pages</h2>
        {fields('store-pages')}

        <h2>Watchlist</h2>
        <WatchSettings
          watchedOffers={watch.watchlist?.offers.length ?? 0}
          watchedApps={watch.watchlist?.apps.length ?? 0}
          notificationsAllowed={watch.notificationsAllowed}
          onAllow={watch.allowNotifications}
        />
        <div class="grid">{fields('watchlist')}</div>

        <h2>Link checks</h2>
        <LinkCheckSettings />

        <details class="advanced" open={advancedOpen.current ?? false}>
          <summary>Advanced</summary>
          {fields('advanced')}
        </details>

        <div class="row">
          <button type="submit" class="btn primary" disabled={!options.canSave}>
            {options.busy === 'save' ? 'Testing…' : 'Save and test'}
          </button>
          <SaveResult result={options.result} />
        </div>
      </form>
    </main>
  );
}

function SaveResult({ result }: { result: ReturnType<typeof useOptions>['result'] }) {
  if (!result) return null;
  if (!result.ok) {
    return (
      <p class="banner error" role="alert">
        {result.error.message}
      </p>
    );
  }
  return (
    <p class="result ok" role="status">
      ✓ {countText(result.offerCount)}
      {result.rejectedCount > 0 && ` · ${countText(result.rejectedCount)} skipped`}
    </p>
  );
}

function advancedNeedsAttention({ draft, problems }: ReturnType<typeof useOptions>): boolean {
  return !draft?.feedUrl || !!problems.feedUrl || !!problems.refreshMinutes;
}
