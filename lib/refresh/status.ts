import type { FeedErrorInfo } from '../errors';
import { countText, formatDuration } from '../format';
import { t, tp } from '../i18n';
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
  const duration = summary ? formatDuration(now - summary.fetchedAt) : '';
  const demo = summary?.source === 'demo' ? t('statusDemoData') : '';
  const details = (...parts: string[]) => parts.filter(Boolean).join(' · ');
  if (status.refreshing) {
    return {
      tone: 'busy',
      text: t('statusRefreshing'),
      detail: summary ? details(countText(summary.offerCount), demo) : '',
    };
  }
  if (status.error) {
    const { message } = status.error;
    const text =
      status.nextAttemptAt !== null
        ? t('statusErrorRetrying', {
            error: message,
            duration: formatDuration(Math.max(0, status.nextAttemptAt - now)),
          })
        : message;
    return {
      tone: 'error',
      text,
      detail: summary
        ? details(t('statusLastGood', { duration, offers: countText(summary.offerCount) }), demo)
        : t('statusNoOffersYet'),
    };
  }
  if (!summary) return { tone: 'empty', text: t('statusNoOffersYet'), detail: '' };
  return {
    tone: 'ok',
    text: countText(summary.offerCount),
    detail: details(t('statusUpdated', { duration }), demo, status.notice ?? ''),
  };
}

/**
 * All sources' refreshes as one status, for the toolbar and the pages: refreshing while any
 * is; the first failing source's error, named ("AppRocket (Affise): The API key was rejected");
 * the oldest good data's time (the age the publisher should know of). One source: its own status.
 */
export function combineStatuses(entries: readonly { name: string; status: RefreshStatus }[]): RefreshStatus {
  if (entries.length === 0) return EMPTY_STATUS;
  if (entries.length === 1) return (entries[0] as { status: RefreshStatus }).status;
  const named = (name: string, text: string) => t('statusNamed', { name, text });
  const failing = entries.filter((e) => e.status.error);
  const first = failing[0];
  const failingNamed = (name: string, text: string) =>
    failing.length > 1 ? tp('statusNamedAndMore', failing.length - 1, { name, text }) : named(name, text);
  const pick = (values: (number | null)[], choose: (a: number, b: number) => number) =>
    values.reduce<number | null>((best, v) => (v === null ? best : best === null ? v : choose(best, v)), null);
  const notice = entries.find((e) => e.status.notice);
  return {
    lastAttemptAt: pick(
      entries.map((e) => e.status.lastAttemptAt),
      Math.max,
    ),
    lastSuccessAt: pick(
      entries.map((e) => e.status.lastSuccessAt),
      Math.min,
    ),
    nextAttemptAt: pick(
      entries.map((e) => e.status.nextAttemptAt),
      Math.min,
    ),
    failures: Math.max(...entries.map((e) => e.status.failures)),
    refreshing: entries.some((e) => e.status.refreshing),
    error: first?.status.error
      ? { ...first.status.error, message: failingNamed(first.name, first.status.error.message) }
      : null,
    notice: notice?.status.notice ? named(notice.name, notice.status.notice) : null,
  };
}
