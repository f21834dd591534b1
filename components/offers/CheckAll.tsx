import { useEffect, useRef } from 'preact/hooks';
import { linkCheckWhy } from '../../lib/link-check/permissions';
import type { Offer } from '../../lib/offer';
import { offerKey } from '../../lib/sources';
import { useCheckAll } from './use-check-all';

/** At most this many offers per run: each check is a real click at the network. */
export const CHECK_ALL_MAX = 50;

/**
 * "Check all": the listed offers' links (the watched ones with the Watching filter), one at a
 * time with a pause between, a progress bar and a Stop button, then a table of verdicts that
 * can be exported.
 */
export function CheckAll({ offers, what, onClose }: { offers: Offer[]; what: string; onClose: () => void }) {
  const list = offers.slice(0, CHECK_ALL_MAX);
  const { rows, running, refused, checked, start, stop, exportCsv } = useCheckAll(list);
  const startButton = useRef<HTMLButtonElement>(null);
  useEffect(() => startButton.current?.focus(), []);

  return (
    <section class="check-all" aria-labelledby="check-all-title">
      <div class="row spread">
        <h2 id="check-all-title">Check links</h2>
        <button type="button" class="btn link" onClick={onClose}>
          Close
        </button>
      </div>
      <p class="muted">
        {`Follows the links of ${list.length === offers.length ? '' : 'the first '}${list.length} ${what} one at a time, as a phone would. Each check is a real click at the network.`}
      </p>
      {refused && <p class="banner warn">{linkCheckWhy()}</p>}
      <div class="row">
        {running ? (
          <button type="button" class="btn" onClick={stop}>
            Stop
          </button>
        ) : (
          <button ref={startButton} type="button" class="btn primary" onClick={start} disabled={list.length === 0}>
            {rows.length ? 'Check again' : `Check ${list.length} links`}
          </button>
        )}
        {checked > 0 && !running && (
          <button type="button" class="btn" onClick={exportCsv}>
            Export CSV
          </button>
        )}
      </div>
      {(running || rows.length > 0) && (
        <progress max={list.length} value={rows.length} aria-label="Links checked">
          {rows.length} of {list.length}
        </progress>
      )}
      {rows.length > 0 && (
        <table class="checks">
          <thead>
            <tr>
              <th scope="col">Offer</th>
              <th scope="col">Verdict</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={offerKey(row.offer)} class={row.result?.verdict ?? 'broken'}>
                <td>{row.offer.name}</td>
                <td>
                  {row.result
                    ? row.result.verdict === 'broken'
                      ? `Broken: ${row.result.reason}`
                      : row.result.reason
                    : `Not checked: ${row.problem}`}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
