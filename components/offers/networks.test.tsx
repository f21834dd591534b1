// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseFeed } from '../../lib/feed';
import type { Offer } from '../../lib/offer';
import { buildSearchIndexData } from '../../lib/search/build';
import { defaultSettings, type Settings } from '../../lib/settings/defaults';
import { summarise } from '../../lib/snapshot';
import { database } from '../../lib/storage/database';
import { settingsItem, sourceNamesItem, summaryItem } from '../../lib/storage/items';
import { connectPageToBackground } from '../../tests/support/page-background';
import { OffersApp } from './OffersApp';
import { OnThisPage } from './OnThisPage';

/** Spotify on three networks, paid in three currencies, and one more offer of the first network. */
function offersOfThreeNetworks(): Offer[] {
  const { offers } = parseFeed({
    message: true,
    offers: [
      { id: '4100', name: 'Spotify - US', tracking_url: 'https://trk.cat.example/c?o=4100', payout: { amount: 1.62 } },
      { id: '31000', name: 'Spotify - DE', tracking_url: 'https://rocket.example/click?pid=1&offer_id=31000' },
      { id: '7', name: 'Spotify - GB', tracking_url: 'https://mobipeak.example/c?o=7' },
      { id: '4200', name: 'Candy Crush - GB', tracking_url: 'https://trk.cat.example/c?o=4200', payout: { amount: 1 } },
    ],
  });
  const [us, de, gb, candy] = offers as [Offer, Offer, Offer, Offer];
  return [
    { ...us, source: 'cat', expiresAt: Date.UTC(2099, 11, 3, 12) },
    { ...de, source: 'affise-1', payout: { amount: 1.7, currency: 'EUR', type: 'CPI' } },
    { ...gb, source: 'everflow-1', payout: { amount: 1.35, currency: 'GBP', type: 'CPA' } },
    { ...candy, source: 'cat', expiresAt: Date.UTC(2020, 0, 1) },
  ];
}

const THREE_NETWORKS = [
  { id: 'cat', kind: 'carrierapptraffic', label: 'CarrierAppTraffic', name: 'CarrierAppTraffic' },
  { id: 'affise-1', kind: 'affise', label: 'AppRocket', name: 'AppRocket (Affise)' },
  { id: 'everflow-1', kind: 'everflow', label: 'MobiPeak', name: 'MobiPeak (Everflow)' },
];

async function seed(options: { names?: typeof THREE_NETWORKS; settings?: Partial<Settings> } = {}) {
  await settingsItem.setValue({
    ...defaultSettings('https://feed.example/o?k={apiKey}'),
    subId: 'pub7',
    ...options.settings,
  });
  await database.saveApiKey('k');
  const snapshot = {
    offers: offersOfThreeNetworks(),
    rejected: [],
    fetchedAt: Date.now() - 5 * 60_000,
    source: 'feed' as const,
    sources: {},
  };
  await database.saveSnapshot(snapshot, buildSearchIndexData(snapshot.offers));
  await summaryItem.setValue(summarise(snapshot));
  await sourceNamesItem.setValue(options.names ?? THREE_NETWORKS);
}

const rows = () => within(screen.getByRole('listbox', { name: 'Offers' })).queryAllByRole('option');
const names = () => rows().map((row) => row.querySelector('.name')?.textContent);
/** A row as the eye reads it: name, payout, equivalent, network. */
const firstLine = (row: HTMLElement) =>
  ['.name', '.payout', '.equivalent', '.network'].map((part) => row.querySelector(part)?.textContent ?? null);

beforeEach(async () => {
  await connectPageToBackground('popup.html');
});
afterEach(cleanup);

