import { formatPayout } from '../format';
import type { RefreshStatus } from '../refresh/status';
import type { PageOffer } from '../store-page';

/** What the extension's toolbar icon says: its badge text, colour and tooltip. */
export interface ToolbarBadge {
  text: string;
  color: string;
  title: string;
}

export const ERROR_COLOR = '#d93025';
export const OFFER_COLOR = '#137333';

/** The toolbar icon when no tab says otherwise: a red "!" after a failed refresh. */
export function globalBadge(status: RefreshStatus): ToolbarBadge {
  if (status.error) {
    return { text: '!', color: ERROR_COLOR, title: `Offer Lens — ${status.error.message}` };
  }
  return { text: '', color: OFFER_COLOR, title: 'Offer Lens' };
}

/** The toolbar icon on a store tab: the best payout of the page's app; the error keeps priority. */
export function tabBadge(status: RefreshStatus, offers: PageOffer[]): ToolbarBadge {
  const best = offers[0];
  if (status.error || !best) return globalBadge(status);
  const more = offers.length > 1 ? ` (+${offers.length - 1} more)` : '';
  return {
    text: best.payout ? compactAmount(best.payout.amount) : '✓',
    color: OFFER_COLOR,
    title: `Offer Lens — ${best.name}: ${formatPayout(best.payout)}${more}`,
  };
}

/** Badge text has room for about four characters: "1.25", "12.5", "125", "1.2k". */
function compactAmount(amount: number): string {
  if (amount >= 1000) return `${(amount / 1000).toFixed(1)}k`;
  if (amount >= 100) return amount.toFixed(0);
  if (amount >= 10) return amount.toFixed(1);
  return amount.toFixed(2);
}
