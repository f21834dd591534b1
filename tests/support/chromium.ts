import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import type { PageOffers } from '../../lib/store-page';
import { DEMO_OFFERS, E2E_API_KEY, E2E_FEED_PORT, EXTENSION_NAME } from './constants';
import { createFeedServer, type FeedServer } from './feed-server';
import { CHAIN_HOSTS } from './link-chains';
import { type StoreServer, startStoreServer } from './store-server';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';
/**
 * The e2e build the journeys load. CHROME_BUILD points them at another (an older commit's
 * `.output/chrome-mv3-e2e`, to see a journey fail where a fix is missing).
 */
export const CHROME_BUILD = process.env.CHROME_BUILD ?? `${process.cwd()}/.output/chrome-mv3-e2e`;
/** The networks' API hosts the journeys use: the fixture server passes them on to a network stand-in. */
export const API_HOSTS = { affise: 'api-approcket.affise.com', everflow: 'api.eflow.team' } as const;
/** Hosts the browser sends to the local HTTPS fixture server (evil.test plays an attacker). */
const MAPPED_HOSTS = [
  'play.google.com',
  'apps.apple.com',
  'itunes.apple.com',
  'evil.test',
  ...CHAIN_HOSTS,
  ...Object.values(API_HOSTS),
];

export interface ChromiumExtension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  openPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Chromium with the built extension loaded, the store hosts mapped to the fixture server; `lang`:
 * the browser's UI language (`--lang`; Debian's Chromium has it with chromium-l10n).
 */
export async function launchChromium(
  extensionDir: string,
  storePort: number,
  lang?: string,
): Promise<ChromiumExtension> {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(`No Chromium at ${CHROME_PATH}: apt-get install chromium, or set CHROME_PATH to your Chrome.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'offer-lens-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: false, // --headless=new below: the old headless mode cannot load extensions
    viewport: { width: 1280, height: 800 },
    ignoreHTTPSErrors: true,
    // Playwright's own language for the pages (navigator.language, i18n.getUILanguage) follows --lang.
    ...(lang ? { locale: lang } : {}),
    args: [
      '--headless=new',
      '--no-sandbox',
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
      '--no-first-run',
      '--disable-features=DialMediaRouteProvider',
      '--ignore-certificate-errors',
      `--host-resolver-rules=${MAPPED_HOSTS.map((host) => `MAP ${host} 127.0.0.1:${storePort}`).join(', ')}`,
      ...(lang ? [`--lang=${lang}`] : []),
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  return {
    context,
    extensionId,
    worker,
    async openPage(path, viewport) {
      const page = await context.newPage();
      if (viewport) await page.setViewportSize(viewport);
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** A journey's world: the demo feed server, the store fixture server and Chromium with the e2e build. */
export interface ChromiumWorld {
  ext: ChromiumExtension;
  feed: FeedServer;
  store: StoreServer;
  close(): Promise<void>;
}

/**
 * The feed server on the port the e2e build fetches from (a taken port fails at once: another
 * test run holds it), the store fixture server, then Chromium. What was started is stopped again
 * when a later part fails, so the next test file finds the port free.
 */
export async function startChromiumWorld(lang?: string): Promise<ChromiumWorld> {
  const feed = await createFeedServer({ port: E2E_FEED_PORT, apiKey: E2E_API_KEY });
  let store: StoreServer | undefined;
  try {
    store = await startStoreServer();
    const ext = await launchChromium(CHROME_BUILD, store.port, lang);
    const started = store;
    return {
      ext,
      feed,
      store: started,
      async close() {
        await ext.close();
        await feed.close();
        await started.close();
      },
    };
  } catch (error) {
    await Promise.all([feed.close(), store?.close()]);
    throw error;
  }
}

/** A journey's usual start: the world, once the background has stored the demo feed's offers. */
export async function startDemoWorld(lang?: string): Promise<ChromiumWorld> {
  const world = await startChromiumWorld(lang);
  try {
    await waitForOfferCount(world.ext, DEMO_OFFERS);
  } catch (error) {
    await world.close();
    throw error;
  }
  return world;
}

/** Type a key on the settings page and press "Save and test", as a publisher does (what the page says next is the journey's to read). */
export async function saveKey(options: Page, key: string): Promise<void> {
  await options.getByLabel('API key', { exact: true }).fill(key);
  await options.getByRole('button', { name: 'Save and test' }).click();
}

/** How many offers the background has stored (its own record, read in the service worker). */
export function storedOfferCount(ext: ChromiumExtension): Promise<number | null> {
  return ext.worker.evaluate(async () => {
    const { summary } = await chrome.storage.local.get('summary');
    return (summary as { offerCount: number } | undefined)?.offerCount ?? null;
  });
}

export async function waitForOfferCount(ext: ChromiumExtension, count: number, timeoutMs = 20_000): Promise<void> {
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    if ((await storedOfferCount(ext)) === count) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the background never stored ${count} offers (has ${await storedOfferCount(ext)})`);
}

