import { afterEach, describe, expect, it } from 'vitest';
import { createNetworkServer, type NetworkServer } from '../../tests/support/network-server';
import { FeedError } from '../feed';
import { type NetworkKind, offerPageRequest, parseOfferPage } from '.';

// The fixture servers in tests/support/network-server.ts, exercised as the background will use them:
// offerPageRequest says what to ask, fetch asks it, parseOfferPage reads the answer.

const affiseOffer = (id: number) => ({
  id,
  title: `Affise offer ${id}`,
  link: `https://offers-demo.affise.com/click?pid=1&offer_id=${id}`,
  payments: [{ type: 'fixed', revenue: id, currency: 'eur', countries: ['DE'], country_exclude: false }],
});
const everflowOffer = (id: number) => ({
  network_offer_id: id,
  name: `Everflow offer ${id}`,
  tracking_url: `https://www.trk-demo.com/${id}/`,
  relationship: { payouts: { entries: [{ payout_type: 'cpa', payout_amount: id, currency_id: 'gbp' }] } },
});
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

let server: NetworkServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

async function start(pageSize = 2) {
  server = await createNetworkServer({
    affise: { apiKey: 'aff-secret', offers: range(5).map(affiseOffer), maxPageSize: pageSize },
    everflow: { apiKey: 'ef-secret', offers: range(5).map(everflowOffer), maxPageSize: pageSize },
  });
  return server;
}

/** The request for a page, sent to the local server (Everflow's real host swapped for it). */
async function fetchPage(kind: NetworkKind, page: number, key: string, extra: Record<string, string> = {}) {
  const local = server as NetworkServer;
  const request = offerPageRequest(kind, { host: kind === 'affise' ? local.url : undefined, apiKey: key }, page);
  const url = new URL(request.url);
  return fetch(`${local.url}${url.pathname}${url.search}`, { headers: { ...request.headers, ...extra } });
}

async function readAll(kind: NetworkKind, key: string): Promise<string[]> {
  const ids: string[] = [];
  for (let page: number | null = 1; page !== null; ) {
    const answer = await fetchPage(kind, page, key);
    const parsed = parseOfferPage(kind, await answer.json(), page);
    ids.push(...parsed.offers.map((o) => o.id));
    page = parsed.nextPage;
  }
  return ids;
}

describe('the Affise fixture API', () => {
  it('pages through every offer, the key only in the API-Key header', async () => {
    const local = await start();
    expect(await readAll('affise', 'aff-secret')).toEqual(['1', '2', '3', '4', '5']);
    expect(local.requests.map((r) => [r.path, r.query])).toEqual([
      ['/3.0/partner/offers', { page: '1', limit: '500' }],
      ['/3.0/partner/offers', { page: '2', limit: '500' }],
      ['/3.0/partner/offers', { page: '3', limit: '500' }],
    ]);
    expect(local.requests.map((r) => r.keyIn)).toEqual([['header:api-key'], ['header:api-key'], ['header:api-key']]);
    expect(local.requests[0]?.headers['api-key']).toBe('<key>');
  });

  it('answers a page as Affise does', async () => {
    await start();
    const answer = await fetchPage('affise', 3, 'aff-secret');
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({
      status: 1,
      offers: [affiseOffer(5)],
      pagination: { per_page: 2, total_count: 5, page: 3, next_page: null },
    });
  });

  it('refuses a wrong key, no key, and the right key anywhere but its header', async () => {
    const local = await start();
    const wrong = await fetchPage('affise', 1, 'guess');
    expect([wrong.status, await wrong.json()]).toEqual([401, { status: 2, error: 'API-Key is incorrect' }]);
    const inQuery = await fetch(`${local.url}/3.0/partner/offers?page=1&API-Key=aff-secret`);
    expect([inQuery.status, await inQuery.json()]).toEqual([
      403,
      { status: 2, error: 'API-Key must be sent in the API-Key header' },
    ]);
    const otherHeader = await fetch(`${local.url}/3.0/partner/offers`, {
      headers: { 'X-Eflow-API-Key': 'aff-secret' },
    });
    expect(otherHeader.status).toBe(403);
    const none = await fetch(`${local.url}/3.0/partner/offers`);
    expect([none.status, await none.json()]).toEqual([401, { status: 2, error: 'API-Key is missing' }]);
    expect(local.requests.map((r) => r.keyIn)).toEqual([[], ['query:API-Key'], ['header:x-eflow-api-key'], []]);
    expect(local.requests[1]?.query).toEqual({ page: '1', 'API-Key': '<key>' });
  });

  it('refuses with status 2 and its words in mode refused, which the adapter reports', async () => {
    const local = await start();
    local.setMode('refused');
    const answer = await fetchPage('affise', 1, 'aff-secret');
    expect(answer.status).toBe(200);
    const body = await answer.json();
    expect(() => parseOfferPage('affise', body, 1)).toThrow(
      new FeedError('api-refused', { detail: 'Your account is blocked' }),
    );
  });
});

