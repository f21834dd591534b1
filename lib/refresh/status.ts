import type { FeedErrorInfo } from '../errors';
import { countText, formatDuration } from '../format';
import type { SnapshotSummary } from '../snapshot';

/** Where the refresh stands. The background keeps it in IndexedDB and mirrors it for the pages. */
export interface RefreshStatus {
  lastAttemptAt: number | null;
  lastSuccessAt: number | null;
  /** When the next automatic attempt is due; null = none planned (no key, or key rejected). */
  nextAttemptAt: number | null;
  /** Failures in a row, for the back-off. */
  failures: number;
  refreshing: boolean;
  error: FeedErrorInfo | null;
  /** Something worth saying that is not an error ("The feed now lists no offers (was 223)"). */
  notice: string | null;
}

export const EMPTY_STATUS: RefreshStatus = {
  lastAttemptAt: null,
  lastSuccessAt: null,
  nextAttemptAt: null,
  failures: 0,
  refreshing: false,
  error: null,
  notice: null,
};

export interface StatusText {
  tone: 'ok' | 'error' | 'busy' | 'empty';
  /** The headline: "224 offers", or the error in plain words with when we retry. */
  text: string;
  /** "updated 5 min ago", "last good data from 2 h ago", "demo data". */
  detail: string;
}

/** What every UI says about the feed: one function, so popup, options and badge agree. */
export function describeStatus(status: RefreshStatus, summary: SnapshotSummary | null, now: number): StatusText {
  const age = summary ? `${formatDuration(now - summary.fetchedAt)} ago` : '';
  const demo = summary?.source === 'demo' ? ' · demo data' : '';
  if (status.refreshing) {
    return {
      tone: 'busy',
      text: 'Refreshing offers…',
      detail: summary ? `${countText(summary.offerCount)}${demo}` : '',
    };
  }
  if (status.error) {
    const retry =
      status.nextAttemptAt !== null ? `, retrying in ${formatDuration(Math.max(0, status.nextAttemptAt - now))}` : '';
    return {
      tone: 'error',
      text: `${status.error.message}${retry}`,
      detail: summary ? `Last good data from ${age}: ${countText(summary.offerCount)}${demo}` : 'No offers loaded yet',
    };
  }
  if (!summary) return { tone: 'empty', text: 'No offers loaded yet', detail: '' };
  const notice = status.notice ? ` · ${status.notice}` : '';
  return { tone: 'ok', text: countText(summary.offerCount), detail: `updated ${age}${demo}${notice}` };
}
