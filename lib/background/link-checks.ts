import type { browser as wxtBrowser } from 'wxt/browser';
import { formatInteger } from '../format';
import { t } from '../i18n';
import {
  checkClickId,
  clickIdPassedAt,
  clipHop,
  countryNote,
  type Hop,
  isHandOff,
  judgeHops,
  type LinkCheckAnswer,
  type LinkCheckResult,
  MAX_HOPS,
  MOBILE_USER_AGENTS,
  PAGE_READ_CHARS,
  pageRedirect,
  phoneFor,
  privateHostOf,
  resolveLocation,
} from '../link-check';
import { isFirefox, linkCheckPermissions } from '../link-check/permissions';
import type { Handlers } from '../messaging/listener';
import type { Offer } from '../offer';
import type { Settings } from '../settings/defaults';
import { offerKey } from '../sources';
import { buildTrackingLink } from '../tracking-link';

type Browser = typeof wxtBrowser;

export const CHECK_TIMEOUT_MS = 10_000;
/** One check per offer per minute: each check is a real click at the network. */
export const CHECK_INTERVAL_MS = 60_000;
/** The HTML read for a meta refresh or script redirect, at most: what pageRedirect reads (a UTF-16 unit is at most 3 UTF-8 bytes). */
const PAGE_READ_BYTES = 3 * PAGE_READ_CHARS;
const UA_RULE_ID = 4201;

interface Deps {
  browser: Browser;
  settings(): Promise<Settings>;
  offerById(id: string): Promise<Offer | null>;
  now(): number;
  timeoutMs?: number;
}

/**
 * Link checks in the background, where the optional permissions apply: the tracking link
 * with a check click ID is followed as a phone would (mobile user agent, no cookies), one hop
 * at a time so that no private address is ever requested (DESIGN §4): each response recorded
 * by webRequest (status and Location), HTML pages read as text for a meta refresh or script
 * redirect, then judged (lib/link-check). One check at a time, so the requests seen are the
 * check's own.
 */
