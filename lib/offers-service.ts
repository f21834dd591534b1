import type { Offer } from './feed';
import { createStoreIndex, offersForStorePage, offersSignature, pageCountry, type StoreIndex } from './match';
import { acceptsCountry } from './offer';
import type { PageOffer, PageOffers, RequestOf, ResponseOf } from './protocol';
import { createSearchIndex, type SearchIndex } from './search';
import type { SearchIndexData } from './search-build';
import type { Settings } from './settings';
import type { Snapshot } from './snapshot';
import { storeKey } from './store-url';
import { subIdStatus, trackingLinkFor } from './tracking-link';

const PAGE_OFFERS_MAX = 10;

/**
 * The background's view of the snapshot: loaded once per service-worker life and kept with
 * its indexes in memory. Store-page lookups are one Map.get; the search index is built on the
 * first search only, since content scripts never need it.
 */
export function createOffersService(
  loadSnapshot: () => Promise<Snapshot | null>,
  loadIndexData: (fetchedAt: number) => Promise<SearchIndexData | null> = async () => null,
) {
  type State = { offers: Offer[]; fetchedAt: number | null; byStore: StoreIndex; byId: Map<string, Offer> };
  let loaded: Promise<State> | null = null;
  let search: Promise<SearchIndex> | null = null;

  function state() {
    loaded ??= loadSnapshot().then((snapshot) => {
      const offers = snapshot?.offers ?? [];
      return {
        offers,
        fetchedAt: snapshot?.fetchedAt ?? null,
        byStore: createStoreIndex(offers),
        byId: new Map(offers.map((o) => [o.id, o])),
      };
    });
    return loaded;
  }

  /** The stored build of the index when it matches the snapshot, else a fresh build. */
  function searchIndex() {
    search ??= state().then(async ({ offers, fetchedAt }) => {
      const data = fetchedAt === null ? null : await loadIndexData(fetchedAt);
      return createSearchIndex(offers, data ?? undefined);
    });
    return search;
  }

  return {
    /** Forget the cached snapshot (it changed in storage). */
    invalidate() {
      loaded = null;
      search = null;
    },

    async search(request: RequestOf<'search'>, now: number): Promise<ResponseOf<'search'>> {
      const index = await searchIndex();
      const result = index.query(request.query, {
        limit: request.limit,
        now,
        filters: {
          platform: request.platform,
          geo: request.geo,
          category: request.category,
          minPayout: request.minPayout,
          sort: request.sort,
        },
      });
      return { ...result, categories: index.categories.slice(0, 200), geos: index.geos };
    },

    async offerById(id: string): Promise<Offer | null> {
      return (await state()).byId.get(id) ?? null;
    },

    async offersForPage(
      url: string,
      settings: Settings,
      dismissed: Record<string, string>,
      now: number,
    ): Promise<{ page: PageOffers; key: string | null; signature: string }> {
      const { byStore } = await state();
      const matches = offersForStorePage(byStore, url, { country: settings.country || null, now });
      const country = pageCountry(url, settings.country);
      const signature = offersSignature(matches);
      const key = matches[0]?.store ? storeKey(matches[0].store) : null;
      const page: PageOffers = {
        enabled: settings.badgesEnabled,
        corner: settings.badgeCorner,
        dismissed: key !== null && dismissed[key] === signature,
        country,
        subId: settings.subId,
        // Badges off: the page learns nothing about the offers.
        offers: settings.badgesEnabled
          ? matches.slice(0, PAGE_OFFERS_MAX).map((offer) => toPageOffer(offer, settings, country))
          : [],
      };
      // key and signature stay in the background: they are what a dismissal records.
      return { page, key, signature };
    },
  };
}

function toPageOffer(offer: Offer, settings: Settings, country: string | null): PageOffer {
  return {
    id: offer.id,
    name: offer.name,
    platform: offer.platform,
    payout: offer.payout,
    geos: offer.geos,
    caps: offer.caps,
    minVersion: offer.minVersion,
    expiresAt: offer.expiresAt,
    trackingLink: trackingLinkFor(offer, settings),
    subIdStatus: subIdStatus(offer, settings.subId),
    acceptedSubIds: offer.subIds.include.slice(0, 5),
    fitsCountry: country ? acceptsCountry(offer, country) : null,
  };
}
