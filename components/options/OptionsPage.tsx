import { useRef, useState } from 'preact/hooks';
import { countText } from '../../lib/format';
import { describeStatus, EMPTY_STATUS } from '../../lib/refresh/status';
import { BADGE_CORNERS, MAX_REFRESH_MINUTES, MIN_REFRESH_MINUTES, type Settings } from '../../lib/settings/defaults';
import { StatusLine } from '../StatusLine';
import { useNow } from '../use-storage-item';
import { useWatchlist } from '../use-watchlist';
import { Field } from './Field';
import { LinkCheckSettings } from './LinkCheckSettings';
import { SkippedOffers } from './SkippedOffers';
import { type Draft, useOptions } from './use-options';
import { WatchSettings } from './WatchSettings';

const CORNER_LABELS: Record<Settings['badgeCorner'], string> = {
  'bottom-right': 'Bottom right',
  'bottom-left': 'Bottom left',
  'top-right': 'Top right',
  'top-left': 'Top left',
};

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

  const text = (key: keyof Draft) => ({
    value: String(draft[key]),
    onInput: (e: Event) => options.update({ [key]: (e.currentTarget as HTMLInputElement).value } as Partial<Draft>),
  });

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
        <div class="grid">
          <Field
            id="clickId"
            label="Click ID"
            problem={problems.clickId}
            hint="A value, or your tracker's macro such as {clickid}"
          >
            <input id="clickId" {...text('clickId')} spellcheck={false} />
          </Field>
          <Field id="clickIdParam" label="Click ID parameter" problem={problems.clickIdParam}>
            <input id="clickIdParam" {...text('clickIdParam')} spellcheck={false} />
          </Field>
          <Field id="subId" label="Sub ID" problem={problems.subId} hint="Optional">
            <input id="subId" {...text('subId')} spellcheck={false} />
          </Field>
          <Field id="subIdParam" label="Sub ID parameter" problem={problems.subIdParam}>
            <input id="subIdParam" {...text('subIdParam')} spellcheck={false} />
          </Field>
          <Field
            id="country"
            label="Country you buy traffic in"
            problem={problems.country}
            hint="Used when a store page names none, e.g. US"
          >
            <input id="country" {...text('country')} maxLength={2} autoComplete="off" />
          </Field>
        </div>

        <h2>Store pages</h2>
        <label class="check">
          <input
            type="checkbox"
            checked={draft.badgesEnabled}
            onChange={(e) => options.update({ badgesEnabled: e.currentTarget.checked })}
          />
          Show a badge on Google Play and App Store pages of apps with an offer
        </label>
        <Field id="badgeCorner" label="Badge corner">
          <select
            id="badgeCorner"
            value={draft.badgeCorner}
            onChange={(e) => options.update({ badgeCorner: e.currentTarget.value as Settings['badgeCorner'] })}
          >
            {BADGE_CORNERS.map((corner) => (
              <option value={corner} key={corner}>
                {CORNER_LABELS[corner]}
              </option>
            ))}
          </select>
        </Field>

        <h2>Watchlist</h2>
        <WatchSettings
          watchedOffers={watch.watchlist?.offers.length ?? 0}
          watchedApps={watch.watchlist?.apps.length ?? 0}
          notificationsAllowed={watch.notificationsAllowed}
          onAllow={watch.allowNotifications}
        />
        <div class="grid">
          <Field
            id="alertPayoutDrop"
            label="Warn about a payout drop of at least (%)"
            problem={problems.alertPayoutDrop}
            hint="0 = any drop"
          >
            <input
              id="alertPayoutDrop"
              type="number"
              inputMode="decimal"
              min={0}
              max={100}
              {...text('alertPayoutDrop')}
            />
          </Field>
          <Field
            id="watchedCountries"
            label="Countries to watch"
            problem={problems.watchedCountries}
            hint="Warn when one is removed from a watched offer; empty = any"
          >
            <input id="watchedCountries" {...text('watchedCountries')} placeholder="e.g. US, GB" autoComplete="off" />
          </Field>
        </div>

        <h2>Link checks</h2>
        <LinkCheckSettings />

        <details class="advanced" open={advancedOpen.current ?? false}>
          <summary>Advanced</summary>
          <Field id="feedUrl" label="Feed URL" problem={problems.feedUrl} hint="{apiKey} is replaced by your key">
            <input id="feedUrl" type="url" {...text('feedUrl')} spellcheck={false} />
          </Field>
          <Field
            id="refreshMinutes"
            label="Refresh every (minutes)"
            problem={problems.refreshMinutes}
            hint={`${MIN_REFRESH_MINUTES}–${MAX_REFRESH_MINUTES}`}
          >
            <input
              id="refreshMinutes"
              type="number"
              inputMode="numeric"
              min={MIN_REFRESH_MINUTES}
              max={MAX_REFRESH_MINUTES}
              {...text('refreshMinutes')}
            />
          </Field>
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
