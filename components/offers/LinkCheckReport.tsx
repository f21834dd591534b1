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
  const headline = result.verdict === 'broken' ? `Broken: ${result.reason}` : result.reason;
  return (
    <div class={`check-report ${result.verdict}`}>
      <p class="verdict">
        <span aria-hidden="true">{HEADLINES[result.verdict]} </span>
        {headline}
      </p>
      {result.country && <p class={result.country.fits === false ? 'problem' : 'muted'}>{result.country.text}</p>}
      <ol class="hops" aria-label="Hops">
        {result.hops.map((hop, i) => {
          const next = resolveLocation(hop) ?? hop.location;
          return (
            <li key={i}>
              <span class="host">{hopHost(hop.url)}</span>{' '}
              <span class={hop.status >= 400 || hop.status === 0 ? 'status bad' : 'status'}>
                {hop.status === 0 ? 'no answer' : hop.status}
              </span>
              {next && <span class="muted"> → {hopHost(next)}</span>}
            </li>
          );
        })}
      </ol>
      <p class="muted">
        {result.clickIdPassedAt !== null
          ? `Click ID passed on at hop ${result.clickIdPassedAt}. `
          : 'The click ID was not passed on to a later hop. '}
        {(result.ms / 1000).toFixed(1)} s, as an {result.phoneLabel}, from your own connection and country.
      </p>
    </div>
  );
}
