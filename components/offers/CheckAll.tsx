import { useEffect, useRef, useState } from 'preact/hooks';
import { linkChecksCsv } from '../../lib/export';
import type { LinkCheckResult } from '../../lib/link-check';
import { LINK_CHECK_WHY } from '../../lib/link-check/permissions';
import { sendMessage } from '../../lib/messaging/client';
import type { Offer } from '../../lib/offer';
import { downloadText } from '../download';
import { askForLinkChecks } from '../link-check';
import { stateOf } from './LinkCheck';

/** At most this many offers per run: each check is a real click at the network. */
export const CHECK_ALL_MAX = 50;
/** The pause between two checks. */
const PAUSE_MS = 1000;

interface Row {
  offer: Offer;
  result: LinkCheckResult | null;
  problem: string | null;
}

/**
 * "Check all": the listed offers' links (the watched ones with the Watching filter), one at a
 * time with a pause between, a progress bar and a Stop button, then a table of verdicts that
 * can be exported.
 */
export function CheckAll({ offers, what, onClose }: { offers: Offer[]; what: string; onClose: () => void }) {
  const list = offers.slice(0, CHECK_ALL_MAX);
  const [rows, setRows] = useState<Row[]>([]);
  const [running, setRunning] = useState(false);
  const [refused, setRefused] = useState(false);
  const stop = useRef(false);
  const startButton = useRef<HTMLButtonElement>(null);
  useEffect(() => startButton.current?.focus(), []);
  useEffect(
    () => () => {
      stop.current = true;
    },
    [],
  );

  function start() {
    const allowed = askForLinkChecks();
    stop.current = false;
    setRows([]);
    setRunning(true);
    void allowed.then(async (granted) => {
      setRefused(!granted);
      if (!granted) {
        setRunning(false);
        return;
      }
      for (const [i, offer] of list.entries()) {
        if (stop.current) break;
        if (i > 0) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
        if (stop.current) break;
        const state = await sendMessage('checkLink', { offerId: offer.id }).then(stateOf, (error: unknown) => ({
          kind: 'failed' as const,
          message: error instanceof Error ? error.message : String(error),
        }));
        const row: Row =
          state.kind === 'done'
            ? { offer, result: state.result, problem: null }
            : { offer, result: null, problem: state.kind === 'failed' ? state.message : 'permission refused' };
        setRows((done) => [...done, row]);
      }
      setRunning(false);
    });
  }

  const results = rows.flatMap((row) => (row.result ? [{ offer: row.offer, result: row.result }] : []));
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
      {refused && <p class="banner warn">{LINK_CHECK_WHY}</p>}
      <div class="row">
        {running ? (
          <button type="button" class="btn" onClick={() => (stop.current = true)}>
            Stop
          </button>
        ) : (
          <button ref={startButton} type="button" class="btn primary" onClick={start} disabled={list.length === 0}>
            {rows.length ? 'Check again' : `Check ${list.length} links`}
          </button>
        )}
        {results.length > 0 && !running && (
          <button
            type="button"
            class="btn"
            onClick={() =>
              downloadText(`offer-lens-link-checks-${Date.now()}.csv`, linkChecksCsv(results), 'text/csv;charset=utf-8')
            }
          >
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
              <tr key={row.offer.id} class={row.result?.verdict ?? 'broken'}>
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
