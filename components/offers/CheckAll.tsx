import { useEffect, useRef } from 'preact/hooks';
import { formatNumber, type PluralKey, t, tp } from '../../lib/i18n';
import { linkCheckWhy } from '../../lib/link-check/permissions';
import type { Offer } from '../../lib/offer';
import { offerKey } from '../../lib/sources';
import { CHECK_ALL_MAX } from './body';
import { useCheckAll } from './use-check-all';

export { CHECK_ALL_MAX };

/**
 * "Check all": the listed offers' links (the watched ones with the Watching filter), one at a
 * time with a pause between, a progress bar and a Stop button, then a table of verdicts that
 * can be exported.
 */
export function CheckAll({ offers, watched, onClose }: { offers: Offer[]; watched: boolean; onClose: () => void }) {
  const list = offers.slice(0, CHECK_ALL_MAX);
  const { rows, running, refused, checked, start, stop, exportCsv } = useCheckAll(list);
  const startButton = useRef<HTMLButtonElement>(null);
  useEffect(() => startButton.current?.focus(), []);

  return (
    <section class="check-all" aria-labelledby="check-all-title">
      <div class="row spread">
        <h2 id="check-all-title">{t('offersCheckLinks')}</h2>
        <button type="button" class="btn link" onClick={onClose}>
          {t('offersClose')}
        </button>
      </div>
      <p class="muted">{tp(introKey(watched, list.length < offers.length), list.length)}</p>
      {refused && <p class="banner warn">{linkCheckWhy()}</p>}
      <div class="row">
        {running ? (
          <button type="button" class="btn" onClick={stop}>
            {t('offersStop')}
          </button>
        ) : (
          <button ref={startButton} type="button" class="btn primary" onClick={start} disabled={list.length === 0}>
            {rows.length ? t('offersCheckAgain') : tp('offersCheckCount', list.length)}
          </button>
        )}
        {checked > 0 && !running && (
          <button type="button" class="btn" onClick={exportCsv}>
            {t('offersExportCsv')}
          </button>
        )}
      </div>
      {(running || rows.length > 0) && (
        <progress max={list.length} value={rows.length} aria-label={t('offersLinksChecked')}>
          {t('offersCheckProgress', { done: formatNumber(rows.length), total: formatNumber(list.length) })}
        </progress>
      )}
      {rows.length > 0 && (
        <table class="checks">
          <thead>
            <tr>
              <th scope="col">{t('offersCheckOffer')}</th>
              <th scope="col">{t('offersCheckVerdict')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={offerKey(row.offer)} class={row.result?.verdict ?? 'broken'}>
                <td>{row.offer.name}</td>
                <td>
                  {row.result
                    ? row.result.verdict === 'broken'
                      ? t('offersCheckBroken', { reason: row.result.reason })
                      : row.result.reason
                    : t('offersCheckNotChecked', { problem: row.problem ?? '' })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** What the run follows: the listed or the watched offers, all of them or the first CHECK_ALL_MAX. */
function introKey(watched: boolean, cut: boolean): PluralKey {
  if (watched) return cut ? 'offersCheckAllFirstWatched' : 'offersCheckAllWatched';
  return cut ? 'offersCheckAllFirstListed' : 'offersCheckAllListed';
}