/** The refresh state the pages show (the background's mirror of it in storage.local). */
export interface ShownStatus {
  lastAttemptAt: number | null;
  refreshing: boolean;
  error: { code: string; message: string } | null;
}

export function shownStatus(ext: ChromiumExtension): Promise<ShownStatus | null> {
  return ext.worker.evaluate(async () => {
    const { status } = await chrome.storage.local.get('status');
    return (status as ShownStatus | undefined) ?? null;
  });
}

/** Wait until a refresh started after `since` (a lastAttemptAt) has ended; answers how it ended. */
export async function refreshEndedAfter(ext: ChromiumExtension, since: number, timeoutMs = 20_000) {
  for (const end = Date.now() + timeoutMs; Date.now() < end; ) {
    const status = await shownStatus(ext);
    if (status && (status.lastAttemptAt ?? 0) > since && !status.refreshing) return status;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no refresh after ${since} ended (status: ${JSON.stringify(await shownStatus(ext))})`);
}

/** Ask the background to refresh, as the popup's Refresh button does. */
export async function refreshFrom(page: Page): Promise<void> {
  await page.evaluate(() => chrome.runtime.sendMessage({ tag: 'offer-lens/v1', type: 'refresh', data: {} }));
}

/**
 * Let a refresh that is running end (or run one): a refresh asked for while another runs is that
 * one, so a test that serves a new feed next would otherwise see its refresh join one that fetched
 * the old feed (e.g. the one the last "Save changes" started).
 */
export function endRunningRefresh(page: Page): Promise<void> {
  return refreshFrom(page);
}

/** The toolbar badge text: the global one, or the one of the tab whose URL matches. */
export function toolbarBadge(ext: ChromiumExtension, urlPattern?: string): Promise<string | null> {
  return ext.worker.evaluate(async (pattern) => {
    if (!pattern) return chrome.action.getBadgeText({});
    const [tab] = await chrome.tabs.query({ url: pattern });
    return tab?.id === undefined ? null : chrome.action.getBadgeText({ tabId: tab.id });
  }, urlPattern);
}

/** What the system clipboard holds: pasted into a scratch field, as a person would check it. */
export async function clipboardText(page: Page): Promise<string> {
  const handle = await page.evaluateHandle(() => {
    const area = document.createElement('textarea');
    document.body.append(area);
    area.focus();
    return area;
  });
  await page.keyboard.press('Control+v');
  return handle.evaluate((area) => {
    const value = (area as HTMLTextAreaElement).value;
    (area as HTMLTextAreaElement).remove();
    return value;
  });
}

/**
 * Run a function body next to the badge's shadow root as the extension reaches it: from the
 * content script's world, where `chrome.dom.openOrClosedShadowRoot` opens the closed root the
 * store page cannot. `root` is null when there is no badge.
 */
async function inBadge<T>(page: Page, body: string): Promise<T> {
  const world = await contentScriptWorld(page);
  try {
    return await world.run<T>(`
      const host = document.querySelector('offer-lens-badge');
      const root = host ? chrome.dom.openOrClosedShadowRoot(host) : null;
      ${body}`);
  } finally {
    await world.detach().catch(() => undefined);
  }
}

/**
 * The text a person sees in a node: its text and what CSS draws before and after its elements
 * (the badge draws offer text from attributes, out of the page's window.find()).
 */
const SEEN_TEXT = `
  const generated = (el, pseudo) => {
    const content = getComputedStyle(el, pseudo).content;
    if (!content.startsWith('"')) return '';
    return content.slice(1, -1).replace(/\\\\([0-9a-f]{1,6}) ?|\\\\(.)/gi, (_, hex, char) =>
      hex ? String.fromCodePoint(parseInt(hex, 16)) : char);
  };
  const seen = (node) => node.nodeType === Node.TEXT_NODE ? node.data
    : node.nodeType !== Node.ELEMENT_NODE ? [...node.childNodes].map(seen).join('')
    : node.localName === 'style' ? ''
    : generated(node, '::before') + [...node.childNodes].map(seen).join('') + generated(node, '::after');`;

/** The badge's text on a store page, as a person sees it (null when there is no badge). */
export function badgeText(page: Page): Promise<string | null> {
  return inBadge(page, `${SEEN_TEXT} return root ? seen(root) : null;`);
}

/** The text of the first element in the badge matching a CSS selector (null when none). */
export function badgePart(page: Page, selector: string): Promise<string | null> {
  return inBadge(
    page,
    `${SEEN_TEXT} const el = root?.querySelector(${JSON.stringify(selector)}); return el ? seen(el) : null;`,
  );
}

/**
 * Click a button of the badge, named as a screen reader names it (aria-label, else its text), as
 * the publisher does: a real mouse click at the button's place on screen (found from the content
 * script's world; Playwright's locators do not enter closed shadow roots).
 */
export async function clickInBadge(page: Page, name: string): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const at = await inBadge<{ x: number; y: number } | null>(
      page,
      `${SEEN_TEXT}
       const button = root && [...root.querySelectorAll('button, a')].find(
         (b) => (b.getAttribute('aria-label') ?? seen(b).trim()) === ${JSON.stringify(name)});
       if (!button || button.disabled) return null;
       button.scrollIntoView({ block: 'nearest' });
       const box = button.getBoundingClientRect();
       return box.width && box.height ? { x: box.x + box.width / 2, y: box.y + box.height / 2 } : null;`,
    );
    if (at) return page.mouse.click(at.x, at.y);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the badge has no button "${name}"`);
}

