import { z } from 'zod';
import type { FeedErrorInfo } from './errors';
import type { Offer, Platform } from './feed';
import type { RefreshOutcome } from './refresh';
import type { SearchResult } from './search';
import { ApiKeySchema, type BadgeCorner, SettingsSchema } from './settings';
import type { SubIdStatus } from './tracking-link';

/**
 * The whole message protocol: message name → what it carries (a zod schema, checked on
 * arrival in the background) and, in `Responses`, what it answers.
 */
export const requests = {
  /** Refresh the feed now ("Refresh now", "Retry"). */
  refresh: z.object({}),
  /** Replace the offers with the bundled demo feed. */
  loadDemo: z.object({}),
  /** Save settings (and the key, when typed) and test them with a refresh. */
  saveSettings: z.object({ settings: SettingsSchema, apiKey: ApiKeySchema.optional() }),
  /** Whether a key is stored, masked. */
  apiKeyInfo: z.object({}),
  /** The key in clear, for the options page's "Show". */
  revealApiKey: z.object({}),
  /** Popup search. */
  search: z.object({
    query: z.string().max(500),
    platform: z.enum(['android', 'ios']).nullable(),
    geo: z.string().max(2).nullable(),
    category: z.string().max(200).nullable(),
    minPayout: z.number().nonnegative().nullable(),
    sort: z.enum(['best', 'payout', 'name', 'expiry']),
    limit: z.number().int().min(1).max(5000),
  }),
  /** One offer by id (popup detail opened from a badge). */
  offerById: z.object({ id: z.string().max(200) }),
  /** Content script: the offers for the store page it is on. */
  offersForPage: z.object({ url: z.string().max(4096) }),
  /** Content script: hide the badge for this app until its offers change. */
  dismissBadge: z.object({ url: z.string().max(4096) }),
  /** Content script: show this offer in the popup. */
  openPopup: z.object({ offerId: z.string().max(200) }),
};

/** What content scripts may ask; everything else is for extension pages only. */
export const CONTENT_SCRIPT_MESSAGES = new Set<MessageType>(['offersForPage', 'dismissBadge', 'openPopup']);

export type MessageType = keyof typeof requests;
export type RequestOf<K extends MessageType> = z.input<(typeof requests)[K]>;

/** An offer as a store page's badge needs it: no feed, no key, the link already built. */
export interface PageOffer {
  id: string;
  name: string;
  platform: Platform | null;
  payout: Offer['payout'];
  geos: string[];
  caps: Offer['caps'];
  minVersion: string | null;
  expiresAt: number | null;
  trackingLink: string;
  subIdStatus: SubIdStatus;
  /** The offer's include list (first few), for the sub-ID warning. */
  acceptedSubIds: string[];
  /** Null when the page's country is unknown. */
  fitsCountry: boolean | null;
}

export interface PageOffers {
  enabled: boolean;
  corner: BadgeCorner;
  dismissed: boolean;
  country: string | null;
  subId: string;
  offers: PageOffer[];
}

export interface Responses {
  refresh: RefreshOutcome;
  loadDemo: RefreshOutcome;
  saveSettings: RefreshOutcome;
  apiKeyInfo: { hasKey: boolean; masked: string };
  revealApiKey: { apiKey: string };
  search: SearchResult & { categories: string[]; geos: string[] };
  offerById: Offer | null;
  offersForPage: PageOffers;
  dismissBadge: { ok: true };
  openPopup: { ok: true };
}

export type ResponseOf<K extends MessageType> = Responses[K];

/** The wire format of an answer: errors travel as values, never as thrown objects. */
export type Reply<T> = { ok: true; value: T } | { ok: false; error: FeedErrorInfo | { message: string } };
