import { changeText, payoutPercent } from '../changes/describe';
import { type ChangeRecord, GROUP_LABELS } from '../changes/log';
import { t } from '../i18n';
import type { LinkCheckResult } from '../link-check';
import type { Offer, Payout } from '../offer';
import { storePageUrl } from '../store-url';
import { type LinkSettings, trackingLinkFor } from '../tracking-link';

/**
 * Exports of what a surface lists: the offers (with the publisher's tracking links built) or
 * the changes, as CSV that spreadsheets open correctly and as JSON. Feed text is untrusted and
 * spreadsheets run formulas: see `csvCell`.
 */

/**
 * Where a spreadsheet would start a formula: at the text's start or after a split point — ";",
 * "," or tab, where a spreadsheet in some locale starts a new cell — spaces skipped, before one
 * of = + - @ tab CR. A zero-width match: the apostrophe goes there. One regular expression over
 * the text (no character loop): a 50,000-offer export has 700,000 cells. The lookahead comes
 * first: only at a formula character is the way back over spaces looked at, so a long run of
 * spaces costs its length once, not its length squared (feed text may be crafted).
 */
const FORMULA_AT = /(?=[=+\-@\t\r])(?<=(?:^|[;,\t]) *)/g;
/** The same places, found or not (no replacing): most cells have none, and are returned as they are. */
const HOLDS_FORMULA = /(?:^|[;,\t]) *[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF, quotes doubled. A
 * text that a spreadsheet would run as a formula (=HYPERLINK(…), +, -, @, tab, CR first) gets a
 * leading apostrophe, which spreadsheets show as text and do not run — also after every ";",
 * "," or tab inside it, because a spreadsheet that splits there (`Spotify;=cmd|…` in a locale
 * whose separator is ";") would start a new cell with the formula.
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  const text = HOLDS_FORMULA.test(value) ? value.replace(FORMULA_AT, "'") : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** UTF-8 byte-order mark: Excel reads the file as UTF-8 only with it. */
export const BOM = '\uFEFF';

/**
 * A file's text in parts, in order: what a Blob takes as it is (components/download.ts), or
 * `.join('')` for one string. A 50,000-offer CSV is 14.5 MB: appended to one string, its million
 * pieces are a rope for the collector, and the BOM in front would make all of it a two-byte
 * string, which a Blob encodes about 4× slower than the one-byte parts of (mostly ASCII) rows.
 */
export type FileText = string[];

/** Rows per part of a CSV file. */
const ROWS_PER_PART = 1000;

/** One CSV row, without its CRLF. */
function csvRow(cells: readonly (string | number | null)[]): string {
  let line = csvCell(cells[0]);
  for (let i = 1; i < cells.length; i++) line += `,${csvCell(cells[i])}`;
  return line;
}

/** A CSV document: BOM, a header row, CRLF after every row; in parts of a thousand rows. */
export function toCsv<T>(
  header: readonly string[],
  items: readonly T[],
  row: (item: T) => (string | number | null)[],
): FileText {
  const parts = [BOM, `${csvRow(header)}\r\n`];
  let lines: string[] = [];
  for (const item of items) {
    lines.push(csvRow(row(item)));
    if (lines.length === ROWS_PER_PART) {
      parts.push(`${lines.join('\r\n')}\r\n`);
      lines = [];
    }
  }
  if (lines.length) parts.push(`${lines.join('\r\n')}\r\n`);
  return parts;
}

/** The header rows, in the UI language (the JSON exports' keys stay English: they are data). */
export function offerColumns(): string[] {
  return [
    t('exportColumnOfferId'),
    t('exportColumnName'),
    t('exportColumnNetwork'),
    t('exportColumnPlatform'),
    t('exportColumnCountries'),
    t('exportColumnPayout'),
    t('exportColumnCurrency'),
    t('exportColumnPayoutType'),
    t('exportColumnDailyCap'),
    t('exportColumnMonthlyCap'),
    t('exportColumnExpiresUtc'),
    t('exportColumnCategories'),
    t('exportColumnStorePage'),
    t('exportColumnTrackingLink'),
  ];
}

/** The network an offer comes from, by name ("AppRocket (Affise)"): ids repeat across networks. */
export type NetworkNameOf = (offer: Offer) => string;

/**
 * One row per offer, its network named (an offer id means something only with it), its tracking
 * link built with the publisher's click ID and sub ID.
 */
export function offersCsv(offers: Offer[], settings: LinkSettings, networkOf: NetworkNameOf = () => ''): FileText {
  return toCsv(offerColumns(), offers, (offer) => [
    offer.id,
    offer.name,
    networkOf(offer),
    offer.platform,
    offer.geos.join(' '),
    offer.payout?.amount ?? null,
    offer.payout?.currency ?? null,
    offer.payout?.type ?? null,
    offer.caps.daily || null,
    offer.caps.monthly || null,
    utcText(offer.expiresAt),
    offer.categories.join('; '),
    offer.store ? storePageUrl(offer.store) : offer.previewUrl,
    trackingLinkFor(offer, settings),
  ]);
}

/** The offers as JSON: as Offer Lens keeps them, plus their network's name and the built tracking link. */
export function offersJson(
  offers: Offer[],
  settings: LinkSettings,
  exportedAt: number,
  networkOf: NetworkNameOf = () => '',
): string {
  const list = offers.map((offer) => ({
    ...offer,
    network: networkOf(offer),
    trackingLink: trackingLinkFor(offer, settings),
  }));
  return JSON.stringify({ exportedAt: new Date(exportedAt).toISOString(), count: list.length, offers: list }, null, 2);
}

export function changeColumns(): string[] {
  return [
    t('exportColumnWhenUtc'),
    t('exportColumnGroup'),
    t('exportColumnOfferId'),
    t('exportColumnOffer'),
    t('exportColumnPlatform'),
    t('exportColumnCountries'),
    t('exportColumnChange'),
    t('exportColumnPayoutChangePercent'),
  ];
}

/**
 * One row per change, in the order listed. The payout's percentage has its own numeric column
 * (sortable; and "…, +21 %" in the text would look like a formula after the comma).
 */
export function changesCsv(changes: ChangeRecord[]): FileText {
  return toCsv(changeColumns(), changes, (change) => [
    utcText(change.at),
    GROUP_LABELS[change.group],
    change.offerId,
    change.name,
    change.platform,
    change.geos.join(' '),
    changeText(change, { percent: false }),
    percentOf(change),
  ]);
}

export function changesJson(changes: ChangeRecord[], exportedAt: number): string {
  const list = changes.map(({ id: _id, ...change }) => ({
    ...change,
    at: new Date(change.at).toISOString(),
    text: changeText(change),
    payoutChangePercent: percentOf(change),
  }));
  return JSON.stringify({ exportedAt: new Date(exportedAt).toISOString(), count: list.length, changes: list }, null, 2);
}

export function checkColumns(): string[] {
  return [
    t('exportColumnOfferId'),
    t('exportColumnOffer'),
    t('exportColumnVerdict'),
    t('exportColumnReason'),
    t('exportColumnFinalApp'),
    t('exportColumnHops'),
    t('exportColumnCheckedUtc'),
    t('exportColumnCheckedAs'),
  ];
}

/** A "Check all" run's results. */
export function linkChecksCsv(rows: { offer: Pick<Offer, 'id' | 'name'>; result: LinkCheckResult }[]): FileText {
  return toCsv(checkColumns(), rows, ({ offer, result }) => [
    offer.id,
    offer.name,
    result.verdict,
    result.reason,
    result.finalApp ? `${result.finalApp.store}:${result.finalApp.appId}` : null,
    result.hops.map((hop) => `${hop.status} ${hop.url}`).join(' → '),
    utcText(result.checkedAt),
    result.phoneLabel,
  ]);
}

/** "offer-lens-offers-2026-11-27-0930.csv". */
export function exportFileName(what: 'offers' | 'changes' | 'link-checks', format: 'csv' | 'json', at: number): string {
  const stamp = new Date(at).toISOString().slice(0, 16).replace('T', '-').replace(':', '');
  return `offer-lens-${what}-${stamp}.${format}`;
}

/** A payout change's percentage, to one decimal; null for other changes or when none can be said. */
function percentOf(change: ChangeRecord): number | null {
  if (change.kind !== 'payout') return null;
  const percent = payoutPercent(change.before as Payout | null, change.after as Payout | null);
  return percent === null ? null : Math.round(percent * 10) / 10;
}

function utcText(at: number | null): string | null {
  return at === null ? null : new Date(at).toISOString().slice(0, 16).replace('T', ' ');
}