/**
 * The content script's own world on a page (Chromium's isolated world for the extension), where
 * code can run as a compromised renderer could run it. Also proves the content script was injected.
 */
export async function contentScriptWorld(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const contexts: { id: number; name: string; auxData?: { type?: string; isDefault?: boolean } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context));
  await cdp.send('Runtime.enable');
  let contextId: number | undefined;
  for (let i = 0; i < 50 && contextId === undefined; i++) {
    contextId = contexts.find((c) => c.name === EXTENSION_NAME && c.auxData?.type === 'isolated')?.id;
    if (contextId === undefined) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (contextId === undefined) throw new Error('the content script never ran on this page');
  return {
    /**
     * Run an async function body there and return its (JSON) value. Like Playwright's own
     * evaluate, it counts as a user gesture on the page (the clipboard and popups allow more
     * for a few seconds after one).
     */
    async run<T>(body: string): Promise<T> {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression: `(async () => { ${body} })()`,
        contextId,
        awaitPromise: true,
        returnByValue: true,
        userGesture: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value as T;
    },
    detach: () => cdp.detach(),
  };
}

/**
 * What the background answers the content script on this page, asked from the content script's
 * own world: proves the content script ran there, so "no badge" afterwards means something.
 */
export async function answerForContentScript(page: Page): Promise<PageOffers> {
  const world = await contentScriptWorld(page);
  const reply = await world.run<{ ok: true; value: PageOffers }>(
    "return chrome.runtime.sendMessage({ tag: 'offer-lens/v1', type: 'offersForPage', data: {} });",
  );
  await world.detach();
  return reply.value;
}
