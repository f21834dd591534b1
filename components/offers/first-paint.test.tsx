// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseFeed } from '../../lib/feed';
import type { Offer } from '../../lib/offer';
import { buildSearchIndexData } from '../../lib/search/build';
import { DEFAULT_SEARCH_STATE } from '../../lib/search/query';
import { defaultSettings } from '../../lib/settings/defaults';
import { summarise } from '../../lib/snapshot';
import { database } from '../../lib/storage/database';
import {
  firstPageItem,
  lastAnswerMirror,
  searchStateItem,
  settingsItem,
  settingsMirror,
  summaryItem,
} from '../../lib/storage/items';
import { connectPageToBackground } from '../../tests/support/page-background';
import { OffersApp } from './OffersApp';

const feed = (names: string[]) =>
  parseFeed({
    message: true,
    offers: names.map((name, i) => ({
      id: String(i + 1),
      name,
      tracking_url: `https://t.example/c?o=${i + 1}`,
      payout: { amount: 10 - i },
      geos: ['US'],
      platform: 'android',
    })),
  }).offers;

async function saveSnapshot(offers: Offer[], fetchedAt: number) {
  const snapshot = { offers, rejected: [], fetchedAt, source: 'feed' as const, sources: {} };
  await database.saveSnapshot(snapshot, buildSearchIndexData(offers));
  await summaryItem.setValue(summarise(snapshot));
  // The background forgets the first page it kept with the snapshot before.
  await firstPageItem.setValue(null);
}

const rowNames = () =>
  within(screen.getByRole('listbox', { name: 'Offers' }))
    .queryAllByRole('option')
    .map((row) => row.querySelector('.name')?.textContent);

