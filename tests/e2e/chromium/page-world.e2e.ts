import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageOffers } from '../../../lib/store-page';
import {
  badgeText,
  type ChromiumWorld,
  clickInBadge,
  clipboardText,
  contentScriptWorld,
  startDemoWorld,
} from '../../support/chromium';
import { PLAY_SPOTIFY } from '../../support/constants';

/**
 * The store page's own scripts (its main world) against the badge: they must not read what it
 * shows, steer where its buttons go, act through it, or learn the extension's id
 * (DESIGN.md §4, docs/architecture.md "Trust boundary").
 */

const SUB_ID = 'pub-secret-42';
const TRACKER = 'https://trk.carrierapptraffic.example';
/** The best offer's link on Spotify's Spanish Play page, with the publisher's sub ID. */
const LINK = `${TRACKER}/click?offer_id=4100&aff_id=demo&aff_sub=[CLICK_ID]&aff_sub2=${SUB_ID}`;
/**
 * What the badge knows: the payout, the offer, where and with what its link goes, the watch
 * state (☆). None of it may reach the page's scripts (its fixed labels, "Copy", may).
 */
const SECRETS = ['1.62', 'CPA', 'Spotify - Android', '✓ ES', 'trk.carrierapptraffic', 'aff_id=demo', SUB_ID, '☆'];

let world: ChromiumWorld;
const trackerRequests: Request[] = [];

beforeAll(async () => {
  world = await startDemoWorld();
  const options = await world.ext.openPage('options.html');
  await options.getByLabel('Sub ID', { exact: true }).fill(SUB_ID);
  await options.getByRole('button', { name: 'Save and test' }).click();
  await options.locator('.result').waitFor();
  await options.close();
  // Opened links land on a stand-in tracker, which records what the browser sent it.
  await world.ext.context.route(`${TRACKER}/**`, (route) => {
    trackerRequests.push(route.request());
    return route.fulfill({ status: 200, contentType: 'text/plain', body: 'tracker' });
  });
});
afterAll(() => world?.close());

/** A store page whose own script, from before anything else runs, watches for the extension. */
async function spiedStorePage(): Promise<Page> {
  const page = await world.ext.context.newPage();
  await page.addInitScript(() => {
    const spy = { messages: [] as string[], roots: [] as ShadowRoot[] };
    (window as unknown as { spy: typeof spy }).spy = spy;
    window.addEventListener('message', (event) => spy.messages.push(JSON.stringify(event.data) ?? ''), true);
    // Any shadow root made through the page's own DOM functions is caught here.
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const root = attach.call(this, init);
      spy.roots.push(root);
      return root;
    };
  });
  await page.goto(PLAY_SPOTIFY);
  // Proof the badge is there, as the extension sees it: "not readable" below means something.
  await expect.poll(() => badgeText(page)).toContain('$1.62');
  return page;
}

/** Everything the page's script can read of the document, the badge's place and its roots. */
function readAsThePage(page: Page): Promise<{ seen: string; shadowRoot: string; roots: number; finds: string[] }> {
  return page.evaluate((words) => {
    const spy = (window as unknown as { spy: { roots: ShadowRoot[] } }).spy;
    const host = document.querySelector('offer-lens-badge');
    const roots: (Document | ShadowRoot)[] = [document, ...spy.roots];
    for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    const parts = roots.map((root) => (root instanceof Document ? root.documentElement.outerHTML : root.innerHTML));
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is one more thing a page can read
    parts.push(document.body.innerText);
    const selection = getSelection();
    selection?.selectAllChildren(document.body);
    parts.push(selection?.toString() ?? '');
    selection?.removeAllRanges();
    // The badge sits in a corner: what the page can hit there, point by point.
    for (let x = Math.max(0, innerWidth - 440); x < innerWidth; x += 6) {
      for (let y = Math.max(0, innerHeight - 620); y < innerHeight; y += 6) {
        const caret = document.caretRangeFromPoint(x, y);
        if (caret) parts.push(caret.startContainer.textContent ?? '');
        for (const el of document.elementsFromPoint(x, y)) parts.push(el.textContent ?? '');
      }
    }
    const find = (window as unknown as { find: (text: string, ...flags: boolean[]) => boolean }).find;
    return {
      seen: parts.join('\n'),
      shadowRoot: String(host && (host as Element).shadowRoot),
      roots: roots.length - 1,
      // Chromium's find() searches closed shadow roots too: a yes/no answer to each guess.
      finds: words.filter((word) => {
        getSelection()?.removeAllRanges();
        return find(word, true, false, true);
      }),
    };
  }, SECRETS);
}

