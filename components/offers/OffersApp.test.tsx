// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseFeed } from '../../lib/feed';
import { EMPTY_STATUS } from '../../lib/refresh/status';
import { buildSearchIndexData } from '../../lib/search/build';
import { defaultSettings } from '../../lib/settings/defaults';
import { summarise } from '../../lib/snapshot';
import { database } from '../../lib/storage/database';
import { settingsItem, statusItem, summaryItem } from '../../lib/storage/items';
import { connectPageToBackground } from '../../tests/support/page-background';
import { OffersApp } from './OffersApp';

const FEED = parseFeed({
  message: true,
  offers: [
    {
      id: '1',
      name: 'Spotify - US',
      tracking_url: 'https://t.example/c?o=1',
      payout: { amount: 2 },
      geos: ['US'],
      platform: 'android',
    },
    {
      id: '2',
      name: 'Candy Crush - GB',
      tracking_url: 'https://t.example/c?o=2',
      payout: { amount: 1 },
      geos: ['GB'],
      platform: 'ios',
      sub_id: { exclude: ['pub7'] },
    },
  ],
});

async function seed(options: { offers?: boolean; key?: string; error?: boolean } = {}) {
  await settingsItem.setValue({ ...defaultSettings('https://feed.example/o?k={apiKey}'), subId: 'pub7' });
  await database.saveApiKey(options.key ?? 'k');
  if (options.offers !== false) {
    const snapshot = {
      offers: FEED.offers,
      rejected: [],
      fetchedAt: Date.now() - 5 * 60_000,
      source: 'feed' as const,
      sources: {},
    };
    await database.saveSnapshot(snapshot, buildSearchIndexData(snapshot.offers));
    await summaryItem.setValue(summarise(snapshot));
  }
  if (options.error) {
    await statusItem.setValue({
      ...EMPTY_STATUS,
      nextAttemptAt: Date.now() + 4 * 60_000,
      error: { code: 'server', httpStatus: 503, message: 'The feed server is down (HTTP 503)' },
    });
  }
}

/** The result rows (the filter selects have options too). */
const rows = () => within(screen.getByRole('listbox', { name: 'Offers' })).queryAllByRole('option');

beforeEach(async () => {
  await connectPageToBackground('popup.html');
});
afterEach(cleanup);

describe('offers app in the popup', () => {
  it('opens with the search focused and the offers listed, best payout first', async () => {
    await seed();
    render(<OffersApp />);
    const search = await screen.findByRole('combobox', { name: 'Search offers' });
    await waitFor(() =>
      expect(rows().map((o) => o.querySelector('.name')?.textContent)).toEqual(['Spotify - US', 'Candy Crush - GB']),
    );
    expect(document.activeElement).toBe(search);
    expect(screen.getAllByRole('status').some((s) => s.textContent?.includes('2 offers'))).toBe(true);
  });

  it('moves with the arrow keys and copies the selected link with Ctrl+C', async () => {
    await seed();
    const copy = vi.fn(async () => {});
    render(<OffersApp copy={copy} />);
    const search = await screen.findByRole('combobox', { name: 'Search offers' });
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    await waitFor(() => expect(search.getAttribute('aria-activedescendant')).toBe('offer-1'));
    expect(rows()[1]?.textContent).toContain('⚠ sub ID');
    fireEvent.keyDown(search, { key: 'c', ctrlKey: true });
    await screen.findByText(/Copied the tracking link of Candy Crush - GB \(⚠ your sub ID is not accepted by it\)/, {
      selector: '[role=status]',
    });
    expect(copy).toHaveBeenCalledWith('https://t.example/c?o=2&aff_sub=[CLICK_ID]&aff_sub2=pub7');
  });

  it('copies the typed search’s first match with a Ctrl+C pressed before its answer is on show, not the row shown before', async () => {
    await seed();
    const copy = vi.fn(async () => {});
    render(<OffersApp copy={copy} />);
    const search = await screen.findByRole('combobox', { name: 'Search offers' });
    await waitFor(() => expect(rows()[0]?.textContent).toContain('Spotify - US'));
    fireEvent.input(search, { target: { value: 'candy' } });
    fireEvent.keyDown(search, { key: 'c', ctrlKey: true });
    expect(rows()[0]?.textContent).toContain('Spotify - US');
    await screen.findByText(/Copied the tracking link of Candy Crush - GB/, { selector: '[role=status]' });
    expect(copy).toHaveBeenCalledExactlyOnceWith('https://t.example/c?o=2&aff_sub=[CLICK_ID]&aff_sub2=pub7');
  });

  it('opens the detail with Enter, warns about an excluded sub ID, and goes back with Esc', async () => {
    await seed();
    const copy = vi.fn(async () => {});
    render(<OffersApp copy={copy} />);
    const search = await screen.findByRole('combobox', { name: 'Search offers' });
    fireEvent.input(search, { target: { value: 'candy' } });
    await waitFor(() => expect(rows()).toHaveLength(1));
    fireEvent.keyDown(search, { key: 'Enter' });
    expect((await screen.findByRole('alert')).textContent).toContain('excludes your sub ID “pub7”');
    expect(screen.getByText('→ t.example')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Copy tracking link' }));
    await screen.findByText('Copied');
    expect(copy).toHaveBeenCalledExactlyOnceWith('https://t.example/c?o=2&aff_sub=[CLICK_ID]&aff_sub2=pub7');
    expect(screen.getByRole('img', { name: 'QR code of the tracking link' })).toBeTruthy();
    fireEvent.keyDown(screen.getByRole('button', { name: 'Copy tracking link' }), { key: 'Escape' });
    await screen.findByRole('combobox', { name: 'Search offers' });
  });

  it('shows a country typed in the query in the Country control, and the control rewrites the query', async () => {
    await seed();
    render(<OffersApp />);
    const search = (await screen.findByRole('combobox', { name: 'Search offers' })) as HTMLInputElement;
    await waitFor(() => expect(rows()).toHaveLength(2));
    fireEvent.input(search, { target: { value: 'geo:gb' } });
    const country = screen.getByLabelText('Country') as HTMLSelectElement;
    await waitFor(() => expect(country.value).toBe('GB'));
    await waitFor(() => expect(rows().map((o) => o.querySelector('.name')?.textContent)).toEqual(['Candy Crush - GB']));
    fireEvent.change(country, { target: { value: 'US' } });
    await waitFor(() => expect(search.value).toBe(''));
    await waitFor(() => expect(rows().map((o) => o.querySelector('.name')?.textContent)).toEqual(['Spotify - US']));
  });

  it('suggests clearing the filters when nothing matches', async () => {
    await seed();
    render(<OffersApp />);
    const search = await screen.findByRole('combobox', { name: 'Search offers' });
    fireEvent.input(search, { target: { value: 'zzzz geo:JP' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(rows()).toHaveLength(2));
  });

  it('without a key or offers, points to the settings and the demo data', async () => {
    await seed({ offers: false, key: '' });
    render(<OffersApp />);
    expect(await screen.findByText('Connect your CarrierAppTraffic account')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open settings' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try with demo data' })).toBeTruthy();
    // Nothing to filter or count yet.
    expect(screen.queryByLabelText('Platform')).toBeNull();
    expect(screen.queryByText(/match$/)).toBeNull();
  });

  it('shows a failed refresh with when it retries, while listing the last good offers', async () => {
    await seed({ error: true });
    render(<OffersApp />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The feed server is down (HTTP 503), retrying in 4 min');
    expect(alert.textContent).toContain('Last good data from 5 min ago');
    expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
    await waitFor(() => expect(rows()).toHaveLength(2));
  });
});
