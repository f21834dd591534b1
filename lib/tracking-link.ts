import { t } from './i18n';
import type { Offer } from './offer';

export interface TrackingLinkParams {
  clickId?: string;
  /** Default `aff_sub`. */
  clickIdParam?: string;
  subId?: string;
  /** Default `aff_sub2`. */
  subIdParam?: string;
}

/** The publisher's link settings, as `trackingLinkFor` needs them. */
export interface LinkSettings {
  clickId: string;
  clickIdParam: string;
  subId: string;
  subIdParam: string;
}

export const DEFAULT_CLICK_ID_PARAM = 'aff_sub';
export const DEFAULT_SUB_ID_PARAM = 'aff_sub2';

// Tracker macros the publisher's tracker substitutes itself: {name}, {{name}}, [NAME], #name#.
// Anchored: "{x}&aff_id=666" is a value to encode, not a macro to pass through.
const MACRO_RE = /^(\{\{[\w.-]+\}\}|\{[\w.-]+\}|\[[\w.-]+\]|#[\w.-]+#)$/;
// A #name# macro as a parameter value: right after "=", ending the value.
const HASH_MACRO_AT = /^#[\w.-]+#(?=[&#]|$)/;

export function isTrackerMacro(value: string): boolean {
  return MACRO_RE.test(value);
}

/**
 * The offer's tracking URL with the click ID and sub ID set. Everything else — other
 * parameters, their order and encoding, the fragment — stays byte-for-byte as the network sent
 * it, so the query is edited as text rather than through URLSearchParams (which re-encodes).
 * An empty click ID or sub ID changes nothing: the network's own value stays.
 */
export function buildTrackingLink(trackingUrl: string, p: TrackingLinkParams): string {
  return setParams(
    trackingUrl,
    p.clickIdParam || DEFAULT_CLICK_ID_PARAM,
    p.clickId ?? '',
    p.subIdParam || DEFAULT_SUB_ID_PARAM,
    p.subId ?? '',
  );
}

/**
 * The offer's link with the publisher's click ID and sub ID from settings — except into a
 * parameter the network's link already carries with a value of its own (`aff_id=1234`, `pid=…`):
 * that one is the network's (often the affiliate's own id), and overwriting it would send the
 * publisher's traffic to whoever chose the parameter name. Only parameters meant for the
 * publisher's values (`aff_sub…`, `sub1…`) are always set.
 */
export function trackingLinkFor(offer: Pick<Offer, 'trackingUrl'>, settings: LinkSettings): string {
  const clickIdParam = settings.clickIdParam || DEFAULT_CLICK_ID_PARAM;
  const subIdParam = settings.subIdParam || DEFAULT_SUB_ID_PARAM;
  return buildTrackingLink(offer.trackingUrl, {
    clickIdParam,
    subIdParam,
    clickId: isNetworkParam(offer.trackingUrl, clickIdParam) ? '' : settings.clickId,
    subId: isNetworkParam(offer.trackingUrl, subIdParam) ? '' : settings.subId,
  });
}

/** Parameter names networks leave for the publisher's own values (click ID, sub IDs). */
const PUBLISHER_PARAM = /^(aff_sub\d?|aff_click_id|sub\d{0,2}|sub_?id\d?|s\d|click_?id|clickref|aff_unique\d?)$/i;

export function isPublisherParam(name: string): boolean {
  return PUBLISHER_PARAM.test(name);
}

/**
 * The link carries `name` with a value of the network's own (not empty, not a macro or
 * placeholder such as `{clickid}` or `[CLICK_ID]`), and it is not a publisher's parameter.
 */
export function isNetworkParam(trackingUrl: string, name: string): boolean {
  if (isPublisherParam(name)) return false;
  const value = paramValue(trackingUrl, name);
  return value !== null && value !== '' && !isTrackerMacro(safeDecode(value));
}

/**
 * Why a click-ID or sub-ID parameter name cannot be used with these links: one of them carries
 * it with a value of the network's own. Null when it can.
 */
export function networkParamProblem(name: string, trackingUrls: Iterable<string>): string | null {
  for (const url of trackingUrls) {
    if (!isNetworkParam(url, name)) continue;
    const value = safeDecode(paramValue(url, name) ?? '');
    return t('trackingLinkParamTaken', { name, value: value.slice(0, 40), example: DEFAULT_CLICK_ID_PARAM });
  }
  return null;
}

/** The raw (still encoded) value of the first `name` parameter of the URL's query; null when absent. */
function paramValue(url: string, name: string): string | null {
  const beforeHash = url.slice(0, fragmentStart(url));
  const queryAt = beforeHash.indexOf('?');
  if (queryAt === -1) return null;
  for (const part of beforeHash.slice(queryAt + 1).split('&')) {
    if (paramName(part) !== name) continue;
    const eq = part.indexOf('=');
    return eq === -1 ? '' : part.slice(eq + 1);
  }
  return null;
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** The click ID Offer Lens starts with: a placeholder that says where the tracker's macro goes. */
export const CLICK_ID_PLACEHOLDER = '[CLICK_ID]';

/**
 * The publisher has not set their tracker's macro yet: the click ID is still the placeholder
 * Offer Lens starts with (any case), or empty (the link keeps whatever the network put there).
 * A link copied this way sends no click ID the tracker can match a conversion to.
 */
export function isClickIdPlaceholder(clickId: string): boolean {
  const value = clickId.trim();
  return value === '' || value.toUpperCase() === CLICK_ID_PLACEHOLDER;
}

/** A piece of a tracking link as shown: the publisher's click-ID or sub-ID parameter, or the rest. */
export interface LinkSegment {
  text: string;
  param: 'click-id' | 'sub-id' | null;
}

/**
 * The link cut into pieces for showing, so the parameters the publisher's values go into can be
 * marked: each `name=value` of the click-ID or sub-ID parameter in the query is a piece of its
 * own, everything else stays in between. The pieces join back to the link, byte for byte.
 */
export function linkSegments(
  link: string,
  params: Pick<TrackingLinkParams, 'clickIdParam' | 'subIdParam'>,
): LinkSegment[] {
  const clickIdParam = params.clickIdParam || DEFAULT_CLICK_ID_PARAM;
  const subIdParam = params.subIdParam || DEFAULT_SUB_ID_PARAM;
  const hashAt = fragmentStart(link);
  const queryAt = link.slice(0, hashAt).indexOf('?');
  if (queryAt === -1) return [{ text: link, param: null }];
  const segments: LinkSegment[] = [];
  let plain = link.slice(0, queryAt + 1);
  const parts = link.slice(queryAt + 1, hashAt).split('&');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const name = paramName(part);
    const param = name === clickIdParam ? 'click-id' : name === subIdParam ? 'sub-id' : null;
    if (param) {
      if (plain) segments.push({ text: plain, param: null });
      segments.push({ text: part, param });
      plain = '';
    } else plain += part;
    if (i < parts.length - 1) plain += '&';
  }
  plain += link.slice(hashAt);
  if (plain) segments.push({ text: plain, param: null });
  return segments;
}

export type SubIdStatus = 'ok' | 'excluded' | 'not-included';

/** Whether the offer accepts traffic under this sub ID (its include/exclude lists). */
export function subIdStatus(offer: Pick<Offer, 'subIds'>, subId: string): SubIdStatus {
  const id = subId.trim();
  if (id && offer.subIds.exclude.includes(id)) return 'excluded';
  if (offer.subIds.include.length > 0 && !offer.subIds.include.includes(id)) return 'not-included';
  return 'ok';
}

/**
 * Replace (or append) the click-ID parameter, then the sub-ID parameter, as two edits one after
 * the other would — the URL cut into its query's parts once, not twice (an export builds 50,000
 * links). An empty value leaves its parameter as it is.
 */
function setParams(
  url: string,
  firstName: string,
  firstValue: string,
  secondName: string,
  secondValue: string,
): string {
  const first = firstValue.trim();
  const second = secondValue.trim();
  if (!first && !second) return url;
  const hashAt = fragmentStart(url);
  const beforeHash = url.slice(0, hashAt);
  const queryAt = beforeHash.indexOf('?');
  const base = queryAt === -1 ? beforeHash : beforeHash.slice(0, queryAt);
  let parts = (queryAt === -1 ? '' : beforeHash.slice(queryAt + 1)).split('&');
  if (first) parts = withParam(parts, firstName, first);
  if (second) parts = withParam(parts, secondName, second);
  return `${base}?${parts.join('&')}${url.slice(hashAt)}`;
}

/** The query's parts with `name` set to `value`: the first copy replaced, further copies dropped, else appended. */
function withParam(parts: readonly string[], name: string, value: string): string[] {
  const pair = `${encodeURIComponent(name)}=${encodeValue(value)}`;
  const kept: string[] = [];
  let replaced = false;
  for (const part of parts) {
    if (paramName(part) !== name) {
      kept.push(part);
    } else if (!replaced) {
      kept.push(pair);
      replaced = true;
    }
    // Any further copy of the parameter is dropped: one click ID per link.
  }
  if (!replaced) {
    // A trailing "&" the network sent is where the parameter goes, rather than doubling it.
    if (kept[kept.length - 1] === '') kept[kept.length - 1] = pair;
    else kept.push(pair);
  }
  return kept;
}

/**
 * Where the URL's fragment starts (its length when it has none). A `#` that opens a #name#
 * macro value (`aff_sub=#clickid#`) belongs to the value: the macro is skipped, not cut.
 */
function fragmentStart(url: string): number {
  let from = 0;
  for (;;) {
    const at = url.indexOf('#', from);
    if (at === -1) return url.length;
    const macro = url[at - 1] === '=' ? HASH_MACRO_AT.exec(url.slice(at)) : null;
    if (!macro) return at;
    from = at + macro[0].length;
  }
}

/** A parameter's decoded name. Names we set have no "+" or spaces, so form-encoding does not matter. */
function paramName(part: string): string {
  const eq = part.indexOf('=');
  const raw = eq === -1 ? part : part.slice(0, eq);
  if (!raw.includes('%')) return raw; // nothing to decode: the common case, for every offer of an export
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw; // a malformed %-escape in someone else's parameter: it is not ours either way
  }
}

function encodeValue(value: string): string {
  return isTrackerMacro(value) ? value : encodeURIComponent(value);
}
