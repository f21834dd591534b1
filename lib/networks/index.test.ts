import { describe, expect, it } from 'vitest';
import { mergeOfferPages, parseOfferPage } from '.';

const feedOffer = (id: string) => ({ id, name: `Offer ${id}`, tracking_url: `https://trk.example.com/c?o=${id}` });
const everflowOffer = (id: number) => ({
  network_offer_id: id,
  name: `Offer ${id}`,
  tracking_url: `https://trk.example.com/c?o=${id}`,
});

describe('parseOfferPage', () => {
  it('reads a CarrierAppTraffic feed as one page, with the feed’s rules and errors', () => {
    const page = parseOfferPage('carrierapptraffic', { message: true, offers: [feedOffer('1'), { id: '2' }] }, 1);
    expect(page.offers.map((o) => o.id)).toEqual(['1']);
    expect(page.rejected).toEqual([{ index: 1, id: '2', reason: 'Missing name' }]);
    expect(page.nextPage).toBeNull();
    expect(() => parseOfferPage('carrierapptraffic', { message: false, error: 'Bad key' }, 1)).toThrow(
      'The network refused the request: “Bad key”',
    );
  });

  it('gives each kind’s body to its own adapter', () => {
    const everflow = { offers: [everflowOffer(7)], paging: { page: 1, page_size: 1, total_count: 2 } };
    expect(parseOfferPage('everflow', everflow, 1).offers.map((o) => o.id)).toEqual(['7']);
    expect(() => parseOfferPage('affise', everflow, 1)).toThrow('The feed answered without an offers list');
    expect(() => parseOfferPage('carrierapptraffic', everflow, 1)).toThrow('The feed answered without an offers list');
  });
});

describe('mergeOfferPages', () => {
  it('counts skipped offers across pages and skips an id already read on an earlier page', () => {
    const first = parseOfferPage(
      'everflow',
      {
        offers: [everflowOffer(1), { network_offer_id: 2 }, everflowOffer(3)],
        paging: { page: 1, page_size: 3, total_count: 6 },
      },
      1,
    );
    const second = parseOfferPage('everflow', { offers: [everflowOffer(3), 'x', everflowOffer(4)] }, 2);
    const merged = mergeOfferPages([first, second]);
    expect(merged.offers.map((o) => o.id)).toEqual(['1', '3', '4']);
    expect(merged.rejected).toEqual([
      { index: 1, id: '2', reason: 'Missing name' },
      { index: 3, id: '3', reason: 'Duplicate id 3' },
      { index: 4, id: null, reason: 'Not an offer object' },
    ]);
    expect(mergeOfferPages([])).toEqual({ offers: [], rejected: [] });
  });
});
