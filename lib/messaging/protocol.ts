import { z } from 'zod/mini';
import type { Locale } from '../i18n';
import type { LinkCheckAnswer } from '../link-check';
import type { Offer } from '../offer';
import type { RefreshOutcome } from '../refresh';
import type { SaveOutcome } from '../settings/defaults';
import { ApiKeySchema, SettingsSchema } from '../settings/schema';
import { type SourceInfo, SourceInputSchema } from '../sources';
import type { HiddenBadge, PageOffers } from '../store-page';

/**
 * The whole message protocol, one entry per message: what it carries (a zod schema, checked on
 * arrival in the background), what it answers, and who may send it. Adding a message is one
 * entry here and one handler in the background.
 *
 * Senders: 'extension' = the extension's own pages only. 'store-page' = also the content script
 * on store pages, whose world a compromised page's renderer can reach: such messages carry no
 * URL (the background uses what the browser says about the sender) and answer the minimum.
 */
type Senders = 'extension' | 'store-page';

/** A phantom: the answer's type, carried in the table without a value. */
const answers = <T>() => undefined as unknown as T;
const nothing = z.strictObject({});
/** An offer's key (lib/sources offerKey: source and id; a bare id is the first source's). */
const id = z.string().check(z.maxLength(260));
const sourceId = z.string().check(z.maxLength(40));

