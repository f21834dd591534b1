import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

export const CHROME_PATH = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export interface ChromiumExtension {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  openPage(path: string, viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/** Chromium with the built extension loaded, the store hosts mapped to the fixture server. */
export async function launchChromium(extensionDir: string, storePort: number): Promise<ChromiumExtension> {
  if (!existsSync(CHROME_PATH)) {
    throw new Error(`No Chromium at ${CHROME_PATH}: apt-get install chromium, or set CHROME_PATH to your Chrome.`);
  }
  const userDataDir = mkdtempSync(join(tmpdir(), 'offer-lens-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless: false, // --headless=new below: the old headless mode cannot load extensions
    viewport: { width: 1280, height: 800 },
    ignoreHTTPSErrors: true,
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
      `--host-resolver-rules=MAP play.google.com 127.0.0.1:${storePort}, MAP apps.apple.com 127.0.0.1:${storePort}, MAP itunes.apple.com 127.0.0.1:${storePort}`,
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
