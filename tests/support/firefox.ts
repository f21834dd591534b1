import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { E2E_API_KEY, E2E_FEED_PORT, POPUP_SIZE } from './constants';
import { createFeedServer, type FeedServer } from './feed-server';
import { type StoreServer, startStoreServer } from './store-server';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
/** The e2e build the journeys install; FIREFOX_BUILD points them at another (an older commit's). */
export const FIREFOX_BUILD = process.env.FIREFOX_BUILD ?? `${process.cwd()}/.output/firefox-mv3-e2e`;
const GECKO_ID = 'offer-lens@carrierapptraffic.tools';
/** Fixed by pref, so the journeys can open moz-extension:// pages. */
export const EXTENSION_UUID = '5d0c3a4e-7f2b-4c1d-9e8a-0f6b2d4c8a11';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/**
 * Firefox ESR over WebDriver BiDi with the e2e build installed. Host mapping: every name
 * resolves to 127.0.0.1 (network.dns.forceResolve), where the store fixture server listens on
 * port 443 (so these journeys run as root, as CI does). Kept off the network.
 */
/** `lang`: the UI language Firefox asks for (its language pack, firefox-esr-l10n-<lang>, installed). */
export async function launchFirefox(extensionDir: string, lang?: string): Promise<Browser> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`No Firefox at ${FIREFOX_PATH}: apt-get install firefox-esr, or set FIREFOX_PATH.`);
  }
  const browser = await launchOnce(lang).catch((error: unknown) => {
    // A first start on a fresh machine, beside the Chromium journeys on two cores, has once taken
    // longer than the wait for Firefox's remote endpoint: one more try, not a red run.
    if (!(error instanceof Error && error.name === 'TimeoutError')) throw error;
    return launchOnce(lang);
  });
  await browser.installExtension(extensionDir);
  return browser;
}

function launchOnce(lang?: string): Promise<Browser> {
  return puppeteer.launch({
    browser: 'firefox',
    // Firefox's first start with a new profile can be slow on a loaded machine.
    timeout: 60_000,
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access'],
    env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
    extraPrefsFirefox: {
      'services.settings.server': 'data:,#remote-settings-dummy/v1',
      'network.dns.forceResolve': '127.0.0.1',
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      'browser.shell.checkDefaultBrowser': false,
      // Headless Firefox closes system notifications at once; its own alert windows stay listed.
      'alerts.useSystemBackend': false,
      // Optional permission requests (the link check's) are answered yes, as a click on Allow would.
      'extensions.webextOptionalPermissionPrompts': false,
      'app.update.enabled': false,
      'extensions.getAddons.cache.enabled': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
      // The language packs Debian installs beside Firefox are used, and the one asked for chosen.
      ...(lang ? { 'intl.locale.requested': lang, 'extensions.autoDisableScopes': 0 } : {}),
    },
  });
}

/**
 * Open one of the extension's pages in a tab. Firefox answers the navigation with "Frame
 * detached" although it lands on the page: the goto is not awaited, the address is.
 */
export async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${EXTENSION_ORIGIN}/${path}`;
  void page.goto(url).catch(() => undefined);
  for (let i = 0; i < 100; i++) {
    const href = await page.evaluate(() => location.href).catch(() => '');
    if (href === url && (await page.evaluate(() => document.readyState).catch(() => '')) === 'complete') return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Firefox never opened ${url}`);
}

/** A journey's world in Firefox: the e2e feed server, the store fixture server on 443, and Firefox with the e2e build. */
export interface FirefoxWorld {
  browser: Browser;
  feed: FeedServer;
  store: StoreServer;
  close(): Promise<void>;
}

/**
 * The feed server on the port the e2e build fetches from and the store server on 443 (both
 * fixed: a taken one fails at once, another test run holds it), then Firefox. What was started
 * is stopped again when a later part fails, so the next test file finds the ports free.
 */
export async function startFirefoxWorld(lang?: string): Promise<FirefoxWorld> {
  const feed = await createFeedServer({ port: E2E_FEED_PORT, apiKey: E2E_API_KEY });
  let store: StoreServer | undefined;
  try {
    store = await startStoreServer(443);
    const browser = await launchFirefox(FIREFOX_BUILD, lang);
    const started = store;
    return {
      browser,
      feed,
      store: started,
      async close() {
        await browser.close();
        await feed.close();
        await started.close();
      },
    };
  } catch (error) {
    await Promise.all([feed.close(), store?.close()]);
    throw error;
  }
}

/** The text of the first element matching `selector`; null when there is none. */
export const text = (page: Page, selector: string) =>
  page.$eval(selector, (el) => el.textContent ?? '').catch(() => null as string | null);

/** Read until `ok` says yes (about 15 s at most); throws with `what` and the last value read. */
export async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, what: string): Promise<T> {
  let value = await read();
  for (let i = 0; i < 100 && !ok(value); i++) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    value = await read();
  }
  if (!ok(value)) throw new Error(`${what}: still ${JSON.stringify(value)}`);
  return value;
}

/** The popup page at the popup's size, once it lists its first offer. */
export async function openPopup(browser: Browser): Promise<Page> {
  const page = await openExtensionPage(browser, 'popup.html');
  await page.setViewport(POPUP_SIZE);
  await until(
    () => text(page, '.offer-row .name'),
    (t) => !!t,
    'first row',
  );
  return page;
}

/** What the clipboard holds, pasted into a scratch field with the keyboard. */
export async function clipboardText(page: Page): Promise<string> {
  await page.evaluate(() => {
    const area = document.createElement('textarea');
    area.id = 'paste-here';
    document.body.append(area);
    area.focus();
  });
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
  return page.$eval('#paste-here', (area) => {
    const value = (area as HTMLTextAreaElement).value;
    area.remove();
    return value;
  });
}
