import { normaliseCountry } from '../country';
import { AppError } from '../errors';
import { formatDay, formatExpiry } from '../format';
import { t } from '../i18n';
import { isExpiringSoon, type Offer, type Payout } from '../offer';
import { offerKey } from '../sources';
import { storeKey } from '../store-url';
import { alertText } from './describe';
import type { ChangeRecord } from './log';
import { isWatched, recordKey, type Watchlist } from './watched';

export { isWatched, recordKey, type Watchlist } from './watched';

export const EMPTY_WATCHLIST: Watchlist = { offers: [], apps: [] };
/** Sync storage gives an item 8 KB: room for this many ids with margin. */
export const WATCHLIST_MAX_OFFERS = 300;
export const WATCHLIST_MAX_APPS = 100;

export interface WatchSettings {
  /** Percent; 0 = any drop. */
  alertPayoutDrop: number;
  /** '' = any country. */
  watchedCountries: string;
}

/** A browser notification to raise. `key` says what it is about, so it is raised once. */
export interface WatchAlert {
  key: string;
  /** The offer's key (source and id). */
  offerId: string;
  title: string;
  message: string;
}

/** The same alert is not raised again within a day (an offer that flickers warns once). */
export const ALERT_REPEAT_MS = 86_400_000;

/** What a star or "Watch this app" points at: an offer by its key (lib/sources offerKey), or an app. */
export type WatchTarget = { offerId: string } | { appKey: string };

/** What every surface says when setWatched answers null (in the UI language, so asked for when said). */
export function watchlistFullText(): string {
  return new AppError('watchlist-full').message;
}

/** The watchlist with the target added or removed; null when it is full (sync storage's quota): say `watchlistFullText()`. */
export function setWatched(watchlist: Watchlist, target: WatchTarget, on: boolean): Watchlist | null {
  const [field, value, max] =
    'offerId' in target
      ? (['offers', target.offerId, WATCHLIST_MAX_OFFERS] as const)
      : (['apps', target.appKey, WATCHLIST_MAX_APPS] as const);
  const list = watchlist[field].filter((item) => item !== value);
  if (on) {
    if (list.length >= max) return null;
    list.push(value);
  }
  return { ...watchlist, [field]: list };
}

/**
 * The alerts one good refresh raises for watched things: a watched offer gone, its payout
 * dropped (by at least the threshold), a cap cut, a watched country removed, expiry within 48 h,
 * and a new offer for a watched app. `sent` holds the alerts raised before (key → when); only
 * alerts not raised within a day are returned. A feed error raises nothing: this runs on the
 * changes of a good snapshot only.
 */
export function watchAlerts(input: {
  records: ChangeRecord[];
  offers: Offer[];
  watchlist: Watchlist;
  settings: WatchSettings;
  sent: Record<string, number>;
  now: number;
}): WatchAlert[] {
  const { records, offers, watchlist, settings, sent, now } = input;
  const alerts: WatchAlert[] = [];
  const recent = (key: string) => sent[key] !== undefined && now - (sent[key] as number) < ALERT_REPEAT_MS;
  const add = (key: string, record: ChangeRecord, reason: string) => {
    if (recent(key) || alerts.some((a) => a.key === key)) return;
    alerts.push({ key, offerId: recordKey(record), ...alertText(record, reason) });
  };
  const countries = watchedCountries(settings.watchedCountries);

  for (const record of records) {
    const id = recordKey(record);
    const watched = isWatched(watchlist, id, record.appKey);
    if (record.kind === 'new') {
      // An app's new offer; an offer that comes back after "gone" was already warned about.
      if (record.appKey && watchlist.apps.includes(record.appKey) && !recent(`gone:${id}`)) {
        add(`new:${id}`, record, t('watchNewOfferForApp'));
      }
      continue;
    }
    if (!watched) continue;
    if (record.kind === 'gone') add(`gone:${id}`, record, t('watchOfferGone'));
    const drop = record.kind === 'payout' ? dropPercent(record) : 0;
    if (drop > 0 && drop >= settings.alertPayoutDrop) {
      add(`payout:${id}:${(record.after as Payout | null)?.amount ?? 'none'}`, record, t('watchPayoutDropped'));
    }
    if (record.kind === 'caps' && isCapCut(record)) add(`caps:${id}:${capsKey(record)}`, record, t('watchCapCut'));
    if (record.kind === 'geos') {
      const removed = (record.before as string[]).filter((g) => !(record.after as string[]).includes(g));
      const hit = countries.size === 0 ? removed : removed.filter((g) => countries.has(g));
      if (hit.length) {
        add(`geos:${id}:${hit.sort().join(',')}`, record, t('watchCountriesRemoved', { countries: hit.join(', ') }));
      }
    }
  }

  for (const offer of offers) {
    const appKey = offer.store ? storeKey(offer.store) : null;
    const id = offerKey(offer);
    if (!isWatched(watchlist, id, appKey) || !isExpiringSoon(offer, now)) continue;
    const key = `expiry:${id}:${offer.expiresAt}`;
    if (recent(key) || alerts.some((a) => a.key === key)) continue;
    alerts.push({
      key,
      offerId: id,
      title: t('changeAlertTitle', { reason: t('watchExpiresSoon'), name: offer.name }),
      message: t('watchExpiryMessage', {
        expiry: formatExpiry(offer.expiresAt, now),
        day: formatDay(offer.expiresAt as number, now),
      }),
    });
  }
  return alerts;
}

/** How much of the payout went, in percent: a payout that disappears dropped 100 %. */
function dropPercent(record: ChangeRecord): number {
  const before = record.before as Payout | null;
  const after = record.after as Payout | null;
  if (!before || before.amount <= 0) return 0;
  if (!after) return 100;
  if (after.currency !== before.currency) return 0;
  return ((before.amount - after.amount) / before.amount) * 100;
}

/** A cap is cut when it gets lower, or appears where there was none (0 = no cap). */
function isCapCut(record: ChangeRecord): boolean {
  const before = record.before as { daily: number; monthly: number };
  const after = record.after as { daily: number; monthly: number };
  const cut = (b: number, a: number) => a > 0 && (b === 0 || a < b);
  return cut(before.daily, after.daily) || cut(before.monthly, after.monthly);
}

function capsKey(record: ChangeRecord): string {
  const after = record.after as { daily: number; monthly: number };
  return `${after.daily}/${after.monthly}`;
}

function watchedCountries(text: string): Set<string> {
  const codes = text
    .split(/[\s,]+/)
    .map((code) => normaliseCountry(code))
    .filter((code): code is string => code !== null);
  return new Set(codes);
}
