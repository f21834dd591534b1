import { useEffect, useState } from 'preact/hooks';
import type { Rates } from '../../lib/currency';
import { t } from '../../lib/i18n';
import { currencySign, minPayoutFromUsd, minPayoutToUsd, parseAmount } from '../../lib/surfaces/offer-facts';

interface Props {
  /** The minimum in force, in USD (what the search compares); null: none. */
  usd: number | null;
  /** The publisher's display currency: what the box is typed in. */
  currency: string;
  rates: Rates;
  onChange: (usd: number | null) => void;
}

/**
 * The minimum payout, typed in the display currency and searched in USD. A text box with a
 * decimal keyboard rather than a number input: Firefox draws a number input's spinner over a
 * box this narrow. What is typed stays as typed ("1." on the way to "1.5"); text that is no
 * amount is marked and filters nothing.
 */
export function MinPayout({ usd, currency, rates, onChange }: Props) {
  const shown = (value: number | null) => {
    const amount = minPayoutFromUsd(value, currency, rates);
    return amount === null ? '' : String(amount);
  };
  const [text, setText] = useState(shown(usd));
  const typed = parseAmount(text);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a minimum from elsewhere (the query, Clear, another currency) rewrites the box, never the publisher's own typing
  useEffect(() => {
    const asUsd = typed === 'invalid' ? null : minPayoutToUsd(typed, currency, rates);
    if (asUsd !== usd) setText(shown(usd));
  }, [usd, currency]);
  const invalid = typed === 'invalid';
  return (
    <label class="min-payout">
      <span class="sr-only">{t('offersMinPayout')}</span>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        spellcheck={false}
        placeholder={t('offersMinPayoutPlaceholder', { sign: currencySign(currency) })}
        title={invalid ? t('offersMinPayoutInvalid') : t('offersMinPayoutHint', { currency })}
        aria-invalid={invalid}
        class={invalid ? 'invalid' : undefined}
        value={text}
        onInput={(e) => {
          const next = e.currentTarget.value;
          setText(next);
          const amount = parseAmount(next);
          onChange(amount === 'invalid' ? null : minPayoutToUsd(amount, currency, rates));
        }}
      />
    </label>
  );
}
