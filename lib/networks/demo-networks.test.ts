import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createNetworkServer, DEMO_KEYS, type NetworkServer } from '../../tests/support/network-server';
import { parseFeed } from '../feed';
import { mergeOfferPages, type NetworkKind, offerPageRequest, parseOfferPage } from '.';

// public/demo/*.json (scripts/make-demo-networks.ts): what the demo shows a newcomer, read as the extension reads it.

const demoPages = (kind: 'affise' | 'everflow') =>
  JSON.parse(readFileSync(new URL(`../../public/demo/${kind}.json`, import.meta.url), 'utf8')) as unknown[];
const read = (kind: 'affise' | 'everflow') => demoPages(kind).map((page, i) => parseOfferPage(kind, page, i + 1));
const spotifyOnPlay = (offers: { store: { appId: string } | null; payout: unknown; geos: string[] }[]) =>
  offers.filter((o) => o.store?.appId === 'com.spotify.music').map((o) => [o.payout, o.geos]);

let server: NetworkServer | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

describe('the demo networks', () => {
  it('come in pages of 40 that each point to the next', () => {
    expect(read('affise').map((p) => [p.offers.length + p.rejected.length, p.nextPage])).toEqual([
      [40, 2],
      [40, 3],
      [25, null],
    ]);
    expect(read('everflow').map((p) => [p.offers.length + p.rejected.length, p.nextPage])).toEqual([
      [40, 2],
      [40, 3],
      [3, null],
    ]);
  });

  it('list Spotify’s Play app on all three networks, each at its own payout and currency', () => {
    const feed = parseFeed(JSON.parse(readFileSync(new URL('../../public/demo-feed.json', import.meta.url), 'utf8')));
    expect(spotifyOnPlay(feed.offers)).toEqual([[{ amount: 1.62, currency: 'USD', type: 'CPA' }, ['ES']]]);
    expect(spotifyOnPlay(mergeOfferPages(read('affise')).offers)).toEqual([
      [{ amount: 1.7, currency: 'EUR', type: 'CPI' }, ['DE', 'AT', 'CH', 'ES']],
    ]);
    expect(spotifyOnPlay(mergeOfferPages(read('everflow')).offers)).toEqual([
      [{ amount: 1.35, currency: 'GBP', type: 'CPA' }, ['GB', 'IE', 'ES']],
    ]);
  });

  it('carry the faults real answers have, which the adapters skip with reasons', () => {
    expect(mergeOfferPages(read('affise')).rejected).toEqual([
      { index: 85, id: '31003', reason: 'Duplicate id 31003' },
      { index: 103, id: '39001', reason: 'Tracking URL is missing or not an http(s) link' },
      { index: 104, id: '39002', reason: 'Tracking URL has a user name before its host (a look-alike link)' },
    ]);
    expect(mergeOfferPages(read('everflow')).rejected).toEqual([
      { index: 60, id: '805', reason: 'Duplicate id 805' },
      { index: 81, id: '990', reason: 'Tracking URL is missing or not an http(s) link' },
    ]);
  });

  it('pay in EUR on Affise and GBP on Everflow, with some USD', () => {
    const currencies = (kind: 'affise' | 'everflow') =>
      [...new Set(mergeOfferPages(read(kind)).offers.map((o) => o.payout?.currency ?? null))].sort();
    expect(currencies('affise')).toEqual(['EUR', 'USD']);
    expect(currencies('everflow')).toEqual(['GBP', 'USD', null]);
  });

  it('are what the fixture server serves unless told otherwise, page for page', async () => {
    server = await createNetworkServer();
    for (const kind of ['affise', 'everflow'] as const satisfies NetworkKind[]) {
      const pages = demoPages(kind);
      for (let page = 1; page <= pages.length; page++) {
        const request = offerPageRequest(
          kind,
          { host: kind === 'affise' ? server.url : undefined, apiKey: DEMO_KEYS[kind] },
          page,
        );
        const { pathname, search } = new URL(request.url);
        const answer = await fetch(`${server.url}${pathname}${search}`, { headers: request.headers });
        expect(await answer.json()).toEqual(pages[page - 1]);
      }
    }
  });
});