export function createLinkChecks(deps: Deps) {
  const { browser } = deps;
  const firefox = isFirefox(browser.runtime);
  const last = new Map<string, LinkCheckResult>();
  const started = new Map<string, number>();
  let queue: Promise<unknown> = Promise.resolve();

  async function check(offerId: string): Promise<LinkCheckAnswer> {
    const needed = linkCheckPermissions(firefox) as Parameters<typeof browser.permissions.contains>[0];
    if (!(await browser.permissions.contains(needed).catch(() => false))) {
      return { status: 'needs-permission' };
    }
    const now = deps.now();
    const since = now - (started.get(offerId) ?? Number.NEGATIVE_INFINITY);
    if (since < CHECK_INTERVAL_MS) {
      return { status: 'too-soon', retryInMs: CHECK_INTERVAL_MS - since, last: last.get(offerId) ?? null };
    }
    const offer = await deps.offerById(offerId);
    if (!offer) return { status: 'unknown-offer' };
    started.set(offerId, now);
    const run = queue.then(() => checkOffer(offer));
    queue = run.catch(() => undefined);
    const result = await run;
    last.set(offerId, result);
    return { status: 'checked', result };
  }

  async function checkOffer(offer: Offer): Promise<LinkCheckResult> {
    const settings = await deps.settings();
    const checkedAt = deps.now();
    const clickId = checkClickId(checkedAt);
    // The publisher's sub ID stays: the network's statistics show the check under it.
    const link = buildTrackingLink(offer.trackingUrl, { ...settings, clickId });
    const phone = phoneFor(offer.previewUrl, offer.platform);
    const timeoutMs = deps.timeoutMs ?? CHECK_TIMEOUT_MS;
    const start = performance.now();
    const hops = await follow(link, MOBILE_USER_AGENTS[phone].value, timeoutMs);
    const ms = Math.round(performance.now() - start);
    const end = hops.at(-1);
    const timedOut = end?.status === 0 && !privateHostOf(end.url) && ms >= timeoutMs;
    // Judged on the hops as they came (an intent's package may sit past 2 KB); kept clipped.
    const judged = judgeHops(offer.previewUrl, hops);
    return {
      offerId: offerKey(offer),
      checkedAt,
      verdict: judged.verdict,
      reason: timedOut
        ? t('linkCheckNoAnswerIn', { seconds: formatInteger(Math.round(timeoutMs / 1000), false) })
        : judged.reason,
      finalApp: judged.finalApp,
      hops: hops.map(clipHop),
      ms,
      phone,
      phoneLabel: MOBILE_USER_AGENTS[phone].label,
      clickId,
      clickIdPassedAt: clickIdPassedAt(hops, clickId),
      country: countryNote(judged.finalApp, offer.geos),
    };
  }

  /**
   * Follow a link hop by hop, as a phone would: each hop is one request that does not follow
   * its redirect, so every URL is looked at before it is requested. A private address is
   * recorded as a hop and never requested (judgeHops says so); a store app's scheme ends the
   * chain unrequested; a loop ends at the first URL seen again; at most MAX_HOPS + 1 hops.
   */
  async function follow(start: string, userAgent: string, timeoutMs: number): Promise<Hop[]> {
    const hops: Hop[] = [];
    const deadline = Date.now() + timeoutMs;
    try {
      let url: string | null = URL.canParse(start) ? new URL(start).href : start;
      while (url !== null) {
        if (privateHostOf(url) || !/^https?:/i.test(url) || Date.now() >= deadline) {
          hops.push({ url, status: 0, location: null });
          break;
        }
        const { hop, html } = await fetchHop(url, userAgent, deadline);
        if (html !== null) hop.location = pageRedirect(html);
        hops.push(hop);
        url = nextRequest(hops);
      }
    } finally {
      await setUserAgent(null).catch(() => undefined);
    }
    return hops;
  }

  /** Chrome: a session rule sets the phone's user agent on the extension's own requests for the check's duration. */
  async function setUserAgent(value: string | null): Promise<void> {
    const dnr = browser.declarativeNetRequest;
    if (firefox || !dnr) return;
    await dnr.updateSessionRules({
      removeRuleIds: [UA_RULE_ID],
      addRules: value
        ? [
            {
              id: UA_RULE_ID,
              priority: 1,
              action: {
                type: 'modifyHeaders',
                requestHeaders: [{ header: 'user-agent', operation: 'set', value }],
              },
              condition: {
                initiatorDomains: [browser.runtime.id],
                tabIds: [-1],
                resourceTypes: ['xmlhttprequest'],
              },
            },
          ]
        : [],
    } as Parameters<typeof dnr.updateSessionRules>[0]);
  }

  /**
   * One request, its redirect not followed (`redirect: 'manual'`): what it answered, as
   * webRequest saw it (a redirect's status and Location are hidden from the fetch itself), and
   * the start of the page when it is HTML (for a meta refresh or script redirect).
   */
  async function fetchHop(
    url: string,
    userAgent: string,
    deadline: number,
  ): Promise<{ hop: Hop; html: string | null }> {
    const web = browser.webRequest;
    const hop: Hop = { url, status: 0, location: null };
    let requestId: string | null = null;
    let heard = false;
    const filter = { urls: ['<all_urls>'], tabId: -1 };
    // The fetch may settle before the browser has told what it saw: wait for that.
    let settle: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => {
      settle = resolve;
    });
    const onRequest = (d: { requestId: string; url: string }): undefined => {
      if (requestId === null && d.url === url) requestId = d.requestId;
      return undefined;
    };
    const onHeaders = (d: {
      requestId: string;
      statusCode: number;
      responseHeaders?: { name: string; value?: string }[];
    }): undefined => {
      // The first answer is the hop's: the browser follows no redirect itself.
      if (heard || d.requestId !== requestId) return undefined;
      heard = true;
      const location = d.responseHeaders?.find((h) => h.name.toLowerCase() === 'location')?.value ?? null;
      hop.status = d.statusCode;
      hop.location = d.statusCode >= 300 && d.statusCode < 400 ? location : null;
      settle();
      return undefined;
    };
    const onEnd = (d: { requestId: string }): undefined => {
      if (d.requestId === requestId) settle();
      return undefined;
    };
    web.onBeforeRequest.addListener(onRequest, filter);
    web.onHeadersReceived.addListener(onHeaders, filter, ['responseHeaders']);
    web.onCompleted.addListener(onEnd, filter);
    web.onErrorOccurred.addListener(onEnd, filter);
    // Listeners are registered by a message to the browser: a round trip on the same channel
    // makes sure they are in place before the request starts (else its events can be missed).
    // In Chrome that round trip is the user-agent rule, needed anyway.
    if (firefox || !browser.declarativeNetRequest) await browser.runtime.getPlatformInfo();
    else await setUserAgent(userAgent);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), Math.max(0, deadline - Date.now()));
    let html: string | null = null;
    let answered = 0;
    try {
      const response = await fetch(url, {
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'manual',
        signal: controller.signal,
        headers: firefox ? { 'User-Agent': userAgent } : undefined,
      });
      // Should webRequest not say, an answer that is not a redirect tells its own status.
      if (response.type !== 'opaqueredirect') answered = response.status;
      const type = response.headers.get('content-type') ?? '';
      if (response.ok && /html/i.test(type)) html = await readSome(response, PAGE_READ_BYTES);
      else await response.body?.cancel();
    } catch {
      // A request left without an answer (timeout, refused connection) is a hop with status 0.
    } finally {
      clearTimeout(timer);
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 1000))]);
      web.onBeforeRequest.removeListener(onRequest);
      web.onHeadersReceived.removeListener(onHeaders);
      web.onCompleted.removeListener(onEnd);
      web.onErrorOccurred.removeListener(onEnd);
    }
    if (hop.status === 0) hop.status = answered;
    return { hop, html: hop.status >= 200 && hop.status < 300 ? html : null };
  }

  return {
    check,
    handlers: { checkLink: ({ offerId }) => check(offerId) } satisfies Partial<Handlers>,
    /** The last check of each offer this worker made, for the detail to show again. */
    lastResult: (offerId: string) => last.get(offerId) ?? null,
  };
}

/** Where the chain goes after its last hop: null where it ends (no redirect, a store app, a loop, too many hops). */
function nextRequest(hops: Hop[]): string | null {
  const last = hops.at(-1);
  if (!last || hops.length > MAX_HOPS || hops.findIndex((hop) => hop.url === last.url) < hops.length - 1) return null;
  const next = resolveLocation(last);
  return next && !isHandOff(next) && /^https?:/i.test(next) ? next : null;
}

/** The first `limit` bytes of a body as text (a landing page's redirect is in its head). */
async function readSome(response: Response, limit: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < limit) {
    const { done, value } = await reader.read();
    if (done || !value) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => undefined);
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes.subarray(0, limit));
}
