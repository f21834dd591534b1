import type { ChangeRecord } from '../changes/log';
import { isWatched, type Watchlist } from '../changes/watch';
import { convert, formatMoney } from '../currency';
import { formatAmount, formatDay, formatPayout } from '../format';
import { t } from '../i18n';
import { acceptsCountry, type Offer, type Payout, type Platform } from '../offer';
import type { BadgeCorner, Settings } from '../settings/defaults';
import { offerKey, PRIMARY_SOURCE_ID } from '../sources';
import type { StoredItem } from '../storage/items';
import { parseStoreUrl, storeKey } from '../store-url';
import { type SubIdStatus, subIdStatus, trackingLinkFor } from '../tracking-link';
import { linkHost } from '../url';
import {
  type Dismissals,
  type HiddenBadge,
  hiddenBadges,
  isDismissed,
  offersSignature,
  withoutDismissal,
} from './dismissals';
import { offersForStorePage, type StoreIndex } from './match';

export { type Dismissals, type HiddenBadge, hiddenBadges, offersSignature } from './dismissals';

/**
 * The store-page feature, background side: which offers a Google Play or App Store page gets,
 * in the small shape the badge needs (no feed, no key, the link already built), and the
 * publisher's "hide this badge until its offers change".
 */

/** Most offers a page is told about. */
export const PAGE_OFFERS_MAX = 10;

/** An offer as a store page's badge needs it. */
export interface PageOffer {
  /** The offer's key (lib/sources offerKey: its source and id), what the badge's messages name. */
  id: string;
  name: string;
  /** The network account it comes from ("AppRocket (Affise)"). */
  network: string;
  /** The payout in the publisher's display currency when the network pays in another ("≈ $1.73"); null otherwise. */
  equivalent: string | null;
  platform: Platform | null;
  payout: Offer['payout'];
  geos: string[];
  caps: Offer['caps'];
  minVersion: string | null;
  expiresAt: number | null;
  trackingLink: string;
  /** Where the link goes ("trk.example.com"), shown beside it. */
  linkHost: string;
  subIdStatus: SubIdStatus;
  /** The offer's include list (first few), for the sub-ID warning. */
  acceptedSubIds: string[];
  /** Null when the page's country is unknown. */
  fitsCountry: boolean | null;
  /** Watched, itself or as its app's offer. */
  watched: boolean;
  /** What changed lately ("New since 3 Nov", "Payout up from $1.20 on 3 Nov"), from the change log. */
  news: { tone: 'new' | 'up' | 'down'; text: string } | null;
}

export interface PageOffers {
  /** The page these offers are for (the browser's word for it, not the page's). */
  url: string;
  enabled: boolean;
  corner: BadgeCorner;
  dismissed: boolean;
  country: string | null;
  subId: string;
  offers: PageOffer[];
  /** The app itself is watched (its future offers too). */
  appWatched: boolean;
  /** Watch warnings can reach the publisher (the notification permission is granted). */
  notificationsAllowed: boolean;
}

export interface StorePagesDeps {
  /** The offers of these apps by store key (a map holding at least them). */
  appOffers(appKeys: string[]): Promise<StoreIndex>;
  settings(): Promise<Settings>;
  dismissals: StoredItem<Dismissals>;
  watchlist: StoredItem<Watchlist>;
  /** The newest change of each of these offers (by key), if any. */
  latestChanges(offerKeys: string[]): Promise<Map<string, ChangeRecord>>;
  /** Source id → the name the publisher knows it by. */
  sourceNames(): Promise<ReadonlyMap<string, string>>;
  notificationsAllowed(): Promise<boolean>;
  now(): number;
}

/** Whether this page's badge shows: badges are on, it has offers, and it is not hidden on this app. */
export function isBadgeShown(page: PageOffers | null): page is PageOffers {
  return !!page && page.enabled && !page.dismissed && page.offers.length > 0;
}

/** How long a change is news on the badge. */
const NEWS_MS = 7 * 86_400_000;

