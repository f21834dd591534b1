import type { MessageKey } from '../i18n';
import { messageTable } from '../i18n/lazy';
import type { Offer, Payout, Platform } from '../offer';
import { storeKey } from '../store-url';
import type { OfferChange } from './diff';

/**
 * A change as the change log keeps it: the change, when the feed showed it, and the offer's
 * facts at that moment (its last known state for a gone offer), so the Changes view, the
 * timelines and the watch rules can show and filter it without the snapshot.
 */
export interface ChangeRecord extends OfferChange {
  /** IndexedDB key: grows with every change written, so newer changes have larger ids. */
  id?: number;
  /** When the snapshot that showed the change was fetched. */
  at: number;
  /** When the snapshot it was compared with was fetched (a gone offer was last seen then). */
  previousAt: number;
  group: ChangeGroup;
  name: string;
  platform: Platform | null;
  geos: string[];
  /** storeKey of the offer's app, for the watched apps. */
  appKey: string | null;
  payout: Payout | null;
  /** The offer's categories; absent in records written before they were kept (see `categoriesOf`). */
  categories?: string[];
  /**
   * The network account the offer comes from. An offer is (source, offerId): two networks may
   * use the same ids. Absent in records from before sources: the first source's.
   */
  source?: string;
}

/** How the Changes view groups changes, in its order. */
export const CHANGE_GROUPS = ['new', 'gone', 'payout-up', 'payout-down', 'caps', 'countries', 'other'] as const;
export type ChangeGroup = (typeof CHANGE_GROUPS)[number];

/** Each group's message, for the view's headers and the exports. */
export const GROUP_MESSAGES = {
  new: 'changeGroupNew',
  gone: 'changeGroupGone',
  'payout-up': 'changeGroupPayoutUp',
  'payout-down': 'changeGroupPayoutDown',
  caps: 'changeGroupCaps',
  countries: 'changeGroupCountries',
  other: 'changeGroupOther',
} as const satisfies Record<ChangeGroup, MessageKey>;

export const GROUP_LABELS: Readonly<Record<ChangeGroup, string>> = messageTable(GROUP_MESSAGES);

/** The log keeps 90 days or 50,000 changes, whichever is less; the oldest go first. */
export const LOG_MAX_AGE_MS = 90 * 86_400_000;
export const LOG_MAX_CHANGES = 50_000;

export function groupOf(change: Pick<OfferChange, 'kind' | 'before' | 'after'>): ChangeGroup {
  switch (change.kind) {
    case 'new':
      return 'new';
    case 'gone':
      return 'gone';
    case 'caps':
      return 'caps';
    case 'geos':
      return 'countries';
    case 'payout':
      return payoutGroup(change.before as Payout | null, change.after as Payout | null);
    default:
      return 'other';
  }
}

/** Up or down when the amount moved in the same currency (or appeared / went); else "other". */
function payoutGroup(before: Payout | null, after: Payout | null): ChangeGroup {
  if (!before) return 'payout-up';
  if (!after) return 'payout-down';
  if (before.currency !== after.currency || before.amount === after.amount) return 'other';
  // Stryker disable next-line EqualityOperator: equal amounts returned 'other' just above
  return after.amount > before.amount ? 'payout-up' : 'payout-down';
}

/** The records for one refresh's changes, with the offers they are about (of `source`, when given). */
export function toRecords(
  changes: OfferChange[],
  after: Offer[],
  at: number,
  previousAt: number,
  source?: string,
): ChangeRecord[] {
  const current = new Map<string, Offer>();
  for (const offer of after) current.set(offer.id, offer);
  return changes.map((change) => {
    // diffOffers reports only offers of one snapshot or the other: a gone one is its last state.
    const offer = (change.kind === 'gone' ? change.before : current.get(change.offerId)) as Offer;
    return {
      ...change,
      at,
      previousAt,
      group: groupOf(change),
      name: offer.name,
      platform: offer.platform,
      geos: offer.geos,
      appKey: offer.store ? storeKey(offer.store) : null,
      payout: offer.payout,
      categories: offer.categories,
      ...(source === undefined ? {} : { source }),
    };
  });
}

/**
 * The offer's categories as a record knows them. Records written before they were kept still
 * know them when they hold the whole offer (new, gone) or the new list (a categories change);
 * otherwise null: not known.
 */
export function categoriesOf(record: Pick<ChangeRecord, 'kind' | 'before' | 'after' | 'categories'>): string[] | null {
  if (record.categories) return record.categories;
  if (record.kind === 'categories') return asList(record.after);
  if (record.kind === 'new') return asList((record.after as Offer | null)?.categories);
  if (record.kind === 'gone') return asList((record.before as Offer | null)?.categories);
  return null;
}

function asList(value: unknown): string[] | null {
  return Array.isArray(value) ? (value as string[]) : null;
}
