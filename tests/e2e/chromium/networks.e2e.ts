import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  API_HOSTS,
  answerForContentScript,
  type ChromiumWorld,
  contentScriptWorld,
  startChromiumWorld,
  storedOfferCount,
  waitForOfferCount,
} from '../../support/chromium';
import { DEMO_OFFERS, E2E_API_KEY, PLAY_SPOTIFY } from '../../support/constants';
import { createNetworkServer, DEMO_KEYS, type NetworkServer } from '../../support/network-server';

let world: ChromiumWorld;
let networks: NetworkServer;
let options: Page;

beforeAll(async () => {
  world = await startChromiumWorld();
  networks = await createNetworkServer();
  // The browser sends the networks' API hosts to the HTTPS fixture server, which passes them on.
  world.store.forward(API_HOSTS.affise, networks.url);
  world.store.forward(API_HOSTS.everflow, networks.url);
  await waitForOfferCount(world.ext, DEMO_OFFERS);
  options = await world.ext.openPage('options.html');
});
afterAll(async () => {
  await world?.close();
  await networks?.close();
});

/** Add an account on the settings page as a publisher does: name, address, key, Save and test. */
async function addNetwork(kind: 'Affise' | 'Everflow', name: string, key: string, host?: string) {
  await options.getByRole('button', { name: `Add an ${kind} network` }).click();
  await options.getByLabel('Name', { exact: true }).fill(name);
  if (host) await options.getByLabel("The network's API address").fill(host);
  await options.locator('#source-key').fill(key);
  await options.getByRole('button', { name: 'Save and test' }).last().click();
}

describe('several networks', () => {
  it('adds an Affise and an Everflow account, each tested, the new Affise host confirmed by name', async () => {
    await addNetwork('Affise', 'AppRocket', DEMO_KEYS.affise, `https://${API_HOSTS.affise}`);
    // A host never approved: the key goes there only once the publisher approves it by its name.
    const approve = options.getByRole('button', { name: `Approve ${API_HOSTS.affise} and save` });
    await approve.waitFor();
    expect(networks.requests.filter((r) => r.api === 'affise')).toHaveLength(0);
    await approve.click();
    await expect
      .poll(() => options.locator('.networks .source strong').allTextContents(), { timeout: 10_000 })
      .toEqual(['AppRocket (Affise)']);

    await addNetwork('Everflow', 'MobiPeak', DEMO_KEYS.everflow);
    await expect
      .poll(() => options.locator('.networks .source strong').allTextContents(), { timeout: 10_000 })
      .toEqual(['AppRocket (Affise)', 'MobiPeak (Everflow)']);
    // Every page was asked for, one at a time, each key only in its own network's header.
    const keyIn = (api: 'affise' | 'everflow') => [
      ...new Set(networks.requests.filter((r) => r.api === api).flatMap((r) => r.keyIn)),
    ];
    expect(keyIn('affise')).toEqual(['header:api-key']);
    expect(keyIn('everflow')).toEqual(['header:x-eflow-api-key']);
    expect(networks.requests.filter((r) => r.api === 'affise').map((r) => r.query.page)).toEqual(['1', '2', '3']);
  });

  it('lists the app’s offers of every network on its store page, best first in one currency, each named', async () => {
    const page = await world.ext.context.newPage();
    await page.goto(PLAY_SPOTIFY);
    await expect.poll(async () => (await answerForContentScript(page)).offers.length).toBe(3);
    const { offers } = await answerForContentScript(page);
    // €1.70 ≈ $1.93, £1.35 ≈ $1.79, $1.62: in dollars, not as the amounts stand.
    expect(offers.map((o) => [o.network, `${o.payout?.amount} ${o.payout?.currency}`, o.equivalent])).toEqual([
      ['AppRocket (Affise)', '1.7 EUR', '≈ $1.93'],
      ['MobiPeak (Everflow)', '1.35 GBP', '≈ $1.79'],
      ['CarrierAppTraffic', '1.62 USD', null],
    ]);
    await page.close();
  });

  it('keeps every network’s offers when one fails, and says which one failed', async () => {
    const before = await storedOfferCount(world.ext);
    networks.setMode('500');
    await options.evaluate(() => chrome.runtime.sendMessage({ tag: 'offer-lens/v1', type: 'refresh', data: {} }));
    networks.setMode('ok');
    const status = await world.ext.worker.evaluate(async () => (await chrome.storage.local.get('status')).status);
    expect((status as { error: { message: string } }).error.message).toMatch(
      /^(AppRocket \(Affise\)|MobiPeak \(Everflow\)): /,
    );
    expect(await storedOfferCount(world.ext)).toBe(before);
    expect(before).toBeGreaterThan(DEMO_OFFERS + 50);
  });

  it('keeps every key out of what a store page can reach', async () => {
    const page = await world.ext.context.newPage();
    await page.goto(PLAY_SPOTIFY);
    const isolated = await contentScriptWorld(page);
    const reachable = await isolated.run<string>(`
      const read = (area) => area.get(null).catch((error) => 'refused: ' + error.message);
      const areas = await Promise.all([read(chrome.storage.local), read(chrome.storage.sync), read(chrome.storage.session)]);
      return JSON.stringify([areas, await chrome.runtime.sendMessage({ tag: 'offer-lens/v1', type: 'offersForPage', data: {} })]);`);
    await isolated.detach();
    for (const key of [E2E_API_KEY, DEMO_KEYS.affise, DEMO_KEYS.everflow]) expect(reachable).not.toContain(key);
    await page.close();
  });

  it('removes a network with its offers, its changes and its key', async () => {
    const before = (await storedOfferCount(world.ext)) as number;
    const affise = await options.evaluate(async () => {
      const reply = await chrome.runtime.sendMessage({ tag: 'offer-lens/v1', type: 'listSources', data: {} });
      return (reply.value as { id: string; offerCount: number }[]).find((s) => s.id === 'affise-1')?.offerCount ?? 0;
    });
    expect(affise).toBeGreaterThan(50);
    options.once('dialog', (dialog) => void dialog.accept());
    await options.getByRole('button', { name: 'Remove AppRocket (Affise)' }).click();
    await expect
      .poll(() => options.locator('.networks .source strong').allTextContents(), { timeout: 10_000 })
      .toEqual(['MobiPeak (Everflow)']);
    await waitForOfferCount(world.ext, before - affise);
    const stored = await options.evaluate(
      () =>
        new Promise<string[]>((resolve) => {
          const open = indexedDB.open('offer-lens');
          open.onsuccess = () => {
            const keys = open.result.transaction('secrets').objectStore('secrets').getAllKeys();
            keys.onsuccess = () => resolve(keys.result.map(String));
          };
        }),
    );
    expect(stored.filter((k) => k.startsWith('apiKey'))).toEqual(['apiKey', 'apiKey:everflow-1']);
  });
});
