import { formatNumber, t } from '../../lib/i18n';
import type { LinkCheckResult, LinkVerdict } from '../../lib/link-check';
import { hopHost, resolveLocation } from '../../lib/link-check';

const HEADLINES: Record<LinkVerdict, string> = {
  'right-app': '✓',
  'other-app': '✗',
  'web-page': '⚠',
  broken: '✗',
};

/** The verdict in words on the first line, then every hop, then what helps read it. */
export function LinkCheckReport({ result }: { result: LinkCheckResult }) {
  const headline = result.verdict === 'broken' ? t('offersCheckBroken', { reason: result.reason }) : result.reason;
  const verdictClass = `check-report ${result.verdict}`;
  const seconds = formatNumber(result.ms / 1000, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return (
    <div class={verdictClass}>
      <p class="verdict">
        <span aria-hidden="true">{HEADLINES[result.verdict]} </span>
        {headline}
      </p>
      {result.country && <p class={result.country.fits === false ? 'problem' : 'muted'}>{result.country.text}</p>}
      <ol class="hops" aria-label={t('offersHops')}>
        {result.hops.map((hop, i) => {
          const next = resolveLocation(hop) ?? hop.location;
          return (
            <li key={i}>
              <span class="host">{hopHost(hop.url)}</span>{' '}
              <span class={hop.status >= 400 || hop.status === 0 ? 'status bad' : 'status'}>
                {hop.status === 0 ? t('offersHopNoAnswer') : hop.status}
              </span>
              {next && <span class="muted"> → {hopHost(next)}</span>}
            </li>
          );
        })}
      </ol>
      <p class="muted">
        {result.clickIdPassedAt !== null
          ? t('offersClickIdPassed', { hop: formatNumber(result.clickIdPassedAt) })
          : t('offersClickIdNotPassed')}{' '}
        {t('offersCheckTiming', { seconds, phone: result.phoneLabel })}
      </p>
    </div>
  );
}
