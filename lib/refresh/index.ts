import { type ErrorInfo, FeedError } from '../errors';
import { type ParsedFeed, unusableFeedError } from '../feed';
import { formatInteger } from '../format';
import { t } from '../i18n';
import { SETTING_LABELS, type SettingKey, type Settings } from '../settings/defaults';
import { redactSecret } from '../settings/secret';
import type { SourceSnapshot } from '../snapshot';
import type { Source } from '../sources';
import { nextAttemptAfterFailure, refreshIntervalMs } from './schedule';
import type { RefreshStatus } from './status';

export type RefreshOutcome =
  | { ok: true; offerCount: number; rejectedCount: number; fetchedAt: number }
  | { ok: false; error: ErrorInfo };

/** What one refresh of one source works with. */
export interface RefreshConfig {
  apiKey: string;
  settings: Settings;
  /** Stored settings that were not valid (replaced by their defaults), to report. */
  repaired: SettingKey[];
  /** A trial's source as typed (not saved yet): its address and kind instead of the stored ones. */
  source?: Source;
}

/** How far the last good snapshot of this source goes, as a refresh needs to know it. */
export interface SourceFacts {
  offerCount: number;
  rejectedCount: number;
  fetchedAt: number;
}

export interface RefresherDeps {
  now(): number;
  /** The key and the checked settings in force. */
  loadConfig(): Promise<RefreshConfig>;
  /**
   * Why this source may not be fetched now (no key, no address, origin not approved, access not
   * granted); null when it may. `alsoApproved`: an origin the publisher just confirmed.
   */
  checkAccess(config: RefreshConfig, alsoApproved?: string): Promise<FeedError | null>;
  /** The source's offers, fetched and normalised (lib/refresh/fetch-offers.ts). */
  fetchOffers(config: RefreshConfig, signal: AbortSignal): Promise<ParsedFeed>;
  /** This source's own status; saving it also updates what the pages show. */
  loadStatus(): Promise<RefreshStatus>;
  saveStatus(status: RefreshStatus): Promise<void>;
  /** The source's snapshot in use now. */
  currentSnapshot(): Promise<SourceFacts | null>;
  saveSnapshot(snapshot: SourceSnapshot): Promise<void>;
  /** Plan the next automatic attempt (null: none). */
  schedule(when: number | null): Promise<void>;
  /**
   * Bundled demo data: no key, nothing to schedule, and a failure of the publisher's own source
   * shown meanwhile is not theirs to fix now.
   */
  demo?: boolean;
}

export interface RefreshOptions {
  /** Abort a refresh under way and start over (the settings changed). */
  restart?: boolean;
  /**
   * "Save and test": fetch with a key and settings not in force yet. Only when the feed answers
   * well is `commit` called (it makes them the ones in force) and the snapshot kept; a failed
   * trial changes nothing — not the key, not the settings, not the status the popup shows.
   */
  trial?: Trial;
  /**
   * Not asked for by the publisher (alarm, start-up, settings synced in): skipped unless an
   * attempt is due, or the last one is at least the interval floor old.
   */
  automatic?: boolean;
}

export interface Refresher {
  /** Refresh now. Concurrent calls share one request; `restart` aborts it and starts over. */
  refresh(options?: RefreshOptions): Promise<RefreshOutcome>;
}

export interface Trial {
  apiKey: string;
  settings: Settings;
  /** The source as typed on the settings page (an added or edited account). */
  source?: Source;
  /** A feed origin the publisher just confirmed: approved for this test (and kept by `commit`). */
  approvedOrigin?: string;
  commit(): Promise<void>;
}

/**
 * One source's refreshes: one at a time (concurrent calls share it; new settings abort it and
 * start over), its status and back-off, and what a failure may never do — replace the last good
 * snapshot, or show the key. Kind-agnostic: `fetchOffers` knows the network.
 */
