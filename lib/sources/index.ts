import { z } from 'zod/mini';
import { t } from '../i18n';
import { NETWORK_KIND_NAMES, NETWORK_KINDS, type NetworkKind, sourceAddressProblem } from '../networks/kinds';
import type { Offer } from '../offer';
import type { RefreshStatus } from '../refresh/status';

/**
 * A source is one account at one network (DESIGN §5): the publisher's CarrierAppTraffic feed is
 * the first, and they add their Affise and Everflow accounts beside it. Every offer belongs to one
 * source; its identity is (source, id) — the offer key. Each source has its own key (a secret,
 * kept like the first one), refresh state, back-off and change log.
 */
export interface Source {
  /** Stable and short: offer keys and watchlists carry it. */
  id: string;
  kind: NetworkKind;
  /** What the publisher calls the account ("NetworkX"); the kind's name when they gave none. */
  label: string;
  /** carrierapptraffic: the feed URL template (the first source's lives in the settings). */
  feedUrl?: string;
  /** affise: the network's API address; everflow: api.eflow.team or api-eu.eflow.team. */
  host?: string;
  /** A demo account (bundled data): never mixed with the publisher's own. */
  demo?: boolean;
}

/** The first source: today's settings (feed URL, key) as they always were. */
export const PRIMARY_SOURCE_ID = 'cat';
/** Sources a publisher may add besides the first. */
export const MAX_SOURCES = 12;

export function primarySource(feedUrl: string): Source {
  return { id: PRIMARY_SOURCE_ID, kind: 'carrierapptraffic', label: NETWORK_KINDS.carrierapptraffic.label, feedUrl };
}

/** "NetworkX (Affise)", or "Affise" when the label is the kind's own name. */
export function sourceName(source: Pick<Source, 'kind' | 'label'>): string {
  const kind = NETWORK_KINDS[source.kind].label;
  return !source.label || source.label === kind ? kind : t('sourceNameWithKind', { label: source.label, kind });
}

const id = z.string().check(z.regex(/^[a-z0-9-]{1,24}$/));
const label = z.string().check(z.trim(), z.maxLength(60));
const SourceSchema = z.object({
  id,
  kind: z.enum(NETWORK_KIND_NAMES as [NetworkKind, ...NetworkKind[]]),
  label,
  feedUrl: z.optional(z.string().check(z.maxLength(2048))),
  host: z.optional(z.string().check(z.maxLength(300))),
});

/** A source as the settings page sends it: checked, and its address checked for its kind. */
export const SourceInputSchema = z.object({
  id: z.optional(id),
  kind: SourceSchema.shape.kind,
  label,
  feedUrl: z.optional(z.string().check(z.trim(), z.maxLength(2048))),
  host: z.optional(z.string().check(z.trim(), z.maxLength(300))),
});
export type SourceInput = z.infer<typeof SourceInputSchema>;

/** The stored list of added sources (IndexedDB), each checked: one that is not valid is dropped. */
export function readSources(raw: unknown): Source[] {
  if (!Array.isArray(raw)) return [];
  const sources: Source[] = [];
  for (const item of raw.slice(0, MAX_SOURCES)) {
    const parsed = SourceSchema.safeParse(item);
    if (parsed.success && parsed.data.id !== PRIMARY_SOURCE_ID && !sources.some((s) => s.id === parsed.data.id)) {
      sources.push(parsed.data);
    }
  }
  return sources;
}

/** What is wrong with a source as typed, by field; empty when it can be saved. */
export function sourceProblems(input: SourceInput): Partial<Record<'label' | 'address', string>> {
  const address = sourceAddressProblem(input.kind, { feedUrl: input.feedUrl, host: input.host });
  return address ? { address } : {};
}

/** A new source's id: its kind's name and a number the others do not use ("affise-2"). */
export function newSourceId(kind: NetworkKind, taken: readonly string[]): string {
  for (let n = 1; ; n++) {
    const candidate = `${kind}-${n}`;
    if (!taken.includes(candidate)) return candidate;
  }
}

/**
 * The offer's key: (source, id) in one string, for watchlists, messages and lists. Source ids
 * never hold "|", so the first one separates them (offer ids may hold anything).
 */
export function offerKey(offer: Pick<Offer, 'id' | 'source'>): string {
  return `${offer.source ?? PRIMARY_SOURCE_ID}|${offer.id}`;
}

export function parseOfferKey(key: string): { source: string; id: string } {
  const at = key.indexOf('|');
  // A key from before sources (a bare id) is the first source's offer.
  return at === -1 ? { source: PRIMARY_SOURCE_ID, id: key } : { source: key.slice(0, at), id: key.slice(at + 1) };
}

/**
 * The bundled demo accounts "Try with demo data" shows: the CarrierAppTraffic demo feed and an
 * Affise and an Everflow network sharing some of its apps at other payouts and currencies.
 */
export const DEMO_SOURCES: readonly (Source & { file: string })[] = [
  { id: 'demo-cat', kind: 'carrierapptraffic', label: 'CarrierAppTraffic', demo: true, file: '/demo-feed.json' },
  { id: 'demo-affise', kind: 'affise', label: 'AppRocket', demo: true, file: '/demo/affise.json' },
  { id: 'demo-everflow', kind: 'everflow', label: 'MobiPeak', demo: true, file: '/demo/everflow.json' },
];

/** A source as the settings page lists it: never its key, only whether there is one, masked. */
export interface SourceInfo {
  id: string;
  kind: NetworkKind;
  label: string;
  /** "AppRocket (Affise)". */
  name: string;
  feedUrl?: string;
  host?: string;
  primary: boolean;
  hasKey: boolean;
  masked: string;
  status: RefreshStatus;
  offerCount: number;
  fetchedAt: number | null;
}
