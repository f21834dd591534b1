import type { ComponentChildren } from 'preact';
import { formatPlatform } from '../../lib/format';
import { t } from '../../lib/i18n';
import type { Platform } from '../../lib/offer';
import { effectiveFilters, type SearchState, SORT_KEYS, SORT_LABELS, withFilter } from '../../lib/search/query';
import { searchOnShow } from '../../lib/surfaces/offer-facts';
import { MinPayout } from './MinPayout';
import type { OfferFacts } from './use-offer-facts';

interface Props {
  search: SearchState;
  categories: string[];
  geos: string[];
  facts: OfferFacts;
  onChange: (next: SearchState) => void;
}

/**
 * Platform, country, category, network (with more than one on show), minimum payout and sort, as
 * controls. They show the filters in force, terms typed in the query included (`geo:de` shows DE
 * in Country, `net:approcket` AppRocket in Network). Each says its full choice on hover.
 */
export function Filters({ search, categories, geos, facts, onChange }: Props) {
  const { networks } = facts;
  const shown = effectiveFilters(searchOnShow(search, networks.searchNames), networks.searchNames);
  const category = matchCase(categories, shown.category);
  const network = networks.list.find((source) => source.id === shown.network);
  return (
    <div class="filters">
      <Choice
        label={t('offersFilterPlatform')}
        value={shown.platform ?? ''}
        chosen={formatPlatform(shown.platform) || null}
        onChoose={(value) => onChange(withFilter(search, 'platform', (value || null) as Platform | null))}
      >
        <option value="android">{formatPlatform('android')}</option>
        <option value="ios">{formatPlatform('ios')}</option>
      </Choice>
      <Choice
        label={t('offersFilterCountry')}
        value={shown.geo ?? ''}
        chosen={shown.geo}
        onChoose={(value) => onChange(withFilter(search, 'geo', value || null))}
      >
        {withCurrent(geos, shown.geo).map((geo) => (
          <option key={geo} value={geo}>
            {geo}
          </option>
        ))}
      </Choice>
      <Choice
        label={t('offersFilterCategory')}
        value={category ?? ''}
        chosen={category}
        onChoose={(value) => onChange(withFilter(search, 'category', value || null))}
      >
        {withCurrent(categories, category).map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </Choice>
      {networks.isMixed && (
        <Choice
          label={t('offersFilterNetwork')}
          value={shown.network ?? ''}
          chosen={network?.name ?? null}
          onChoose={(value) => onChange(withFilter(search, 'network', value || null))}
        >
          {networks.list.map((source) => (
            <option key={source.id} value={source.id} title={source.name}>
              {source.label || source.name}
            </option>
          ))}
        </Choice>
      )}
      <MinPayout
        usd={shown.minPayout}
        currency={facts.displayCurrency}
        rates={facts.rates}
        onChange={(usd) => onChange(withFilter(search, 'minPayout', usd))}
      />
      <label class="sort">
        <span class="sr-only">{t('offersSortBy')}</span>
        <select
          title={t('offersSortByChosen', { sort: SORT_LABELS[shown.sort] })}
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

/** One filter as a select: its name as the "any" choice, and its full choice in the tooltip ("any" when none). */
function Choice(props: {
  label: string;
  value: string;
  chosen: string | null;
  onChoose: (value: string) => void;
  children: ComponentChildren;
}) {
  return (
    <label>
      <span class="sr-only">{props.label}</span>
      <select
        title={t('offersFilterChosen', { filter: props.label, choice: props.chosen ?? t('offersFilterAny') })}
        value={props.value}
        onChange={(e) => props.onChoose(e.currentTarget.value)}
      >
        <option value="">{props.label}</option>
        {props.children}
      </select>
    </label>
  );
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
