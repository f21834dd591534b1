import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUNDLED_RATES, RATES_URLS } from '../currency';
import { defaultSettings } from '../settings/defaults';
import { database } from '../storage/database';
import { settingsItem } from '../storage/items';
import { currentRates } from '../storage/rates';
import { createRates } from './rates';

/** A day's answer of the rates service, as its files are shaped (lower-case codes, USD base). */
const answer = (date: string, eur = 0.9) => {
  const usd: Record<string, number> = { usd: 1 };
  for (const [code, rate] of Object.entries(BUNDLED_RATES.perUsd)) usd[code.toLowerCase()] = rate;
  usd.eur = eur;
  return { date, usd };
};

let asked: string[];
function serving(bodies: Record<string, unknown>): typeof fetch {
  return (async (url: string) => {
    asked.push(url);
    const body = bodies[url];
    return body === undefined ? new Response('down', { status: 500 }) : new Response(JSON.stringify(body));
  }) as typeof fetch;
}

beforeEach(async () => {
  fakeBrowser.reset();
  await database.clear();
  asked = [];
  fakeBrowser.permissions.contains = async () => true;
  await settingsItem.setValue({ ...defaultSettings(''), refreshRates: true });
});

describe('the daily exchange rates', () => {
  it('are never fetched while the publisher has not turned them on', async () => {
    await settingsItem.setValue({ ...defaultSettings(''), refreshRates: false });
    const rates = createRates(fakeBrowser as never, { fetch: serving({ [RATES_URLS[0]]: answer('2026-12-01') }) });
    expect(await rates.refresh()).toBe(false);
    expect(asked).toEqual([]);
  });

  it('nor without access to the rates service', async () => {
    fakeBrowser.permissions.contains = async () => false;
    const rates = createRates(fakeBrowser as never, { fetch: serving({ [RATES_URLS[0]]: answer('2026-12-01') }) });
    expect(await rates.refresh()).toBe(false);
    expect(asked).toEqual([]);
  });

  it('keep a newer table, from the fallback when the first address fails, and every page uses it', async () => {
    const rates = createRates(fakeBrowser as never, { fetch: serving({ [RATES_URLS[1]]: answer('2026-12-01', 0.8) }) });
    expect(await rates.refresh()).toBe(true);
    expect(asked).toEqual([...RATES_URLS]);
    expect((await database.loadRates())?.date).toBe('2026-12-01');
    expect((await currentRates()).perUsd.EUR).toBe(0.8);
  });

  it('never replace a table with an older one, nor take an absurd answer', async () => {
    await database.saveRates({ ...BUNDLED_RATES, date: '2026-11-30' });
    const older = createRates(fakeBrowser as never, { fetch: serving({ [RATES_URLS[0]]: answer('2026-11-01') }) });
    expect(await older.refresh()).toBe(false);
    const absurd = createRates(fakeBrowser as never, {
      fetch: serving({ [RATES_URLS[0]]: { date: '2026-12-01', usd: { usd: 1, eur: -3 } } }),
    });
    expect(await absurd.refresh()).toBe(false);
    expect((await database.loadRates())?.date).toBe('2026-11-30');
  });
});