describe('the Everflow fixture API', () => {
  it('pages through every offer, the key only in the X-Eflow-API-Key header', async () => {
    const local = await start();
    expect(await readAll('everflow', 'ef-secret')).toEqual(['1', '2', '3', '4', '5']);
    expect(local.requests.map((r) => [r.path, r.query, r.keyIn])).toEqual([
      ['/v1/affiliates/offersrunnable', { page: '1', page_size: '500' }, ['header:x-eflow-api-key']],
      ['/v1/affiliates/offersrunnable', { page: '2', page_size: '500' }, ['header:x-eflow-api-key']],
      ['/v1/affiliates/offersrunnable', { page: '3', page_size: '500' }, ['header:x-eflow-api-key']],
    ]);
  });

  it('answers a page as Everflow does, and a bad key with its error shape', async () => {
    await start();
    const answer = await fetchPage('everflow', 2, 'ef-secret');
    expect(await answer.json()).toEqual({
      offers: [everflowOffer(3), everflowOffer(4)],
      paging: { page: 2, page_size: 2, total_count: 5 },
    });
    const wrong = await fetchPage('everflow', 1, 'aff-secret');
    expect([wrong.status, await wrong.json()]).toEqual([401, { error: 'Invalid API key' }]);
    const none = await fetch(`${(server as NetworkServer).url}/v1/affiliates/offersrunnable?api_key=ef-secret`);
    expect([none.status, await none.json()]).toEqual([401, { error: 'Missing X-Eflow-API-Key header' }]);
  });

  it('answers 403 with Everflow’s words in mode refused', async () => {
    const local = await start();
    local.setMode('refused');
    const answer = await fetchPage('everflow', 1, 'ef-secret');
    expect([answer.status, await answer.json()]).toEqual([403, { error: 'Out of realm' }]);
  });
});

describe('fixture API modes', () => {
  it('answers 429 with Retry-After for the next N requests, then pages again', async () => {
    const local = await start();
    local.setMode('429', 2);
    const first = await fetchPage('everflow', 1, 'ef-secret');
    expect([first.status, first.headers.get('retry-after'), await first.json()]).toEqual([
      429,
      '30',
      { error: 'Rate limit exceeded' },
    ]);
    const second = await fetchPage('affise', 1, 'aff-secret');
    expect([second.status, await second.json()]).toEqual([429, { status: 2, error: 'Too many requests' }]);
    expect((await fetchPage('affise', 1, 'aff-secret')).status).toBe(200);
  });

  it('answers 500 until told otherwise', async () => {
    const local = await start();
    local.setMode('500');
    expect((await fetchPage('everflow', 1, 'ef-secret')).status).toBe(500);
    expect((await fetchPage('everflow', 1, 'ef-secret')).status).toBe(500);
    local.setMode('ok');
    expect((await fetchPage('everflow', 1, 'ef-secret')).status).toBe(200);
  });

  it('holds the answer back in mode slow, so a caller’s time-out gives up first', async () => {
    server = await createNetworkServer({ slowMs: 5000, everflow: { apiKey: 'k', offers: [] } });
    server.setMode('slow');
    const request = fetch(`${server.url}/v1/affiliates/offersrunnable`, {
      headers: { 'X-Eflow-API-Key': 'k' },
      signal: AbortSignal.timeout(100),
    });
    await expect(request).rejects.toThrow();
  });

  it('switches modes by hand over HTTP', async () => {
    const local = await start();
    expect((await fetch(`${local.url}/__mode/500?times=1`, { method: 'POST' })).status).toBe(200);
    expect((await fetchPage('affise', 1, 'aff-secret')).status).toBe(500);
    expect((await fetchPage('affise', 1, 'aff-secret')).status).toBe(200);
    expect((await fetch(`${local.url}/__mode/teapot`, { method: 'POST' })).status).toBe(400);
  });

  it('fails at once when a fixed port is taken', async () => {
    const first = await start();
    const port = Number(new URL(first.url).port);
    await expect(createNetworkServer({ port })).rejects.toThrow(`port ${port} is in use`);
  });
});
