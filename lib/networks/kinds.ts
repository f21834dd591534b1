import { FeedError } from '../errors';
import { type MessageKey, t } from '../i18n';
import { feedUrlFor, feedUrlProblem } from '../settings/feed-url';
import { isStoreHost } from '../store-url';
import { hasUserInfo, isLoopbackHost, parseHttpUrl } from '../url';

export type NetworkKind = 'carrierapptraffic' | 'affise' | 'everflow';

/** What the background needs to know of a kind of network before it asks for a page. */
export interface NetworkKindInfo {
  /** The network's name, as the publisher knows it. */
  label: string;
  /**
   * Where a source of this kind points: a feed URL template with `{apiKey}` (`feed-url`), a
   * host the publisher enters (`host`), or one of the kind's fixed `hosts` (`fixed-host`).
   */
  address: 'feed-url' | 'host' | 'fixed-host';
  /** For `fixed-host`: the hosts, the default first. */
  hosts: readonly string[];
  /** The header the API key travels in; null when it travels inside the feed URL. */
  keyHeader: string | null;
  /** Offers asked for per page; null for a feed that comes in one answer. */
  pageSize: number | null;
}

export const NETWORK_KINDS: Readonly<Record<NetworkKind, NetworkKindInfo>> = {
  carrierapptraffic: { label: 'CarrierAppTraffic', address: 'feed-url', hosts: [], keyHeader: null, pageSize: null },
  // The host is the network's own (https://api-<network>.affise.com, or a custom domain).
  affise: { label: 'Affise', address: 'host', hosts: [], keyHeader: 'API-Key', pageSize: 500 },
  // api-eu.eflow.team serves the accounts Everflow keeps in the EU.
  everflow: {
    label: 'Everflow',
    address: 'fixed-host',
    hosts: ['api.eflow.team', 'api-eu.eflow.team'],
    keyHeader: 'X-Eflow-API-Key',
    pageSize: 500,
  },
};

export const NETWORK_KIND_NAMES = Object.keys(NETWORK_KINDS) as NetworkKind[];

/** Where one source points, and its key. */
export interface SourceAccess {
  /** For `feed-url` kinds: the template, `{apiKey}` where the key goes. */
  feedUrl?: string;
  /** For `host` and `fixed-host` kinds: "https://api-mynetwork.affise.com", or a bare host name. */
  host?: string;
  apiKey: string;
}

/** One page's request, as data: the background makes it (and only it sends the key). */
export interface PageRequest {
  url: string;
  headers: Record<string, string>;
}

/** The address problems' messages (their `{apiKey}` is the placeholder's own name, shown as written). */
const WORDS = {
  noFeedUrl: 'networkProblemNoFeedUrl',
  noHost: 'networkProblemNoHost',
  notHttps: 'networkProblemNotHttps',
  userInfo: 'networkProblemUserInfo',
  storeHost: 'networkProblemStoreHost',
  notOrigin: 'networkProblemNotOrigin',
  notEverflowHost: 'networkProblemNotEverflowHost',
} as const satisfies Record<string, MessageKey>;

/**
 * What is wrong with the API address a publisher entered for an Affise network, in words for the
 * settings page; null when it is fine. The feed URL's rules (lib/settings/feed-url.ts): https
 * only (plain http only to this computer, for local testing), no user-info, never a store host.
 */
export function apiHostProblem(host: string): string | null {
  const url = apiOrigin(host);
  if (!url) return t(WORDS.noHost);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) return t(WORDS.notHttps);
  if (hasUserInfo(withScheme(host))) return t(WORDS.userInfo);
  if (isStoreHost(url.hostname)) return t(WORDS.storeHost);
  if (url.pathname !== '/' || url.search || url.hash) return t(WORDS.notOrigin);
  return null;
}

/** What is wrong with a source's address for its kind, in words; null when it is fine. */
export function sourceAddressProblem(kind: NetworkKind, access: Omit<SourceAccess, 'apiKey'>): string | null {
  const info = NETWORK_KINDS[kind];
  if (info.address === 'feed-url') {
    const feedUrl = access.feedUrl ?? '';
    return feedUrlProblem(feedUrl) ?? (feedUrl.trim() ? null : t(WORDS.noFeedUrl));
  }
  if (info.address === 'host') return apiHostProblem(access.host ?? '');
  return everflowHost(access.host) ? null : t(WORDS.notEverflowHost);
}

/**
 * The request for one page of a source's offers. The key goes only where its kind puts it: in the
 * feed URL for CarrierAppTraffic, in the kind's own header otherwise (never in an Affise or
 * Everflow URL, where it would reach server logs). A source whose address breaks its kind's rules
 * is refused with the settings error, never requested.
 */
export function offerPageRequest(kind: NetworkKind, access: SourceAccess, page: number): PageRequest {
  const accept = { Accept: 'application/json' };
  if (kind === 'carrierapptraffic') {
    if (sourceAddressProblem(kind, access)) throw new FeedError('no-feed-url');
    return { url: feedUrlFor((access.feedUrl as string).trim(), access.apiKey), headers: accept };
  }
  const info = NETWORK_KINDS[kind];
  const query = `page=${page}&${kind === 'affise' ? 'limit' : 'page_size'}=${info.pageSize}`;
  if (kind === 'affise') {
    const origin = apiHostProblem(access.host ?? '') ? null : apiOrigin(access.host as string)?.origin;
    if (!origin) throw new FeedError('no-feed-url');
    return { url: `${origin}/3.0/partner/offers?${query}`, headers: { ...accept, 'API-Key': access.apiKey } };
  }
  const host = everflowHost(access.host);
  if (!host) throw new FeedError('no-feed-url');
  return {
    url: `https://${host}/v1/affiliates/offersrunnable?${query}`,
    headers: { ...accept, 'X-Eflow-API-Key': access.apiKey },
  };
}

/** The host permission a source needs, e.g. "https://api-mynetwork.affise.com/*" (patterns carry no port). */
export function sourceHostPattern(kind: NetworkKind, access: Omit<SourceAccess, 'apiKey'>): string | null {
  if (sourceAddressProblem(kind, access)) return null;
  const url =
    kind === 'carrierapptraffic'
      ? parseHttpUrl((access.feedUrl as string).replaceAll('{apiKey}', 'key'))
      : kind === 'affise'
        ? apiOrigin(access.host as string)
        : new URL(`https://${everflowHost(access.host)}`);
  return url ? `${url.protocol}//${url.hostname}/*` : null;
}

/** Everflow's host for the source: the default when none is set, one of the two fixed ones, else null. */
function everflowHost(host: string | undefined): string | null {
  const hosts = NETWORK_KINDS.everflow.hosts;
  const text = (host ?? '').trim().toLowerCase();
  if (!text) return hosts[0] as string;
  const name = parseHttpUrl(withScheme(text))?.hostname;
  return name && hosts.includes(name) && apiHostProblem(text) === null ? name : null;
}

/** The address as a URL; a bare host name is taken as https. */
function apiOrigin(host: string): URL | null {
  const text = host.trim();
  return text ? parseHttpUrl(withScheme(text)) : null;
}

function withScheme(host: string): string {
  const text = host.trim();
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
}