describe('offers of several networks', () => {
  it('says in each row which network the offer comes from, with a foreign payout’s dollar equivalent', async () => {
    await seed();
    render(<OffersApp />);
    // Best payout first, compared in USD: €1.70 ≈ $1.93, £1.35 ≈ $1.79, then $1.62.
    await waitFor(() => expect(names()).toEqual(['Spotify - DE', 'Spotify - GB', 'Spotify - US', 'Candy Crush - GB']));
    expect(rows().map(firstLine)).toEqual([
      ['Spotify - DE', '€1.70 CPI', ' ≈ $1.93', '· AppRocket'],
      ['Spotify - GB', '£1.35 CPA', ' ≈ $1.79', '· MobiPeak'],
      ['Spotify - US', '$1.62 CPA', null, '· CarrierAppTraffic'],
      ['Candy Crush - GB', '$1.00 CPA', null, '· CarrierAppTraffic'],
    ]);
    expect(rows()[0]?.querySelector('.network')?.getAttribute('title')).toBe('From AppRocket (Affise)');
    expect(rows()[0]?.querySelector('.name')?.getAttribute('title')).toBe('Spotify - DE');
  });

  it('names no network in the rows, and offers no network filter, while one network is on show', async () => {
    await seed({ names: [THREE_NETWORKS[0] as (typeof THREE_NETWORKS)[number]] });
    render(<OffersApp />);
    await waitFor(() => expect(rows()).toHaveLength(4));
    await screen.findByLabelText('Platform');
    expect(rows().some((row) => row.querySelector('.network'))).toBe(false);
    expect(screen.queryByLabelText('Network')).toBeNull();
  });

  it('filters by network from its control, and shows a network typed as net: in it', async () => {
    await seed();
    render(<OffersApp />);
    const search = (await screen.findByRole('combobox', { name: 'Search offers' })) as HTMLInputElement;
    const network = (await screen.findByLabelText('Network')) as HTMLSelectElement;
    expect([...network.options].map((o) => o.textContent)).toEqual([
      'Network',
      'CarrierAppTraffic',
      'AppRocket',
      'MobiPeak',
    ]);
    fireEvent.change(network, { target: { value: 'affise-1' } });
    await waitFor(() => expect(names()).toEqual(['Spotify - DE']));
    expect(network.title).toBe('Network: AppRocket (Affise)');

    fireEvent.input(search, { target: { value: 'spotify net:mobi' } });
    await waitFor(() => expect(network.value).toBe('everflow-1'));
    await waitFor(() => expect(names()).toEqual(['Spotify - GB']));
    // The control takes the net: term out of the query.
    fireEvent.change(network, { target: { value: '' } });
    await waitFor(() => expect(search.value).toBe('spotify'));
    await waitFor(() => expect(names()).toEqual(['Spotify - DE', 'Spotify - GB', 'Spotify - US']));
  });

  it('lists every offer again when the network filtered by is no longer on show', async () => {
    await seed();
    render(<OffersApp />);
    fireEvent.change(await screen.findByLabelText('Network'), { target: { value: 'affise-1' } });
    await waitFor(() => expect(names()).toEqual(['Spotify - DE']));
    // Back from the demo, or the account removed: its network is gone from what is on show.
    await sourceNamesItem.setValue([THREE_NETWORKS[0] as (typeof THREE_NETWORKS)[number]]);
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(screen.queryByLabelText('Network')).toBeNull();
  });

  it('shows equivalents in the display currency, and reads the Min box in it', async () => {
    await seed({ settings: { displayCurrency: 'EUR' } });
    render(<OffersApp />);
    await waitFor(() => expect(rows()).toHaveLength(4));
    await waitFor(() =>
      expect(rows().map((row) => row.querySelector('.equivalent')?.textContent ?? null)).toEqual([
        null,
        ' ≈ €1.57',
        ' ≈ €1.43',
        ' ≈ €0.88',
      ]),
    );
    const min = screen.getByLabelText('Minimum payout') as HTMLInputElement;
    expect(min.placeholder).toBe('Min €');
    expect(min.type).toBe('text');
    expect(min.inputMode).toBe('decimal');
    // €1.60 is $1.82: only the €1.70 offer pays that much; £1.35 (€1.57) does not.
    fireEvent.input(min, { target: { value: '1,6' } });
    await waitFor(() => expect(names()).toEqual(['Spotify - DE']));
    fireEvent.input(min, { target: { value: '1,6x' } });
    expect(min.getAttribute('aria-invalid')).toBe('true');
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(min.value).toBe('1,6x');
  });

  it('shows a payout> typed in the query (in USD) in the Min box in the display currency', async () => {
    await seed({ settings: { displayCurrency: 'EUR' } });
    render(<OffersApp />);
    const search = await screen.findByRole('combobox', { name: 'Search offers' });
    fireEvent.input(search, { target: { value: 'payout>1.8' } });
    const min = (await screen.findByLabelText('Minimum payout')) as HTMLInputElement;
    await waitFor(() => expect(min.value).toBe('1.58'));
    await waitFor(() => expect(names()).toEqual(['Spotify - DE']));
  });

  it('says each row’s expiry date when sorted by expiry', async () => {
    await seed();
    render(<OffersApp />);
    const sort = (await screen.findByLabelText('Sort by')) as HTMLSelectElement;
    await waitFor(() => expect(rows()).toHaveLength(4));
    expect(screen.queryByText('no expiry')).toBeNull();
    fireEvent.change(sort, { target: { value: 'expiry' } });
    await waitFor(() => expect(names()).toEqual(['Spotify - US', 'Spotify - DE', 'Spotify - GB', 'Candy Crush - GB']));
    expect(rows().map((row) => row.querySelector('.line2 > span')?.textContent)).toEqual([
      'expires 3 Dec 2099',
      'no expiry',
      'no expiry',
      'expired',
    ]);
  });

  it('opens the detail with its network, payout in both currencies and the link’s parameters marked', async () => {
    await seed();
    const copy = vi.fn(async () => {});
    const openOptionsPage = vi.fn(async () => {});
    fakeBrowser.runtime.openOptionsPage = openOptionsPage;
    render(<OffersApp copy={copy} />);
    await waitFor(() => expect(names()[0]).toBe('Spotify - DE'));
    fireEvent.click(rows()[0] as HTMLElement);
    await screen.findByRole('heading', { name: 'Spotify - DE' });
    const facts = document.querySelector('dl.facts') as HTMLElement;
    expect(facts.querySelector('dt')?.textContent).toBe('Network');
    expect(facts.querySelector('dd')?.textContent).toBe('AppRocket (Affise)');
    expect(document.querySelector('.detail-head .payout-cell')?.textContent).toBe('€1.70 CPI ≈ $1.93');

    const link = document.getElementById('tracking-link') as HTMLElement;
    expect(link.textContent).toBe('https://rocket.example/click?pid=1&offer_id=31000&aff_sub=[CLICK_ID]&aff_sub2=pub7');
    expect([...link.querySelectorAll('mark')].map((mark) => [mark.className, mark.textContent])).toEqual([
      ['click-id', 'aff_sub=[CLICK_ID]'],
      ['sub-id', 'aff_sub2=pub7'],
    ]);

    fireEvent.click(screen.getByRole('button', { name: 'Copy tracking link' }));
    const status = await screen.findByText('Copied', { selector: '.copied' });
    expect(status.closest('[role=status]')?.textContent).toBe(
      "Copied — but the click ID is still the placeholder [CLICK_ID]: set your tracker's macro in Settings",
    );
    fireEvent.click(screen.getByRole('button', { name: 'Settings' }));
    expect(openOptionsPage).toHaveBeenCalledOnce();
  });

  it('copies without a warning once the click ID is the tracker’s macro', async () => {
    await seed({ settings: { clickId: '{clickid}' } });
    const copy = vi.fn(async () => {});
    render(<OffersApp copy={copy} />);
    await waitFor(() => expect(names()[0]).toBe('Spotify - DE'));
    fireEvent.click(rows()[0] as HTMLElement);
    fireEvent.click(await screen.findByRole('button', { name: 'Copy tracking link' }));
    const status = await screen.findByText('Copied', { selector: '.copied' });
    expect(status.closest('[role=status]')?.textContent).toBe('Copied');
    expect(copy).toHaveBeenCalledWith(
      'https://rocket.example/click?pid=1&offer_id=31000&aff_sub={clickid}&aff_sub2=pub7',
    );
  });
});