export function createRefresher(deps: RefresherDeps): Refresher {
  let inFlight: { promise: Promise<RefreshOutcome>; controller: AbortController } | null = null;

  async function run(controller: AbortController, automatic: boolean, trial?: Trial): Promise<RefreshOutcome | null> {
    const before = await deps.loadStatus();
    const startedAt = deps.now();
    if (automatic && !isDue(before, startedAt)) return null;
    const config = trial ? { ...trial, repaired: [] } : await deps.loadConfig();
    const { apiKey, repaired } = config;
    const notice = repaired.length
      ? t('refreshSettingsReset', { settings: repaired.map((key) => SETTING_LABELS[key]).join(', ') })
      : null;

    const precondition = await deps.checkAccess(config, trial?.approvedOrigin);
    if (precondition && trial) return { ok: false, error: precondition.toInfo() };
    if (precondition) {
      // Not configured is not broken: no red badge until there is a key to be wrong about.
      const quiet = precondition.code === 'no-key' || !!deps.demo;
      await deps.saveStatus({
        ...before,
        refreshing: false,
        lastAttemptAt: startedAt,
        nextAttemptAt: null,
        error: quiet ? null : precondition.toInfo(),
        notice,
      });
      await deps.schedule(null);
      return { ok: false, error: precondition.toInfo() };
    }

    await deps.saveStatus({ ...before, refreshing: true, lastAttemptAt: startedAt });
    const redact = (text: string) => redactSecret(text, apiKey);
    try {
      const feed = redactFeed(await deps.fetchOffers(config, controller.signal), redact);
      const unusable = unusableFeedError(feed);
      if (unusable) throw unusable;
      const previous = await deps.currentSnapshot();
      const fetchedAt = deps.now();
      await trial?.commit();
      await deps.saveSnapshot({ offers: feed.offers, rejected: feed.rejected, fetchedAt }).catch((error: unknown) => {
        // Stryker disable next-line StringLiteral: words for the developer console only
        console.error('Offer Lens: saving the snapshot failed', error);
        throw new FeedError('storage');
      });
      const emptied =
        feed.offers.length === 0 && previous && previous.offerCount > 0
          ? t('refreshFeedEmptied', { count: formatInteger(previous.offerCount) })
          : null;
      // Demo data stays until the publisher asks for their own offers.
      const next = deps.demo ? null : fetchedAt + refreshIntervalMs(config.settings.refreshMinutes);
      await deps.saveStatus({
        lastAttemptAt: startedAt,
        lastSuccessAt: fetchedAt,
        nextAttemptAt: next,
        failures: 0,
        refreshing: false,
        error: null,
        notice: emptied ?? notice,
      });
      await deps.schedule(next);
      return { ok: true, offerCount: feed.offers.length, rejectedCount: feed.rejected.length, fetchedAt };
    } catch (error) {
      if (controller.signal.aborted) throw error;
      const failure =
        error instanceof FeedError
          ? error.cleaned(redact)
          : new FeedError('internal', { detail: redact(String((error as Error)?.message ?? error)) });
      if (trial) {
        // What failed was never in force: the source in use keeps its state.
        await deps.saveStatus({ ...before, refreshing: false });
        return { ok: false, error: failure.toInfo() };
      }
      const failures = before.failures + 1;
      const next = nextAttemptAfterFailure(failure, failures, deps.now());
      await deps.saveStatus({
        ...before,
        lastAttemptAt: startedAt,
        nextAttemptAt: next,
        failures,
        refreshing: false,
        error: failure.toInfo(),
        notice,
      });
      await deps.schedule(next);
      return { ok: false, error: failure.toInfo() };
    }
  }

  function start(restart: boolean, automatic: boolean, trial?: Trial): Promise<RefreshOutcome> {
    if (inFlight && !restart) return inFlight.promise;
    inFlight?.controller.abort();
    const controller = new AbortController();
    const promise = run(controller, automatic, trial)
      .then(async (outcome) => outcome ?? skipped())
      // A superseded run hands its callers the result of the run that replaced it.
      .catch((error) => {
        if (controller.signal.aborted && inFlight && inFlight.controller !== controller) return inFlight.promise;
        throw error;
      })
      .finally(() => {
        // Stryker disable next-line ConditionalExpression: a superseded run settles after its successor, which already let go
        if (inFlight?.controller === controller) inFlight = null;
      });
    inFlight = { promise, controller };
    return promise;
  }

  return {
    refresh: ({ restart = false, automatic = false, trial } = {}) => start(restart || !!trial, automatic, trial),
  };

  /** An automatic refresh that was not due answers with the state as it is. */
  async function skipped(): Promise<RefreshOutcome> {
    const status = await deps.loadStatus();
    if (status.error) return { ok: false, error: status.error };
    const current = await deps.currentSnapshot();
    return {
      ok: true,
      offerCount: current?.offerCount ?? 0,
      rejectedCount: current?.rejectedCount ?? 0,
      fetchedAt: current?.fetchedAt ?? 0,
    };
  }
}

/**
 * Automatic refreshes never run more often than the interval floor, whatever storage says,
 * except when an attempt is due (the schedule or the back-off planned it).
 */
function isDue(status: RefreshStatus, now: number): boolean {
  if (status.nextAttemptAt !== null && status.nextAttemptAt <= now + 1000) return true;
  return status.lastAttemptAt === null || now - status.lastAttemptAt >= refreshIntervalMs(0);
}

/** The feed server's words (skipped offers' ids and reasons) without the key in them. */
function redactFeed(feed: ParsedFeed, redact: (text: string) => string): ParsedFeed {
  return {
    offers: feed.offers,
    rejected: feed.rejected.map((r) => ({ ...r, id: r.id === null ? null : redact(r.id), reason: redact(r.reason) })),
  };
}
