import { BUNDLED_RATES, newerRates, type Rates } from '../currency';
import { secrets } from './secrets';

let current: Promise<Rates> | null = null;

/**
 * The exchange rates every payout comparison uses: the table Offer Lens ships with, or the newer
 * one the daily refresh fetched (when the publisher turned it on). Read once per page.
 */
export function currentRates(): Promise<Rates> {
  current ??= secrets.loadRates().then(
    (fetched) => newerRates(BUNDLED_RATES, fetched),
    () => BUNDLED_RATES,
  );
  return current;
}

/** A newer table was saved (the background): the next read takes it. */
export function forgetRates(): void {
  current = null;
}
