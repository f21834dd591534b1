import { FeedError, type FeedErrorInfo, needsSettingsChange } from './errors';
import { type ParsedFeed, parseFeed } from './feed';
import { feedUrlFor, redactKey, type Settings } from './settings';
import { EMPTY_STATUS, type RefreshStatus, type Snapshot } from './snapshot';

export const FETCH_TIMEOUT_MS = 30_000;
const MINUTE = 60_000;
const BACKOFF_MAX_MS = 60 * MINUTE;
const RETRY_AFTER_MIN_MS = 30_000; // browser.alarms fire no sooner than 30 s
const RETRY_AFTER_MAX_MS = 24 * 60 * MINUTE;

export type RefreshOutcome =
  | { ok: true; offerCount: number; rejectedCount: number; fetchedAt: number }
  | { ok: false; error: FeedErrorInfo };

interface FetchOptions {
  fetch?: typeof fetch;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export interface FetchFailure {
  error: FeedError;
  /** Parsed Retry-After of a 429/503, in ms from now. */
  retryAfterMs: number | null;
}

/**
 * GET the feed and normalise it. Throws a FetchFailure whose message never contains the URL
 * (and so never the key): fetch's own errors are replaced by our plain-words ones.
 */
export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<ParsedFeed> {
  const timeoutMs = options.timeoutMs ?? FETCH_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
  const doFetch = options.fetch ?? fetch;
  let text: string;
  let response: Response;
  try {
    response = await doFetch(url, {
      signal,
      cache: 'no-store',
      credentials: 'omit',
      headers: { accept: 'application/json' },
    });
    if (!response.ok) {
      throw failure(httpError(response.status), retryAfterMs(response, Date.now()));
    }
    text = await response.text();
  } catch (error) {
    if (isFetchFailure(error)) throw error;
    if (options.signal?.aborted) throw error; // superseded: the caller knows why
    if (timeout.aborted) throw failure(new FeedError('timeout', { timeoutMs }));
    throw failure(new FeedError('network'));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw failure(new FeedError('not-json', { httpStatus: response.status }));
  }
  try {
    return parseFeed(body);
  } catch (error) {
    if (error instanceof FeedError) throw failure(error);
    throw error;
  }
}

function httpError(status: number): FeedError {
  if (status === 401 || status === 403) return new FeedError('auth', { httpStatus: status });
  if (status === 404 || status === 410) return new FeedError('not-found', { httpStatus: status });
  if (status === 429) return new FeedError('rate-limited', { httpStatus: status });
  if (status >= 500) return new FeedError('server', { httpStatus: status });
  return new FeedError('http', { httpStatus: status });
}

/** Retry-After in seconds or as an HTTP date; only 429 and 503 are honoured. */
function retryAfterMs(response: Response, now: number): number | null {
  if (response.status !== 429 && response.status !== 503) return null;
  const header = response.headers.get('retry-after')?.trim();
  if (!header) return null;
  if (/^\d+$/.test(header)) return Number(header) * 1000;
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.max(0, date - now) : null;
}

function failure(error: FeedError, retryAfter: number | null = null): FetchFailure {
  return { error, retryAfterMs: retryAfter };
}

export function isFetchFailure(value: unknown): value is FetchFailure {
  return !!value && typeof value === 'object' && (value as FetchFailure).error instanceof FeedError;
}

/** Back-off after `failures` failures in a row: 1 min, 2, 4 … capped at 60 min. */
export function backoffMs(failures: number): number {
  return Math.min(BACKOFF_MAX_MS, MINUTE * 2 ** Math.max(0, failures - 1));
}

/** When to try again after a failure; null = not until the settings change. */
export function nextAttemptAfterFailure(f: FetchFailure, failures: number, now: number): number | null {
  if (needsSettingsChange(f.error.code)) return null;
  if (f.retryAfterMs !== null) {
    return now + Math.min(RETRY_AFTER_MAX_MS, Math.max(RETRY_AFTER_MIN_MS, f.retryAfterMs));
  }
  return now + backoffMs(failures);
}

/** Is the snapshot too old for the refresh interval (used at browser start)? */
export function isStale(fetchedAt: number | null, refreshMinutes: number, now: number): boolean {
  return fetchedAt === null || now - fetchedAt >= refreshMinutes * MINUTE;
}

export interface RefresherDeps {
  now(): number;
  fetch?: typeof fetch;
  timeoutMs?: number;
  loadConfig(): Promise<{ apiKey: string; settings: Settings }>;
  /** False when the browser has not granted access to the feed's origin. */
  canReach(feedUrl: string): Promise<boolean>;
  loadStatus(): Promise<RefreshStatus>;
  saveStatus(status: RefreshStatus): Promise<void>;
  saveSnapshot(snapshot: Snapshot): Promise<void>;
  /** Plan the next automatic attempt (null: none). */
  schedule(when: number | null): Promise<void>;
  /** The current snapshot's source, so demo data is not marked broken for lack of a key. */
  snapshotSource(): Promise<Snapshot['source'] | null>;
}

export interface Refresher {
  /** Refresh now. Concurrent calls share one request; `restart` aborts it and starts over. */
  refresh(options?: { restart?: boolean }): Promise<RefreshOutcome>;
}

export function createRefresher(deps: RefresherDeps): Refresher {
  let inFlight: { promise: Promise<RefreshOutcome>; controller: AbortController } | null = null;

  async function run(controller: AbortController): Promise<RefreshOutcome> {
    const { apiKey, settings } = await deps.loadConfig();
    const startedAt = deps.now();
    const before = { ...EMPTY_STATUS, ...(await deps.loadStatus()) };

    const precondition = await checkPreconditions(apiKey, settings);
    if (precondition) {
      // Not configured is not broken: no red badge until there is a key to be wrong about.
      const quiet = precondition.code === 'no-key' || (await deps.snapshotSource()) === 'demo';
      await deps.saveStatus({
        ...before,
        refreshing: false,
        lastAttemptAt: startedAt,
        nextAttemptAt: null,
        error: quiet ? null : precondition.toInfo(),
      });
      await deps.schedule(null);
      return { ok: false, error: precondition.toInfo() };
    }

    await deps.saveStatus({ ...before, refreshing: true, lastAttemptAt: startedAt });
    try {
      const feed = await fetchFeed(feedUrlFor(settings.feedUrl, apiKey), {
        fetch: deps.fetch,
        timeoutMs: deps.timeoutMs,
        signal: controller.signal,
      });
      const fetchedAt = deps.now();
      await deps.saveSnapshot({ offers: feed.offers, rejected: feed.rejected, fetchedAt, source: 'feed' });
      const next = fetchedAt + settings.refreshMinutes * MINUTE;
      await deps.saveStatus({
        lastAttemptAt: startedAt,
        lastSuccessAt: fetchedAt,
        nextAttemptAt: next,
        failures: 0,
        refreshing: false,
        error: null,
      });
      await deps.schedule(next);
      return { ok: true, offerCount: feed.offers.length, rejectedCount: feed.rejected.length, fetchedAt };
    } catch (error) {
      if (controller.signal.aborted) throw error;
      // Anything unexpected still leaves here without the key in its words.
      if (!isFetchFailure(error)) throw new Error(redactKey(String((error as Error)?.message ?? error), apiKey));
      const failures = before.failures + 1;
      const next = nextAttemptAfterFailure(error, failures, deps.now());
      await deps.saveStatus({
        ...before,
        lastAttemptAt: startedAt,
        nextAttemptAt: next,
        failures,
        refreshing: false,
        error: error.error.toInfo(),
      });
      await deps.schedule(next);
      return { ok: false, error: error.error.toInfo() };
    }
  }

  async function checkPreconditions(apiKey: string, settings: Settings): Promise<FeedError | null> {
    if (!apiKey) return new FeedError('no-key');
    if (!settings.feedUrl) return new FeedError('no-feed-url');
    if (!(await deps.canReach(feedUrlFor(settings.feedUrl, apiKey)))) return new FeedError('no-permission');
    return null;
  }

  return {
    refresh({ restart = false } = {}) {
      if (inFlight && !restart) return inFlight.promise;
      inFlight?.controller.abort();
      const controller = new AbortController();
      const promise = run(controller)
        // A superseded run hands its callers the result of the run that replaced it.
        .catch((error) => {
          if (controller.signal.aborted && inFlight && inFlight.controller !== controller) return inFlight.promise;
          throw error;
        })
        .finally(() => {
          if (inFlight?.controller === controller) inFlight = null;
        });
      inFlight = { promise, controller };
      return promise;
    },
  };
}