export const protocol = {
  /** "Refresh now", "Retry". */
  refresh: { request: nothing, answer: answers<RefreshOutcome>(), from: 'extension' },
  /** Show the bundled demo (its own world: the publisher's data is not touched), one step further. */
  loadDemo: { request: nothing, answer: answers<RefreshOutcome>(), from: 'extension' },
  /** Back from the demo to the publisher's own offers. */
  leaveDemo: { request: nothing, answer: answers<{ ok: true }>(), from: 'extension' },
  /** The publisher's network accounts, for the settings page (keys masked). */
  listSources: { request: nothing, answer: answers<SourceInfo[]>(), from: 'extension' },
  /** Add or edit an account and test it; a failing test saves nothing. */
  saveSource: {
    request: z.object({
      source: SourceInputSchema,
      apiKey: z.optional(ApiKeySchema),
      approveOrigin: z.optional(z.string().check(z.maxLength(300))),
    }),
    answer: answers<SaveOutcome & { id?: string }>(),
    from: 'extension',
  },
  /** Remove an account with its offers, change log and key. */
  removeSource: { request: z.object({ id: sourceId }), answer: answers<{ ok: boolean }>(), from: 'extension' },
  /** An account's key in clear, for its "Show". */
  revealSourceKey: { request: z.object({ id: sourceId }), answer: answers<{ apiKey: string }>(), from: 'extension' },
  /** Refresh one account now. */
  refreshSource: { request: z.object({ id: sourceId }), answer: answers<RefreshOutcome>(), from: 'extension' },
  /**
   * Save settings (and the key, when typed) and test them with a refresh; a new key or feed URL
   * that fails the test is not kept. `approveOrigin`: the publisher confirmed sending the key to
   * this feed origin (asked when it was never approved).
   */
  saveSettings: {
    request: z.object({
      settings: SettingsSchema,
      apiKey: z.optional(ApiKeySchema),
      approveOrigin: z.optional(z.string().check(z.maxLength(300))),
    }),
    answer: answers<SaveOutcome>(),
    from: 'extension',
  },
  /** Settings synced from elsewhere differ: write this computer's settings to sync instead. */
  keepMySettings: { request: nothing, answer: answers<{ ok: true }>(), from: 'extension' },
  /** The feed origins the key may be sent to: the build's, and those the publisher approved. */
  approvedOrigins: {
    request: nothing,
    answer: answers<{ build: string | null; approved: string[] }>(),
    from: 'extension',
  },
  /** Take back the approval of a feed origin. */
  revokeOrigin: {
    request: z.object({ origin: z.string().check(z.maxLength(300)) }),
    answer: answers<{ ok: true }>(),
    from: 'extension',
  },
  /** Whether a key is stored, masked. */
  apiKeyInfo: { request: nothing, answer: answers<{ hasKey: boolean; masked: string }>(), from: 'extension' },
  /** The key in clear, for the settings page's "Show". */
  revealApiKey: { request: nothing, answer: answers<{ apiKey: string }>(), from: 'extension' },
  /** The Changes view was open up to this change: it and older ones are seen. */
  markChangesSeen: {
    request: z.object({ upTo: z.int().check(z.nonnegative()) }),
    answer: answers<{ ok: true }>(),
    from: 'extension',
  },
  /** The Changes view was opened: the toolbar's count of watched changes goes. */
  changesViewed: { request: nothing, answer: answers<{ ok: true }>(), from: 'extension' },
  /** Make sure the stored search index fits the stored snapshot (after an update changed its shape). */
  prepareSearch: { request: nothing, answer: answers<{ ok: true }>(), from: 'extension' },
  /** One offer by id (the popup opened from a badge). */
  offerById: { request: z.object({ id }), answer: answers<Offer | null>(), from: 'extension' },
  /** Apps whose badge the publisher hid, for Settings → Hidden badges. */
  hiddenBadges: { request: nothing, answer: answers<HiddenBadge[]>(), from: 'extension' },
  /** Show an app's badge again (Settings → Hidden badges). */
  showBadgeAgain: {
    request: z.object({ key: z.string().check(z.maxLength(300)) }),
    answer: answers<{ ok: true }>(),
    from: 'extension',
  },
  /**
   * The offers for the store page the sender is on; with the badge's words when the settings
   * page chose a language other than the browser's (the content script reads only the browser's).
   */
  offersForPage: {
    request: nothing,
    answer: answers<PageOffers & { badgeLanguage?: BadgeLanguage }>(),
    from: 'store-page',
  },
  /** Hide the sender page's badge until its app's offers change. */
  dismissBadge: { request: nothing, answer: answers<{ ok: true }>(), from: 'store-page' },
  /** Watch (or stop watching) one of the sender page's app's offers, or the app; answers the page again. */
  watchOnPage: {
    request: z.discriminatedUnion('target', [
      z.object({ target: z.literal('offer'), offerId: id, on: z.boolean() }),
      z.object({ target: z.literal('app'), on: z.boolean() }),
    ]),
    answer: answers<PageOffers>(),
    from: 'store-page',
  },
  /** Open the side panel beside the sender's tab (a trusted click on the badge). */
  openSidePanel: { request: nothing, answer: answers<{ ok: true }>(), from: 'store-page' },
  /** Follow this offer's tracking link as a phone would and judge where it lands. */
  checkLink: { request: z.object({ offerId: id }), answer: answers<LinkCheckAnswer>(), from: 'extension' },
  /** The same from the badge (a trusted click): only for an offer of the sender's page. */
  checkLinkOnPage: { request: z.object({ offerId: id }), answer: answers<LinkCheckAnswer>(), from: 'store-page' },
  /** Show this offer in the popup (a trusted click on the badge; at most once a second per tab). */
  openPopup: {
    request: z.object({ offerId: id }),
    answer: answers<{ ok: true }>(),
    from: 'store-page',
  },
  /** The badge's Undo: bring back the sender page's app's badge (and its toolbar payout); answers the page again. */
  undismissBadge: { request: nothing, answer: answers<PageOffers>(), from: 'store-page' },
} satisfies Record<string, { request: z.ZodMiniType; answer: unknown; from: Senders }>;

export type MessageType = keyof typeof protocol;

/** The store-page badge's messages (message name → text) in a language the browser does not speak. */
export interface BadgeLanguage {
  locale: Locale;
  messages: Record<string, string>;
}
/** What a sender passes. */
export type RequestOf<K extends MessageType> = z.input<(typeof protocol)[K]['request']>;
/** What a handler gets: the request after its schema has checked (and trimmed) it. */
export type CheckedRequestOf<K extends MessageType> = z.output<(typeof protocol)[K]['request']>;
export type AnswerOf<K extends MessageType> = (typeof protocol)[K]['answer'];
