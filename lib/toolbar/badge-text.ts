import { formatFixed, formatInteger } from '../format';
import { t, tp } from '../i18n';
import type { RefreshStatus } from '../refresh/status';
import { amountText, isMultiNetwork, type PageOffer } from '../store-page';

/** What the extension's toolbar icon says: its badge text, colour and tooltip. */
export interface ToolbarBadge {
  text: string;
  color: string;
  title: string;
}

export const ERROR_COLOR = '#d93025';
export const OFFER_COLOR = '#137333';
export const WATCH_COLOR = '#1a5fd6';

/**
 * The toolbar icon when no tab says otherwise: a red "!" after a failed refresh; else how many
 * changes to watched things the publisher has not seen yet.
 */
export function globalBadge(status: RefreshStatus, watchedUnseen = 0): ToolbarBadge {
  if (status.error) {
    return { text: '!', color: ERROR_COLOR, title: t('toolbarTitleError', { error: status.error.message }) };
  }
  if (watchedUnseen > 0) {
    const count = formatInteger(watchedUnseen, false);
    return {
      text: watchedUnseen > 99 ? `${formatInteger(99)}+` : count,
      color: WATCH_COLOR,
      title: tp('toolbarTitleWatched', watchedUnseen, { count }),
    };
  }
  return { text: '', color: OFFER_COLOR, title: 'Offer Lens' };
}

/**
 * The toolbar icon on a store tab: the best payout of the page's app. The error comes first;
 * the page's payout comes before the watched-changes count.
 */
export function tabBadge(status: RefreshStatus, offers: PageOffer[], watchedUnseen = 0): ToolbarBadge {
  const best = offers[0];
  if (status.error || !best) return globalBadge(status, watchedUnseen);
  // Offers of several networks: the best one says whose it is, and what it is worth in one currency.
  const offer =
    isMultiNetwork({ offers }) && best.network
      ? t('toolbarOfferOfNetwork', { name: best.name, network: best.network })
      : best.name;
  const values = { offer, payout: amountText(best, true) };
  return {
    text: best.payout ? compactAmount(best.payout.amount) : '✓',
    color: OFFER_COLOR,
    title: offers.length > 1 ? tp('toolbarTitleOfferMore', offers.length - 1, values) : t('toolbarTitleOffer', values),
  };
}

/** Badge text has room for about four characters: "1.25", "12.5", "125", "1.2k". */
function compactAmount(amount: number): string {
  if (amount >= 1000) return t('toolbarThousands', { amount: formatFixed(amount / 1000, 1) });
  if (amount >= 100) return formatFixed(amount, 0);
  if (amount >= 10) return formatFixed(amount, 1);
  return formatFixed(amount, 2);
}
