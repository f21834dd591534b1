import { BUNDLED_RATES, convert, formatMoney, type Rates, toUsd } from '../currency';
import type { Offer } from '../offer';
import type { SearchState, SourceNames } from '../search/query';
import { PRIMARY_SOURCE_ID } from '../sources';
import type { SourceName } from '../storage/items';

/**
 * How the offers surfaces (popup, side panel, offers page) write what a media buyer compares:
 * which network an offer comes from, its payout with the equivalent in the display currency,
 * and the Min box in that currency while the search compares USD.
 */

/** The networks on show, as the surfaces name them. */
export interface Networks {
  /** The sources on show, in the order the background lists them. */
  list: readonly SourceName[];
  /** More than one source on show: rows say each offer's network, and the network filter shows. */
  isMixed: boolean;
  /** What a `net:` term may name for each source: its full name, its label and its network's kind. */
  searchNames: SourceNames[];
  /** "AppRocket": short, for a row; '' for a source not on show. */
  labelOf(offer: Pick<Offer, 'source'>): string;
  /** "AppRocket (Affise)": for the detail, tooltips and exports; the source id for one not on show. */
  nameOf(offer: Pick<Offer, 'source'>): string;
}

export function networksOnShow(list: readonly SourceName[]): Networks {
  const byId = new Map(list.map((source) => [source.id, source]));
  const sourceOf = (offer: Pick<Offer, 'source'>) => byId.get(offer.source || PRIMARY_SOURCE_ID);
  return {
    list,
    isMixed: list.length > 1,
    searchNames: list.map((source) => ({ id: source.id, names: [source.name, source.label, source.kind] })),
    labelOf: (offer) => {
      const source = sourceOf(offer);
      return source ? source.label || source.name : '';
    },
    nameOf: (offer) => sourceOf(offer)?.name ?? (offer.source || PRIMARY_SOURCE_ID),
  };
}

/**
 * The search as it applies to the sources on show: a network chosen in the other world (the
 * demo's AppRocket, back in the publisher's own offers) or of a removed account filters nothing,
 * rather than hiding every offer behind a control that is no longer there. Kept in the stored
 * search, so it applies again where that network is on show. Before the names are known, as is.
 */
export function searchOnShow(state: SearchState, sources: readonly SourceNames[]): SearchState {
  const { network } = state;
  if (network === null || network === undefined || sources.length === 0) return state;
  return sources.some((source) => source.id === network) ? state : { ...state, network: null };
}

/** A payout as a row shows it: as the network pays it, and its equivalent when that is another currency. */
export interface PayoutText {
  /** "€1.70 CPA"; "—" for no payout. */
  paid: string;
  /** "≈ $1.93"; null when paid in the display currency or either rate is unknown. */
  equivalent: string | null;
}

const sameCurrency = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/** DESIGN §5 "One currency": "€1.70 CPA" with "≈ $1.93" beside it when the display currency is USD. */
export function payoutText(payout: Offer['payout'], displayCurrency: string, rates: Rates = BUNDLED_RATES): PayoutText {
  if (!payout) return { paid: '—', equivalent: null };
  const paid = `${formatMoney(payout.amount, payout.currency)} ${payout.type}`;
  if (sameCurrency(payout.currency, displayCurrency)) return { paid, equivalent: null };
  const amount = convert(payout.amount, payout.currency, displayCurrency, rates);
  return { paid, equivalent: amount === null ? null : `≈ ${formatMoney(amount, displayCurrency)}` };
}

/** The currency's sign as amounts show it: "$", "€", "CA$", "Rp", "CHF". */
export function currencySign(code: string): string {
  let sign = '';
  for (const c of formatMoney(0, code)) if (!/[\d.,\s]/.test(c)) sign += c;
  return sign || code;
}

/** What the Min box holds: a number, nothing, or text that is no amount. */
export function parseAmount(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (!trimmed) return null;
  // "1,5" from a keyboard whose decimal key is a comma.
  const amount = /^\d*[.,]?\d*$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : Number.NaN;
  return Number.isFinite(amount) ? amount : 'invalid';
}

/**
 * The Min box speaks the display currency; the search compares USD equivalents
 * (SearchState.minPayout is USD). So a minimum typed as €1.50 searches from $1.70.
 */
export function minPayoutToUsd(amount: number | null, displayCurrency: string, rates: Rates = BUNDLED_RATES) {
  if (amount === null || sameCurrency(displayCurrency, 'USD')) return amount;
  return toUsd(amount, displayCurrency, rates) ?? amount;
}

/** A USD minimum (a typed `payout>2`, a stored search) in the display currency, to the cent, for the Min box. */
export function minPayoutFromUsd(usd: number | null, displayCurrency: string, rates: Rates = BUNDLED_RATES) {
  if (usd === null || sameCurrency(displayCurrency, 'USD')) return usd;
  const amount = convert(usd, 'USD', displayCurrency, rates);
  return amount === null ? usd : Math.round(amount * 100) / 100;
}
