import type { PopupState } from '../../lib/storage';

interface Props {
  state: PopupState;
  categories: string[];
  geos: string[];
  onChange: (patch: Partial<PopupState>) => void;
}

/** Platform, country, category, minimum payout and sort, as controls. */
export function Filters({ state, categories, geos, onChange }: Props) {
  return (
    <div class="filters">
      <label>
        <span class="sr-only">Platform</span>
        <select
          value={state.platform}
          onChange={(e) => onChange({ platform: e.currentTarget.value as PopupState['platform'] })}
        >
          <option value="">Platform</option>
          <option value="android">Android</option>
          <option value="ios">iOS</option>
        </select>
      </label>
      <label>
        <span class="sr-only">Country</span>
        <select value={state.geo} onChange={(e) => onChange({ geo: e.currentTarget.value })}>
          <option value="">Country</option>
          {withCurrent(geos, state.geo).map((geo) => (
            <option key={geo} value={geo}>
              {geo}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span class="sr-only">Category</span>
        <select value={state.category} onChange={(e) => onChange({ category: e.currentTarget.value })}>
          <option value="">Category</option>
          {withCurrent(categories, state.category).map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </label>
      <label class="min-payout">
        <span class="sr-only">Minimum payout</span>
        <input
          type="number"
          min="0"
          step="0.1"
          placeholder="Min $"
          value={state.minPayout}
          onInput={(e) => onChange({ minPayout: e.currentTarget.value })}
        />
      </label>
      <label>
        <span class="sr-only">Sort by</span>
        <select value={state.sort} onChange={(e) => onChange({ sort: e.currentTarget.value as PopupState['sort'] })}>
          <option value="best">Best match</option>
          <option value="payout">Payout</option>
          <option value="name">Name</option>
          <option value="expiry">Expiry</option>
        </select>
      </label>
    </div>
  );
}

/** Keep a remembered choice listed even before the background's lists arrive. */
function withCurrent(items: string[], current: string): string[] {
  return current && !items.includes(current) ? [current, ...items] : items;
}
