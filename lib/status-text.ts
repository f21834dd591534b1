import { formatDuration } from './offer';
import type { RefreshStatus, SnapshotSummary } from './snapshot';

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
  return { tone: 'ok', text: countText(summary.offerCount), detail: `updated ${age}${demo}` };
}

export function countText(count: number): string {
  return `${count.toLocaleString('en-US')} offer${count === 1 ? '' : 's'}`;
}
