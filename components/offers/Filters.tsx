import { useEffect, useState } from 'preact/hooks';
import type { Platform } from '../../lib/offer';
import { effectiveFilters, type SearchState, SORT_KEYS, SORT_LABELS, withFilter } from '../../lib/search/query';

interface Props {
  search: SearchState;
  categories: string[];
  geos: string[];
  onChange: (next: SearchState) => void;
}

/**
 * Platform, country, category, minimum payout and sort, as controls. They show the filters in
 * force, terms typed in the query included (`geo:de` shows DE in Country).
 */
export function Filters({ search, categories, geos, onChange }: Props) {
  const shown = effectiveFilters(search);
  return (
    <div class="filters">
      <label>
        <span class="sr-only">Platform</span>
        <select
          value={shown.platform ?? ''}
          onChange={(e) => onChange(withFilter(search, 'platform', (e.currentTarget.value || null) as Platform | null))}
        >
          <option value="">Platform</option>
          <option value="android">Android</option>
          <option value="ios">iOS</option>
        </select>
      </label>
      <label>
        <span class="sr-only">Country</span>
        <select
          value={shown.geo ?? ''}
          onChange={(e) => onChange(withFilter(search, 'geo', e.currentTarget.value || null))}
        >
          <option value="">Country</option>
          {withCurrent(geos, shown.geo).map((geo) => (
            <option key={geo} value={geo}>
              {geo}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span class="sr-only">Category</span>
        <select
          value={matchCase(categories, shown.category) ?? ''}
          onChange={(e) => onChange(withFilter(search, 'category', e.currentTarget.value || null))}
        >
          <option value="">Category</option>
          {withCurrent(categories, matchCase(categories, shown.category)).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <MinPayout value={shown.minPayout} onChange={(amount) => onChange(withFilter(search, 'minPayout', amount))} />
      <label>
        <span class="sr-only">Sort by</span>
        <select
          value={shown.sort}
          onChange={(e) => onChange(withFilter(search, 'sort', e.currentTarget.value as SearchState['sort']))}
        >
          {SORT_KEYS.map((key) => (
            <option key={key} value={key}>
              {SORT_LABELS[key]}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}

/** The minimum payout as typed ("1." on the way to "1.5" stays), the number once it is one. */
function MinPayout({ value, onChange }: { value: number | null; onChange: (amount: number | null) => void }) {
  const [text, setText] = useState(value === null ? '' : String(value));
  // biome-ignore lint/correctness/useExhaustiveDependencies: only a value from elsewhere (the query, Clear) rewrites the box, never the publisher's own typing
  useEffect(() => {
    if (toAmount(text) !== value) setText(value === null ? '' : String(value));
  }, [value]);
  return (
    <label class="min-payout">
      <span class="sr-only">Minimum payout</span>
      <input
        type="number"
        min="0"
        step="0.1"
        placeholder="Min $"
        value={text}
        onInput={(e) => {
          setText(e.currentTarget.value);
          onChange(toAmount(e.currentTarget.value));
        }}
      />
    </label>
  );
}

function toAmount(text: string): number | null {
  const amount = Number(text.trim());
  return text.trim() && Number.isFinite(amount) ? Math.max(0, amount) : null;
}

/** Keep a remembered choice listed even before the background's lists arrive. */
function withCurrent(items: string[], current: string | null): string[] {
  return current && !items.includes(current) ? [current, ...items] : items;
}

/** Query terms are lower-cased (`cat:games`): show the category as the feed spells it. */
function matchCase(categories: string[], category: string | null): string | null {
  if (!category) return null;
  return categories.find((c) => c.toLowerCase() === category) ?? category;
}
