import type { Offer } from './feed';
import type { Settings } from './settings';

export interface TrackingLinkParams {
  clickId?: string;
  /** Default `aff_sub`. */
  clickIdParam?: string;
  subId?: string;
  /** Default `aff_sub2`. */
  subIdParam?: string;
}

export const DEFAULT_CLICK_ID_PARAM = 'aff_sub';
export const DEFAULT_SUB_ID_PARAM = 'aff_sub2';

// Tracker macros the publisher's tracker substitutes itself: {name}, {{name}}, [NAME], #name#.
const MACRO_RE = /^(\{\{[\w.-]+\}\}|\{[\w.-]+\}|\[[\w.-]+\]|#[\w.-]+#)$/;

export function isTrackerMacro(value: string): boolean {
  return MACRO_RE.test(value);
}

/**
 * The offer's tracking URL with the click ID and sub ID set. Everything else — other
 * parameters, their order and encoding, the fragment — stays byte-for-byte as the network sent it,
 * so we edit the query as text rather than through URLSearchParams (which re-encodes).
 */
export function buildTrackingLink(trackingUrl: string, p: TrackingLinkParams): string {
  let link = setParam(trackingUrl, p.clickIdParam || DEFAULT_CLICK_ID_PARAM, p.clickId ?? '');
  link = setParam(link, p.subIdParam || DEFAULT_SUB_ID_PARAM, p.subId ?? '');
  return link;
}

export type SubIdStatus = 'ok' | 'excluded' | 'not-included';

/** Whether the offer accepts traffic under this sub ID (its include/exclude lists). */
export function subIdStatus(offer: Pick<Offer, 'subIds'>, subId: string): SubIdStatus {
  const id = subId.trim();
  if (id && offer.subIds.exclude.includes(id)) return 'excluded';
  if (offer.subIds.include.length > 0 && !offer.subIds.include.includes(id)) return 'not-included';
  return 'ok';
}

/** Replace (or append) one query parameter; an empty value removes it. */
function setParam(url: string, name: string, rawValue: string): string {
  const value = rawValue.trim();
  const hashAt = url.indexOf('#');
  const beforeHash = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const queryAt = beforeHash.indexOf('?');
  const base = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  const query = queryAt === -1 ? '' : beforeHash.slice(queryAt + 1);

  const pair = `${encodeURIComponent(name)}=${encodeValue(value)}`;
  const parts = query === '' ? [] : query.split('&');
  let replaced = false;
  const kept: string[] = [];
  for (const part of parts) {
    if (paramName(part) !== name) {
      kept.push(part);
    } else if (!replaced && value) {
      kept.push(pair);
      replaced = true;
    }
    // Any further copy of the parameter is dropped: one click ID per link.
  }
  if (!replaced && value) {
    // Keep a trailing "&" (or bare "?") the network sent: append after it rather than doubling it.
    if (kept.length > 0 && kept[kept.length - 1] === '') kept[kept.length - 1] = pair;
    else kept.push(pair);
  }
  const newQuery = kept.join('&');
  // A bare "?" the network sent stays; one left empty by removing our parameter goes.
  const mark = newQuery || (queryAt !== -1 && query === '') ? '?' : '';
  return `${base}${mark}${newQuery}${fragment}`;
}

function paramName(part: string): string {
  const eq = part.indexOf('=');
  const raw = eq === -1 ? part : part.slice(0, eq);
  try {
    return decodeURIComponent(raw.replace(/\+/g, ' '));
  } catch {
    return raw;
  }
}

function encodeValue(value: string): string {
  return isTrackerMacro(value) ? value : encodeURIComponent(value);
}

/** The offer's link with the publisher's click ID and sub ID from settings. */
export function trackingLinkFor(
  offer: Pick<Offer, 'trackingUrl'>,
  settings: Pick<Settings, 'clickId' | 'clickIdParam' | 'subId' | 'subIdParam'>,
): string {
  return buildTrackingLink(offer.trackingUrl, {
    clickId: settings.clickId,
    clickIdParam: settings.clickIdParam,
    subId: settings.subId,
    subIdParam: settings.subIdParam,
  });
}
