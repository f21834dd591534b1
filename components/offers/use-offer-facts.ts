import { useMemo, useState } from 'preact/hooks';
import { BUNDLED_RATES, type Rates } from '../../lib/currency';
import type { Settings } from '../../lib/settings/defaults';
import { sameValue, sourceNamesItem } from '../../lib/storage/items';
import { currentRates } from '../../lib/storage/rates';
import { type Networks, networksOnShow } from '../../lib/surfaces/offer-facts';
import { useAsyncEffect } from '../use-async-effect';
import { useStorageItem } from '../use-storage-item';

/** What every row, the detail and the filters need to say an offer's network and payout in one currency. */
export interface OfferFacts {
  networks: Networks;
  /** The publisher's display currency (settings), for equivalents and the Min box. */
  displayCurrency: string;
  /** The rate table in use: the bundled one until the stored one is read. */
  rates: Rates;
}

/** The sources on show with their names (kept by the background), the display currency and the rates. */
export function useOfferFacts(settings: Settings | undefined): OfferFacts {
  const names = useStorageItem(sourceNamesItem);
  const [rates, setRates] = useState<Rates>(BUNDLED_RATES);
  // The stored table replaces the bundled one only when it differs (the rows are not drawn again for the same rates).
  useAsyncEffect(
    () => currentRates(),
    (stored) => setRates((shown) => (sameValue(shown, stored) ? shown : stored)),
    [],
  );
  const displayCurrency = settings?.displayCurrency ?? 'USD';
  // One object while nothing changes: hooks take it as a dependency.
  return useMemo(
    () => ({ networks: networksOnShow(names ?? []), displayCurrency, rates }),
    [names, displayCurrency, rates],
  );
}