export function createStorePages(deps: StorePagesDeps) {
  async function match(pageUrl: string) {
    const app = parseStoreUrl(pageUrl);
    const [index, settings, dismissed] = await Promise.all([
      app ? deps.appOffers([storeKey(app)]) : new Map<string, Offer[]>(),
      deps.settings(),
      deps.dismissals.getValue(),
    ]);
    const offers = offersForStorePage(index, pageUrl, { country: settings.country || null, now: deps.now() });
    const key = offers[0]?.store ? storeKey(offers[0].store) : null;
    return { offers, settings, dismissed, key };
  }

  /** Bring back an app's badge by its store key (Settings → Hidden badges). */
  async function undismissApp(key: string): Promise<void> {
    const dismissed = await deps.dismissals.getValue();
    const rest = withoutDismissal(dismissed, key);
    if (rest !== dismissed) await deps.dismissals.setValue(rest);
  }

  return {
    /** What the badge on this page shows. Badges off: the page learns nothing about the offers. */
    async forPage(pageUrl: string): Promise<PageOffers> {
      const { offers, settings, dismissed, key } = await match(pageUrl);
      const app = parseStoreUrl(pageUrl);
      const country = app?.country ?? (settings.country || null);
      const shown = settings.badgesEnabled ? offers.slice(0, PAGE_OFFERS_MAX) : [];
      const [watchlist, latest, notificationsAllowed, names] = await Promise.all([
        deps.watchlist.getValue(),
        shown.length ? deps.latestChanges(shown.map(offerKey)) : new Map<string, ChangeRecord>(),
        shown.length ? deps.notificationsAllowed() : false,
        shown.length ? deps.sourceNames() : new Map<string, string>(),
      ]);
      const now = deps.now();
      return {
        url: pageUrl,
        enabled: settings.badgesEnabled,
        corner: settings.badgeCorner,
        dismissed: key !== null && isDismissed(dismissed, key, offers),
        country,
        subId: settings.subId,
        // Badges off: the page learns nothing about the offers.
        offers: shown.map((offer) => ({
          ...toPageOffer(offer, settings, country, names),
          watched: isWatched(watchlist, offerKey(offer), offer.store ? storeKey(offer.store) : null),
          news: newsOf(latest.get(offerKey(offer)), now),
        })),
        appWatched: app !== null && watchlist.apps.includes(storeKey(app)),
        notificationsAllowed,
      };
    },

    /** Hide this app's badge until its offers (ids or payouts) change. */
    async dismiss(pageUrl: string): Promise<void> {
      const { offers, dismissed, key } = await match(pageUrl);
      if (key) await deps.dismissals.setValue({ ...dismissed, [key]: offersSignature(offers) });
    },

    /** Bring back the badge of the app this page is for (the badge's Undo). */
    async undismiss(pageUrl: string): Promise<void> {
      const app = parseStoreUrl(pageUrl);
      if (app) await undismissApp(storeKey(app));
    },

    undismissApp,

    /** The apps whose badge is hidden now, with labels, for Settings → Hidden badges. */
    async hiddenBadges(): Promise<HiddenBadge[]> {
      const dismissed = await deps.dismissals.getValue();
      return hiddenBadges(dismissed, await deps.appOffers(Object.keys(dismissed)));
    },
  };
}

/** A recent 'new' or payout change, as the badge says it. */
function newsOf(change: ChangeRecord | undefined, now: number): PageOffer['news'] {
  if (!change || now - change.at > NEWS_MS) return null;
  const day = formatDay(change.at, now);
  if (change.kind === 'new') return { tone: 'new', text: t('storePageNewSince', { day }) };
  if (change.kind !== 'payout' || (change.group !== 'payout-up' && change.group !== 'payout-down')) return null;
  const before = change.before as Payout | null;
  const values = { day, amount: before ? formatAmount(before) : '' };
  if (change.group === 'payout-up') {
    return { tone: 'up', text: before ? t('storePagePayoutUpFrom', values) : t('storePagePayoutUp', values) };
  }
  return { tone: 'down', text: before ? t('storePagePayoutDownFrom', values) : t('storePagePayoutDown', values) };
}

export function toPageOffer(
  offer: Offer,
  settings: Settings,
  country: string | null,
  names: ReadonlyMap<string, string> = new Map(),
): Omit<PageOffer, 'watched' | 'news'> {
  const trackingLink = trackingLinkFor(offer, settings);
  return {
    id: offerKey(offer),
    name: offer.name,
    network: names.get(offer.source ?? PRIMARY_SOURCE_ID) ?? '',
    equivalent: equivalentOf(offer.payout, settings.displayCurrency),
    platform: offer.platform,
    payout: offer.payout,
    geos: offer.geos,
    caps: offer.caps,
    minVersion: offer.minVersion,
    expiresAt: offer.expiresAt,
    trackingLink,
    linkHost: linkHost(trackingLink),
    subIdStatus: subIdStatus(offer, settings.subId),
    acceptedSubIds: offer.subIds.include.slice(0, 5),
    fitsCountry: country ? acceptsCountry(offer, country) : null,
  };
}

/** "≈ $1.73": a foreign payout in the publisher's display currency; null when it is paid in it or the rate is unknown. */
export function equivalentOf(payout: Payout | null, displayCurrency: string): string | null {
  if (!payout || payout.currency.toUpperCase() === displayCurrency) return null;
  const amount = convert(payout.amount, payout.currency, displayCurrency);
  return amount === null ? null : `≈ ${formatMoney(amount, displayCurrency)}`;
}

/** "€1.70 ≈ $1.93": a page offer's amount as the network pays it, with its equivalent when foreign. */
export function amountText(offer: Pick<PageOffer, 'payout' | 'equivalent'>, withType = false): string {
  const amount = withType ? formatPayout(offer.payout) : formatAmount(offer.payout);
  return offer.equivalent ? `${amount} ${offer.equivalent}` : amount;
}

/** Whether the page's offers come from more than one network (then each is named on the badge). */
export function isMultiNetwork(page: Pick<PageOffers, 'offers'>): boolean {
  return new Set(page.offers.map((o) => o.network)).size > 1;
}