describe('On this page', () => {
  const facts = (isMixed: boolean) => ({
    networks: {
      list: [],
      isMixed,
      searchNames: [],
      labelOf: () => '',
      nameOf: () => '',
    },
    displayCurrency: 'USD',
    rates: { date: '2026-09-29', perUsd: { USD: 1, EUR: 0.880226 } },
  });
  const offer = {
    id: 'affise-1|31000',
    name: 'Spotify - DE',
    platform: 'android' as const,
    geos: ['DE', 'AT'],
    payout: { amount: 1.7, currency: 'EUR', type: 'CPI' },
    trackingLink: 'https://rocket.example/click?pid=1&offer_id=31000&aff_sub=[CLICK_ID]',
    network: 'AppRocket (Affise)',
    equivalent: '≈ $1.93',
  };
  const url = 'https://play.google.com/store/apps/details?id=com.spotify.music';
  const on = { onOpen: () => {}, onCopy: () => {}, onShowAll: () => {} };

  it('says each offer’s network and its payout’s equivalent', () => {
    render(<OnThisPage url={url} offers={[offer]} facts={facts(true)} {...on} />);
    const item = document.querySelector('.on-page-offer') as HTMLElement;
    expect(item.querySelector('.about')?.textContent).toBe('AppRocket (Affise) · Android · DE, AT');
    expect(item.querySelector('.payout-cell')?.textContent).toBe('€1.70 CPI≈ $1.93');
  });

  it('leaves the network out while one network is on show', () => {
    render(<OnThisPage url={url} offers={[offer]} facts={facts(false)} {...on} />);
    expect(document.querySelector('.on-page-offer .about')?.textContent).toBe('Android · DE, AT');
  });
});
