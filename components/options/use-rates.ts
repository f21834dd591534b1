import { useState } from 'preact/hooks';
import { BUNDLED_RATES, type Rates } from '../../lib/currency';
import { currentRates } from '../../lib/storage/rates';
import { useAsyncEffect } from '../use-async-effect';

/** The exchange-rate table in use (shipped, or the last daily refresh's), to say its date. */
export function useRates(): Rates {
  const [rates, setRates] = useState<Rates>(BUNDLED_RATES);
  useAsyncEffect(() => currentRates(), setRates, []);
  return rates;
}
