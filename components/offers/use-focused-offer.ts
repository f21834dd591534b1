import { useCallback, useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging/client';
import type { Offer } from '../../lib/offer';
import { parseOfferKey } from '../../lib/sources';
import { database } from '../../lib/storage/database';
import type { OfferSource } from '../../lib/storage/offer-source';

/** The offer shown in full: from the feed, or (gone) its last known state and when it went. */
export interface FocusedOffer {
  offer: Offer;
  goneAt: number | null;
}

/** The offer detail: which offer it shows, opened from a row, a change, a notification or a URL. */
export function useFocusedOffer(source: OfferSource | null) {
  const [focused, setFocused] = useState<FocusedOffer | null>(null);

  /** Show an offer by key (source and id): the feed's, or a gone offer's last known state from the change log. */
  const open = useCallback(
    async (key: string) => {
      const { id, source: from } = parseOfferKey(key);
      const doc = source?.engine.docWithId(id, from);
      const offer = doc !== undefined && source ? ((await source.offersOf([doc]).catch(() => []))[0] ?? null) : null;
      const found = offer ?? (await sendMessage('offerById', { id: key }).catch(() => null));
      if (found) {
        setFocused({ offer: found, goneAt: null });
        return;
      }
      const known = await database.changes.lastKnown(key);
      if (known) setFocused({ offer: known.offer, goneAt: known.goneAt });
    },
    [source],
  );

  return {
    focused,
    open,
    /** Show an offer of the list (null: back to the list). */
    show: (offer: Offer | null) => setFocused(offer && { offer, goneAt: null }),
  };
}
