import { compareText, type Offer } from '../offer';
import { storeKey } from '../store-url';
import { PLATFORM_CODES, SEARCH_INDEX_VERSION, type SearchIndexData } from './data';
import { codeValues, type PackedLists, packLists, packStrings } from './packed';
import { payoutOrder, type Rates, ratesKey, type ToUsd, usdValues } from './payout';
import { buildWordIndex } from './words';

export { foldedCategories, PLATFORM_CODES, SEARCH_INDEX_VERSION, type SearchIndexData } from './data';

/** An offer with the source it came from (DESIGN §5): its identity is (source, id). Missing: ''. */
export type SourcedOffer = Offer & { source?: string };

/** How the build orders payouts: with lib/currency's toUsd (and a rate table, else its own), else by amount as paid. */
export interface PayoutConversion {
  toUsd?: ToUsd;
  rates?: Rates;
}

export function buildSearchIndexData(offers: SourcedOffer[], conversion: PayoutConversion = {}): SearchIndexData {
  const n = offers.length;
  const categoryCount = new Map<string, number>();
  const geoSet = new Set<string>();
  for (const offer of offers) {
    for (const c of offer.categories) categoryCount.set(c, (categoryCount.get(c) ?? 0) + 1);
    for (const g of offer.geos) geoSet.add(g);
  }

  const categories = [...categoryCount.entries()]
    .sort((a, b) => b[1] - a[1] || compareText(a[0], b[0]))
    .map(([c]) => c);
  const geos = [...geoSet].sort();
  const categoryCode = new Map(categories.map((c, i) => [c, i]));
  const geoCode = new Map(geos.map((g, i) => [g, i]));

  // Orders for the sorts, computed once so a query only compares integers. String comparisons are
  // the slow part of sorting 100,000 offers: names are ranked once, and the payout order (the same
  // as byPayout: payout, name, id) compares the ranks.
  const all = Array.from({ length: n }, (_, i) => i);
  const order = (compare: (a: number, b: number) => number) => Int32Array.from([...all].sort(compare));
  const ids = offers.map((o) => o.id);
  const names = offers.map((o) => o.name);
  const nameOrder = order(
    (a, b) =>
      compareText(names[a] as string, names[b] as string) || compareText(ids[a] as string, ids[b] as string) || a - b,
  );
  const nameRank = new Int32Array(n);
  nameOrder.forEach((doc, i) => {
    nameRank[doc] = i;
  });
  // Amounts as paid: the engine converts them with the rate table a query names.
  const payouts = Float64Array.from(offers, (offer) => offer.payout?.amount ?? -1);
  const currency = codeValues(
    offers.map((o) => o.payout?.currency ?? null),
    0xffff,
  );
  const currencyCodes = Uint16Array.from(currency.codes);
  const { toUsd, rates } = conversion;
  const usd = toUsd ? usdValues(payouts, currencyCodes, currency.distinct, toUsd, rates) : payouts;
  const expiries = Float64Array.from(offers, expiryOf);
  return {
    version: SEARCH_INDEX_VERSION,
    size: n,
    ...buildWordIndex(offers),
    payoutOrder: payoutOrder(usd, nameRank),
    payoutOrderRates: toUsd ? ratesKey(rates) : null,
    nameOrder,
    expiryOrder: order((a, b) => (expiries[a] as number) - (expiries[b] as number) || a - b),
    categories,
    geos,
    ids: packStrings(ids),
    ...packApps(offers),
    ...packSources(offers),
    platforms: Uint8Array.from(offers, (o) => (o.platform ? PLATFORM_CODES[o.platform] : 0)),
    payouts,
    currencies: currency.values,
    currencyCodes,
    expiries,
    ...renameLists(
      'geo',
      packLists(offers, (o) => o.geos.map((g) => geoCode.get(g) as number)),
    ),
    ...renameLists(
      'category',
      packLists(offers, (o) => o.categories.map((c) => categoryCode.get(c) as number)),
    ),
  } as SearchIndexData;
}

function renameLists<K extends 'geo' | 'category'>(kind: K, lists: PackedLists) {
  return { [`${kind}Starts`]: lists.starts, [`${kind}Codes`]: lists.codes } as Record<`${K}Starts`, Int32Array> &
    Record<`${K}Codes`, Uint16Array>;
}

function packApps(offers: Offer[]): Pick<SearchIndexData, 'apps' | 'appCodes'> {
  const { values, codes } = codeValues(
    offers.map((offer) => (offer.store ? storeKey(offer.store) : null)),
    0xffffffff,
  );
  return { apps: values, appCodes: Uint32Array.from(codes) };
}

function packSources(offers: SourcedOffer[]): Pick<SearchIndexData, 'sources' | 'sourceCodes'> {
  const { values, codes } = codeValues(
    offers.map((offer) => offer.source || null),
    0xffff,
  );
  return { sources: values, sourceCodes: Uint16Array.from(codes) };
}

function expiryOf(offer: Offer): number {
  return offer.expiresAt ?? Number.POSITIVE_INFINITY;
}
