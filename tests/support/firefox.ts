import { existsSync } from 'node:fs';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
const GECKO_ID = 'offer-lens@carrierapptraffic.tools';
/** Fixed by pref, so the journeys can open moz-extension:// pages. */
export const EXTENSION_UUID = '5d0c3a4e-7f2b-4c1d-9e8a-0f6b2d4c8a11';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

/**
 * Firefox ESR over WebDriver BiDi with the e2e build installed. Host mapping: every name
 * resolves to 127.0.0.1 (network.dns.forceResolve), where the store fixture server listens on
 * port 443 (so these journeys run as root, as CI does). Kept off the network.
 */
export async function launchFirefox(extensionDir: string): Promise<Browser> {
  if (!existsSync(FIREFOX_PATH)) {
    throw new Error(`No Firefox at ${FIREFOX_PATH}: apt-get install firefox-esr, or set FIREFOX_PATH.`);
  }
  const browser = await puppeteer.launch({
    browser: 'firefox',
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
    },
  });
  await browser.installExtension(extensionDir);
  return browser;
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
