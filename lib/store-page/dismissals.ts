import { byPayout, type Offer } from '../offer';
import { offerKey } from '../sources';
import { storeKeyLabel } from '../store-url';
import type { StoreIndex } from './match';

/**
 * The publisher's "hide this badge": store key → the signature of that app's offers when it
 * was hidden. A badge stays hidden while the signature holds, and comes back by itself when an
 * offer comes, goes or changes its payout — or when the publisher brings it back (the badge's
 * Undo, Settings → Hidden badges).
 */
export type Dismissals = Record<string, string>;

/** An app whose badge is hidden, as the settings page lists it. */
export interface HiddenBadge {
  /** Its store key ("google-play:com.spotify.music"), what `undismissApp` takes. */
  key: string;
  /** "com.spotify.music on Google Play". */
  label: string;
  /** Its best offer's name, so the publisher knows the app by it. */
  offerName: string;
}

/** A short fingerprint of an app's offers, so a dismissed badge returns when they change. */
export function offersSignature(offers: Offer[]): string {
  return offers
    .map((o) => `${offerKey(o)}:${o.payout?.amount ?? ''}:${o.payout?.currency ?? ''}`)
    .sort()
    .join('|');
}

/** Whether this app's badge is hidden, given its offers now. */
export function isDismissed(dismissed: Dismissals, key: string, offers: Offer[]): boolean {
  return Object.hasOwn(dismissed, key) && dismissed[key] === offersSignature(offers);
}

/**
 * The apps whose badge is hidden now, by label. Hidden entries whose offers have changed since
 * (their badge is back) or that have no offers left are not listed.
 */
export function hiddenBadges(dismissed: Dismissals, index: StoreIndex): HiddenBadge[] {
  const hidden: HiddenBadge[] = [];
  for (const key of Object.keys(dismissed)) {
    const offers = index.get(key);
    if (!offers?.length || !isDismissed(dismissed, key, offers)) continue;
    const best = offers.reduce((a, b) => (byPayout(a, b) <= 0 ? a : b));
    hidden.push({ key, label: storeKeyLabel(key), offerName: best.name });
  }
  return hidden.sort((a, b) => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
}

/** The dismissals without this app's (the same object when it had none). */
export function withoutDismissal(dismissed: Dismissals, key: string): Dismissals {
  if (!Object.hasOwn(dismissed, key)) return dismissed;
  const rest = { ...dismissed };
  delete rest[key];
  return rest;
}
