import { useEffect, useRef, useState } from 'preact/hooks';
import { exportFileName, linkChecksCsv } from '../../lib/export';
import { t } from '../../lib/i18n';
import type { LinkCheckResult } from '../../lib/link-check';
import type { Offer } from '../../lib/offer';
import { offerKey } from '../../lib/sources';
import { downloadText } from '../download';
import { askForLinkChecks } from '../link-check';
import { checkLink } from './use-link-check';

/** The pause between two checks. */
const PAUSE_MS = 1000;

export interface CheckRow {
  offer: Offer;
  result: LinkCheckResult | null;
  problem: string | null;
}

/**
 * Check links, one at a time with a pause between, until the list ends or Stop (or the view
 * closes); the verdicts can be exported as CSV.
 */
export function useCheckAll(list: Offer[]) {
  const [rows, setRows] = useState<CheckRow[]>([]);
  const [running, setRunning] = useState(false);
  const [refused, setRefused] = useState(false);
  const stopped = useRef(false);
  useEffect(
    () => () => {
      stopped.current = true;
    },
    [],
  );

  const results = rows.flatMap((row) => (row.result ? [{ offer: row.offer, result: row.result }] : []));
  return {
    rows,
    running,
    refused,
    /** How many verdicts an export holds (the rows that could be checked). */
    checked: results.length,
    /** Runs inside the click: the permission question must come from the publisher's gesture. */
    start(): void {
      const allowed = askForLinkChecks();
      stopped.current = false;
      setRows([]);
      setRunning(true);
      void allowed.then(async (granted) => {
        setRefused(!granted);
        if (granted) await checkEach(list, stopped, (row) => setRows((done) => [...done, row]));
        setRunning(false);
      });
    },
    stop: () => {
      stopped.current = true;
    },
    exportCsv: () =>
      downloadText(exportFileName('link-checks', 'csv', Date.now()), linkChecksCsv(results), 'text/csv;charset=utf-8'),
  };
}

async function checkEach(list: Offer[], stopped: { current: boolean }, done: (row: CheckRow) => void) {
  for (const [i, offer] of list.entries()) {
    if (stopped.current) break;
    if (i > 0) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
    if (stopped.current) break;
    const state = await checkLink(offerKey(offer));
    done(
      state.kind === 'done'
        ? { offer, result: state.result, problem: null }
        : { offer, result: null, problem: state.kind === 'failed' ? state.message : t('offersCheckPermissionRefused') },
    );
  }
}
