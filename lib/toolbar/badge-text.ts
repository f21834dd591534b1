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
    return { text: '!', color: ERROR_COLOR, title: `Offer Lens — ${status.error.message}` };
  }
  if (watchedUnseen > 0) {
    const count = watchedUnseen > 99 ? '99+' : String(watchedUnseen);
    const noun = watchedUnseen === 1 ? 'change' : 'changes';
    return { text: count, color: WATCH_COLOR, title: `Offer Lens — ${watchedUnseen} ${noun} to watched offers` };
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
  const more = offers.length > 1 ? ` (+${offers.length - 1} more)` : '';
  // Offers of several networks: the best one says whose it is, and what it is worth in one currency.
  const network = isMultiNetwork({ offers }) && best.network ? ` · ${best.network}` : '';
  return {
    text: best.payout ? compactAmount(best.payout.amount) : '✓',
    color: OFFER_COLOR,
    title: `Offer Lens — ${best.name}${network}: ${amountText(best, true)}${more}`,
  };
}

/** Badge text has room for about four characters: "1.25", "12.5", "125", "1.2k". */
function compactAmount(amount: number): string {
  if (amount >= 1000) return `${(amount / 1000).toFixed(1)}k`;
  if (amount >= 100) return amount.toFixed(0);
  if (amount >= 10) return amount.toFixed(1);
  return amount.toFixed(2);
}