/** What the background answers the content script on this page (asked from its own world). */
async function answerForContentScript(page: Page): Promise<PageOffers> {
  const cs = await contentScriptWorld(page);
  const reply = await cs.run<{ value: PageOffers }>(
    "return chrome.runtime.sendMessage({ tag: 'offer-lens/v1', type: 'offersForPage', data: {} });",
  );
  await cs.detach();
  return reply.value;
}

describe("the store page's own scripts", () => {
  it('are told nothing about the extension: no message, address or resource carries its id', async () => {
    const page = await spiedStorePage();
    const { extensionId } = world.ext;
    const told = await page.evaluate(() => ({
      messages: (window as unknown as { spy: { messages: string[] } }).spy.messages,
      html: document.documentElement.outerHTML,
      resources: performance.getEntriesByType('resource').map((entry) => entry.name),
    }));
    expect(told.messages.filter((message) => message.includes(extensionId) || message.includes('wxt'))).toEqual([]);
    expect(told.html).not.toContain(extensionId);
    expect(told.html).not.toContain('chrome-extension:');
    expect(told.resources.filter((name) => !name.startsWith('https://'))).toEqual([]);
    // Nothing of the extension's may be loaded by a page at all, so none can probe for it.
    expect(await world.ext.worker.evaluate(() => chrome.runtime.getManifest().web_accessible_resources ?? [])).toEqual(
      [],
    );
    await page.close();
  });

  it('cannot read the payout, the tracking link, the sub ID or the watch state', async () => {
    const page = await spiedStorePage();
    await clickInBadge(page, 'Show offer details');
    await expect.poll(() => badgeText(page)).toContain('Link goes to trk.carrierapptraffic.example');

    const { seen, shadowRoot, roots, finds } = await readAsThePage(page);
    expect(shadowRoot).toBe('null');
    expect(roots).toBe(0);
    expect(finds).toEqual([]);
    for (const secret of SECRETS) expect(seen, secret).not.toContain(secret);
    await page.close();
  });

  it('cannot change where Open goes, nor copy, dismiss or open anything with its own clicks', async () => {
    const page = await spiedStorePage();
    await clickInBadge(page, 'Show offer details');
    // Something in the clipboard first, so "nothing copied" can be seen.
    await page.evaluate(() => {
      const area = document.createElement('textarea');
      area.value = 'nothing copied yet';
      document.body.append(area);
      area.select();
    });
    await page.keyboard.press('Control+c');
    await page.evaluate(() => document.querySelector('textarea')?.remove());
    const pagesBefore = world.ext.context.pages().length;

    const reached = await page.evaluate(() => {
      const host = document.querySelector('offer-lens-badge') as HTMLElement;
      const spy = (window as unknown as { spy: { roots: ShadowRoot[] } }).spy;
      const roots: ParentNode[] = [...spy.roots];
      for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
      const inside = roots.flatMap((root) => [...root.querySelectorAll<HTMLElement>('a, button')]);
      for (const a of roots.flatMap((root) => [...root.querySelectorAll('a')])) a.href = 'https://evil.test/';
      const click = (el: HTMLElement) => {
        el.click();
        el.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
        el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
      };
      const named = (words: string[]) =>
        inside.filter((el) =>
          words.some((word) => (el.getAttribute('aria-label') ?? el.textContent ?? '').includes(word)),
        );
      for (const el of [host, ...named(['Copy', 'Open', 'Watch'])]) click(el);
      // Dismiss last: before it, the other buttons are still there to click.
      for (const el of named(['Hide', 'Undo'])) click(el);
      return inside.length;
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));

    expect(await clipboardText(page)).toBe('nothing copied yet');
    expect(world.ext.context.pages().length).toBe(pagesBefore);
    expect(await answerForContentScript(page)).toMatchObject({ dismissed: false });
    expect(await badgeText(page)).toContain('$1.62 CPA');
    expect(await badgeText(page)).toContain('☆');
    expect(reached).toBe(0);

    // The publisher's own clicks: Copy copies, Open opens the offer's link (not the page's).
    await clickInBadge(page, 'Copy tracking link');
    await expect.poll(() => clipboardText(page)).toBe(LINK);
    const opened = world.ext.context.waitForEvent('page');
    await clickInBadge(page, 'Open');
    const tab = await opened;
    await expect.poll(() => trackerRequests.length).toBe(1);
    expect(trackerRequests[0]?.url()).toBe(LINK);
    // Nor does the store learn it through the referrer or the opener.
    expect(await trackerRequests[0]?.headerValue('referer')).toBeNull();
    expect(await tab.evaluate(() => window.opener === null)).toBe(true);
    expect(world.store.requests.filter((r) => r.host === 'evil.test')).toEqual([]);
    await Promise.all([tab.close(), page.close()]);
  });
});