/** What the page shows between tasks (what could be painted), until `done` says so. */
async function shownUntil(done: (rows: (string | undefined)[]) => boolean) {
  const shown: { count: string; rows: (string | undefined)[] }[] = [];
  for (let task = 0; task < 2000; task++) {
    const count = screen.queryAllByRole('status').find((s) => /\d+ offers/.test(s.textContent ?? ''));
    shown.push({ count: count?.textContent?.match(/\d+ offers/)?.[0] ?? '', rows: rowNames() });
    if (done(rowNames())) return shown;
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  throw new Error(`never done: ${JSON.stringify(shown.at(-1))}`);
}

/** A first opening: it paints once the browser's storage answers, and keeps copies for the next. */
async function openOnce(names: string[]) {
  render(<OffersApp />);
  await waitFor(() => expect(rowNames()).toEqual(names));
  cleanup();
}

beforeEach(async () => {
  await connectPageToBackground('popup.html');
  await settingsItem.setValue({ ...defaultSettings('https://feed.example/o?k={apiKey}'), subId: 'pub7' });
  await database.saveApiKey('k');
});
afterEach(cleanup);

describe('the popup’s first paint, from the copies the last page kept', () => {
  it('paints the best-paying offers in its very first render, before the browser’s storage answers', async () => {
    await saveSnapshot(feed(['Spotify - US', 'Candy Crush - US']), Date.now() - 60_000);
    await openOnce(['Spotify - US', 'Candy Crush - US']);

    render(<OffersApp />);
    // No await: nothing the browser's storage answers has arrived yet.
    expect(rowNames()).toEqual(['Spotify - US', 'Candy Crush - US']);
    expect(screen.getAllByRole('status').some((s) => s.textContent?.includes('2 offers'))).toBe(true);
  });

  it('replaces the copies by the current offers when a refresh came while no page was open', async () => {
    await saveSnapshot(feed(['Spotify - US', 'Candy Crush - US']), Date.now() - 60 * 60_000);
    await openOnce(['Spotify - US', 'Candy Crush - US']);
    await saveSnapshot(feed(['TikTok - US', 'Uber - US', 'Lyft - US']), Date.now() - 60_000);

    render(<OffersApp />);
    expect(rowNames()).toEqual(['Spotify - US', 'Candy Crush - US']);
    const shown = await shownUntil((rows) => rows.length === 3);
    expect(rowNames()).toEqual(['TikTok - US', 'Uber - US', 'Lyft - US']);
    expect(screen.getAllByRole('status').some((s) => s.textContent?.includes('3 offers'))).toBe(true);
    // Never the older copy's rows under the current snapshot's count.
    expect(shown.filter(({ count, rows }) => count === '3 offers' && rows.includes('Spotify - US'))).toEqual([]);
  });

  it('answers words typed at once from the current snapshot only, never an older copy’s', async () => {
    await saveSnapshot(feed(['Spotify - US', 'Candy Crush - US']), Date.now() - 60 * 60_000);
    await openOnce(['Spotify - US', 'Candy Crush - US']);
    await saveSnapshot(feed(['Spotify Premium - US', 'Uber - US']), Date.now() - 60_000);

    render(<OffersApp />);
    fireEvent.input(screen.getByRole('combobox', { name: 'Search offers' }), { target: { value: 'spotify' } });
    await waitFor(() => expect(rowNames()).toEqual(['Spotify Premium - US']));
  });

  it('copies links with the settings in force, not with the copy a page kept of them', async () => {
    await saveSnapshot(feed(['Spotify - US']), Date.now() - 60_000);
    await openOnce(['Spotify - US']);
    settingsMirror.keep({ ...defaultSettings('https://feed.example/o?k={apiKey}'), subId: 'stale' });
    const copy = vi.fn(async () => {});

    render(<OffersApp copy={copy} />);
    const search = screen.getByRole('combobox', { name: 'Search offers' });
    fireEvent.keyDown(search, { key: 'c', ctrlKey: true });
    await screen.findByText(/Copied the tracking link of Spotify - US/, { selector: '[role=status]' });
    expect(copy).toHaveBeenCalledExactlyOnceWith('https://t.example/c?o=1&aff_sub=[CLICK_ID]&aff_sub2=pub7');
    // And the copy is the settings in force again, for the next page.
    expect(settingsMirror.peek()?.subId).toBe('pub7');
  });

  it('opens as before when the copies are gone, broken or fail their check', async () => {
    await saveSnapshot(feed(['Spotify - US']), Date.now() - 60_000);
    await openOnce(['Spotify - US']);
    localStorage.setItem('offerLens.mirror.summary', '{not json');
    localStorage.setItem('offerLens.mirror.firstPage', JSON.stringify({ fetchedAt: 'soon', top: 'x' }));

    render(<OffersApp />);
    // Nothing painted from a bad copy (no "connect" screen either: the page waits for storage).
    expect(screen.queryAllByRole('option')).toEqual([]);
    expect(screen.queryByText(/Connect/)).toBeNull();
    await waitFor(() => expect(rowNames()).toEqual(['Spotify - US']));
  });
});

describe('a remembered search’s first paint, from its last answer', () => {
  const names = ['Spotify - US', 'Candy Crush - US', 'Spotify Premium - US', 'Uber - US'];

  /** A first opening where the publisher searched `query`, left remembered for the next. */
  async function searchOnce(query: string, expected: string[]) {
    render(<OffersApp />);
    await waitFor(() => expect(rowNames()).toHaveLength(names.length));
    fireEvent.input(screen.getByRole('combobox', { name: 'Search offers' }), { target: { value: query } });
    await waitFor(() => expect(rowNames()).toEqual(expected));
    cleanup();
  }

  it('paints the remembered search’s rows in its very first render', async () => {
    await saveSnapshot(feed(names), Date.now() - 60_000);
    await searchOnce('spotify', ['Spotify - US', 'Spotify Premium - US']);

    render(<OffersApp />);
    // No await: the first render, before any storage or search has answered.
    expect(rowNames()).toEqual(['Spotify - US', 'Spotify Premium - US']);
    expect((screen.getByRole('combobox', { name: 'Search offers' }) as HTMLInputElement).value).toBe('spotify');
  });

  it('copies with Ctrl+C the search’s own first match, not a row of the kept answer', async () => {
    await saveSnapshot(feed(names), Date.now() - 60_000);
    await searchOnce('spotify', ['Spotify - US', 'Spotify Premium - US']);
    // The kept rows can be older than what the search answers now (a watchlist changed, an offer expired).
    const kept = lastAnswerMirror.peek();
    if (!kept) throw new Error('no answer kept');
    lastAnswerMirror.keep({ ...kept, offers: [...kept.offers].reverse() });
    const copy = vi.fn(async () => {});

    render(<OffersApp copy={copy} />);
    expect(rowNames()).toEqual(['Spotify Premium - US', 'Spotify - US']);
    fireEvent.keyDown(screen.getByRole('combobox', { name: 'Search offers' }), { key: 'c', ctrlKey: true });
    await screen.findByText(/Copied the tracking link of Spotify - US/, { selector: '[role=status]' });
    expect(copy).toHaveBeenCalledExactlyOnceWith('https://t.example/c?o=1&aff_sub=[CLICK_ID]&aff_sub2=pub7');
    expect(rowNames()).toEqual(['Spotify - US', 'Spotify Premium - US']);
  });

  it('paints no kept rows for another search', async () => {
    await saveSnapshot(feed(names), Date.now() - 60_000);
    await searchOnce('spotify', ['Spotify - US', 'Spotify Premium - US']);

    // Another search remembered (another surface's): nothing kept for it.
    await searchStateItem.setValue({ ...DEFAULT_SEARCH_STATE, query: 'uber' });
    render(<OffersApp />);
    expect(rowNames()).toEqual([]);
    await waitFor(() => expect(rowNames()).toEqual(['Uber - US']));
  });

  it('paints no kept rows of a snapshot a refresh has replaced', async () => {
    await saveSnapshot(feed(names), Date.now() - 60 * 60_000);
    await searchOnce('spotify', ['Spotify - US', 'Spotify Premium - US']);
    expect(lastAnswerMirror.peek()?.state.query).toBe('spotify');
    const refreshed = ['Spotify Kids - US', ...names.slice(1)];
    await saveSnapshot(feed(refreshed), Date.now() - 60_000);
    // A page opened on the default search since: its copies are of the refreshed snapshot.
    await searchStateItem.setValue(DEFAULT_SEARCH_STATE);
    await openOnce(refreshed);

    await searchStateItem.setValue({ ...DEFAULT_SEARCH_STATE, query: 'spotify' });
    render(<OffersApp />);
    expect(rowNames()).toEqual([]);
    await waitFor(() => expect(rowNames()).toEqual(['Spotify Kids - US', 'Spotify Premium - US']));
  });

  it('ignores a kept answer that fails its check', async () => {
    await saveSnapshot(feed(names), Date.now() - 60_000);
    await searchOnce('spotify', ['Spotify - US', 'Spotify Premium - US']);
    const kept = JSON.parse(localStorage.getItem('offerLens.mirror.lastAnswer') ?? 'null');
    // Its search and snapshot are right; its rows are not offers.
    localStorage.setItem('offerLens.mirror.lastAnswer', JSON.stringify({ ...kept, offers: [{ name: 'x' }] }));

    render(<OffersApp />);
    expect(rowNames()).toEqual([]);
    await waitFor(() => expect(rowNames()).toEqual(['Spotify - US', 'Spotify Premium - US']));
  });
});
