import { formatNumber, t, tp } from '../../lib/i18n';
import type { StatusText } from '../../lib/refresh/status';
import { StatusLine } from '../StatusLine';
import { CHECK_ALL_MAX } from './body';

interface Props {
  /** The last action's confirmation, shown over the feed's status for a moment. */
  toast: string;
  status: StatusText;
  searching: boolean;
  /** "N matches", when it means something (a loaded feed, and a count that differs from it). */
  matchCount: number | null;
  /** Null: no Check links (nothing listed, or already checking). */
  onCheckLinks: (() => void) | null;
  /** Null: nothing to refresh (no key). */
  onRefresh: (() => void) | null;
}

/** The feed's state (or the last action's toast), the match count, Check links and Refresh. */
export function Footer({ toast, status, searching, matchCount, onCheckLinks, onRefresh }: Props) {
  return (
    <footer class="footer">
      <span class="sr-only" role="status" aria-live="polite">
        {toast}
      </span>
      {toast ? (
        <span class="copied" aria-hidden="true">
          ✓ {toast}
        </span>
      ) : (
        <StatusLine status={status} />
      )}
      {searching && <span class="muted">{t('offersSearching')}</span>}
      {!searching && matchCount !== null && <span class="muted">{tp('offersMatchCount', matchCount)}</span>}
      {onCheckLinks && (
        <button
          type="button"
          class="btn link"
          title={t('offersCheckLinksHint', { max: formatNumber(CHECK_ALL_MAX) })}
          onClick={onCheckLinks}
        >
          {t('offersCheckLinks')}
        </button>
      )}
      {onRefresh && (
        <button type="button" class="btn link" onClick={onRefresh} disabled={status.tone === 'busy'}>
          {t('offersRefresh')}
        </button>
      )}
    </footer>
  );
}
