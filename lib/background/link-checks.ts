import type { browser as wxtBrowser } from 'wxt/browser';
import {
  checkClickId,
  clickIdPassedAt,
  countryNote,
  type Hop,
  isHandOff,
  judgeHops,
  type LinkCheckAnswer,
  type LinkCheckResult,
  MAX_HOPS,
  MOBILE_USER_AGENTS,
  pageRedirect,
  phoneFor,
  resolveLocation,
} from '../link-check';
import { isFirefox, linkCheckPermissions } from '../link-check/permissions';
import type { Handlers } from '../messaging/listener';
import type { Offer } from '../offer';
import type { Settings } from '../settings/defaults';
import { buildTrackingLink } from '../tracking-link';

type Browser = typeof wxtBrowser;

export const CHECK_TIMEOUT_MS = 10_000;
/** One check per offer per minute: each check is a real click at the network. */
export const CHECK_INTERVAL_MS = 60_000;
/** The HTML read for a meta refresh or script redirect, at most. */
const PAGE_READ_BYTES = 512 * 1024;
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
 * with a check click ID is fetched as a phone would (mobile user agent, no cookies), every
 * response recorded by webRequest (status and Location), HTML pages read as text for a meta
 * refresh or script redirect and followed too, then judged (lib/link-check). One check at a
 * time, so the requests seen are the check's own.
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
    const start = performance.now();
    const hops = await follow(link, MOBILE_USER_AGENTS[phone].value);
    const ms = Math.round(performance.now() - start);
    const timedOut =
      hops.length > 0 && hops[hops.length - 1]?.status === 0 && ms >= (deps.timeoutMs ?? CHECK_TIMEOUT_MS);
    const judged = judgeHops(offer.previewUrl, hops);
    return {
      offerId: offer.id,
      checkedAt,
      verdict: judged.verdict,
      reason: timedOut ? `No answer in ${Math.round((deps.timeoutMs ?? CHECK_TIMEOUT_MS) / 1000)} s` : judged.reason,
      finalApp: judged.finalApp,
      hops,
      ms,
      phone,
      phoneLabel: MOBILE_USER_AGENTS[phone].label,
      clickId,
      clickIdPassedAt: clickIdPassedAt(hops, clickId),
      country: countryNote(judged.finalApp, offer.geos),
    };
  }

  /** Follow a link to its end, redirects and HTML redirects both; the hops in order. */
  async function follow(start: string, userAgent: string): Promise<Hop[]> {
    const hops: Hop[] = [];
    const deadline = Date.now() + (deps.timeoutMs ?? CHECK_TIMEOUT_MS);
    try {
      let url: string | null = start;
      while (url) {
        const step = await fetchRecorded(url, userAgent, deadline);
        hops.push(...step.hops);
        url = null;
        const end = hops[hops.length - 1];
        if (!step.html || !end || hops.length > MAX_HOPS) break;
        const next = pageRedirect(step.html);
        if (!next) break;
        end.location = next;
        const resolved = resolveLocation(end);
        if (resolved && !isHandOff(resolved) && /^https?:/i.test(resolved) && !hops.some((h) => h.url === resolved)) {
          url = resolved;
        }
      }
    } finally {
      await setUserAgent(null);
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

  /** One fetch (its redirects followed by the browser), every response recorded as a hop. */
  async function fetchRecorded(
    raw: string,
    userAgent: string,
    deadline: number,
  ): Promise<{ hops: Hop[]; html: string | null }> {
    // As the browser will report it (host lower-cased, spaces escaped).
    const url = URL.canParse(raw) ? new URL(raw).href : raw;
    const web = browser.webRequest;
    const hops: Hop[] = [];
    let requestId: string | null = null;
    let pending: string | null = null;
    const filter = { urls: ['<all_urls>'], tabId: -1 };
    // The fetch may settle before the browser has told every event of it: wait for the last one.
    let settle: () => void = () => undefined;
    const settled = new Promise<void>((resolve) => {
      settle = resolve;
    });
    const onRequest = (d: { requestId: string; url: string }): undefined => {
      if (requestId === null && d.url === url) requestId = d.requestId;
      if (d.requestId === requestId) pending = d.url;
      return undefined;
    };
    const onHeaders = (d: {
      requestId: string;
      url: string;
      statusCode: number;
      responseHeaders?: { name: string; value?: string }[];
    }): undefined => {
      if (d.requestId !== requestId) return undefined;
      const location = d.responseHeaders?.find((h) => h.name.toLowerCase() === 'location')?.value ?? null;
      hops.push({
        url: d.url,
        status: d.statusCode,
        location: d.statusCode >= 300 && d.statusCode < 400 ? location : null,
      });
      pending = null;
      // A hand-off to a store app's scheme is the last thing the browser will say about it.
      if (location && isHandOff(location)) settle();
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
    try {
      const response = await fetch(url, {
        credentials: 'omit',
        cache: 'no-store',
        redirect: 'follow',
        signal: controller.signal,
        headers: firefox ? { 'User-Agent': userAgent } : undefined,
      });
      const type = response.headers.get('content-type') ?? '';
      if (response.ok && /html/i.test(type)) html = await readSome(response, PAGE_READ_BYTES);
      else await response.body?.cancel();
    } catch {
      // A hand-off to a store app's scheme ends the fetch with an error: the hops say so. A
      // request left without an answer (timeout, refused connection) is a hop with status 0.
    } finally {
      clearTimeout(timer);
      await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 1000))]);
      web.onBeforeRequest.removeListener(onRequest);
      web.onHeadersReceived.removeListener(onHeaders);
      web.onCompleted.removeListener(onEnd);
      web.onErrorOccurred.removeListener(onEnd);
    }
    if (pending) hops.push({ url: pending, status: 0, location: null });
    if (hops.length === 0) hops.push({ url, status: 0, location: null });
    return { hops, html };
  }

  return {
    check,
    handlers: { checkLink: ({ offerId }) => check(offerId) } satisfies Partial<Handlers>,
    /** The last check of each offer this worker made, for the detail to show again. */
    lastResult: (offerId: string) => last.get(offerId) ?? null,
  };
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
