// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackground } from '../../lib/background';
import { diffOffers } from '../../lib/changes';
import { toRecords } from '../../lib/changes/log';
import { parseFeed } from '../../lib/feed';
import { createMessageListener } from '../../lib/messaging/listener';
import { buildSearchIndexData } from '../../lib/search/build';
import { defaultSettings } from '../../lib/settings/defaults';
import { summarise } from '../../lib/snapshot';
import { database } from '../../lib/storage/database';
import { popupFocusItem, settingsItem, summaryItem, watchlistItem } from '../../lib/storage/items';
import { OffersApp } from './OffersApp';

const HOUR = 3_600_000;
const raw = (id: string, name: string, amount: number, extra: Record<string, unknown> = {}) => ({
  id,
  name,
  tracking_url: `https://t.example/c?o=${id}`,
  payout: { amount },
  geos: ['US', 'ES'],
  platform: 'android',
  ...extra,
});
const BEFORE = parseFeed({
  message: true,
  offers: [
    raw('1', 'Spotify – Android – ES', 1.2),
    raw('2', 'Bumble – iOS – US/GB', 3, { platform: 'ios' }),
    raw('3', 'Uber', 2),
  ],
}).offers;
const AFTER = parseFeed({
  message: true,
  offers: [
    raw('1', 'Spotify – Android – ES', 1.45),
    raw('3', 'Uber', 2, { geos: ['ES'] }),
    raw('4', 'Tinder – US', 0.9),
  ],
}).offers;

/** Two snapshots an hour apart, with the log of what changed between them, as a refresh leaves them. */
async function seed() {
  await settingsItem.setValue(defaultSettings('https://feed.example/o?k={apiKey}'));
  await database.saveApiKey('k');
  const first = {
    offers: BEFORE,
    rejected: [],
    fetchedAt: Date.now() - 3 * HOUR,
    source: 'feed' as const,
    sources: {},
  };
  const second = {
    offers: AFTER,
    rejected: [],
    fetchedAt: Date.now() - 2 * HOUR,
    source: 'feed' as const,
    sources: {},
  };
  await database.saveSnapshot(first, buildSearchIndexData(BEFORE), [], true);
  await database.meta.set('logStartedAt', first.fetchedAt);
  const records = toRecords(diffOffers(BEFORE, AFTER), AFTER, second.fetchedAt, first.fetchedAt);
  await database.saveSnapshot(second, buildSearchIndexData(AFTER), records);
  await summaryItem.setValue(summarise(second));
}

const changeRows = () =>
  within(screen.getByRole('listbox', { name: 'Changes' }))
    .queryAllByRole('option')
    .map((row) => row.textContent);

beforeEach(async () => {
  fakeBrowser.reset();
  await database.clear();
  fakeBrowser.permissions.contains = async () => false;
  fakeBrowser.permissions.request = async () => false;
  const listener = createMessageListener(createBackground(fakeBrowser as never).handlers, 'chrome-extension://test/');
  fakeBrowser.runtime.onMessage.addListener(((message: unknown, _sender: unknown, send: (r: unknown) => void) =>
    listener(message, { url: 'chrome-extension://test/popup.html' } as never, send)) as never);
  await seed();
});
afterEach(cleanup);

describe('Changes view', () => {
  it('lists what changed since the publisher last looked, grouped, in words', async () => {
    render(<OffersApp />);
    const tab = await screen.findByRole('tab', { name: /Changes/ });
    await waitFor(() => expect(tab.textContent).toBe('Changes4'));
    fireEvent.click(tab);
    await waitFor(() =>
      expect(changeRows()).toEqual([
        'New: Tinder – US — $0.90 CPA · 2 h ago',
        // 3 h ago: a time of day today, a date when that was yesterday.
        expect.stringMatching(/^Gone: Bumble – iOS – US\/GB \(last seen (\d\d:\d\d|\d+ \w{3})\) · 2 h ago$/),
        'Spotify – Android – ES: $1.20 → $1.45 CPA · 2 h ago',
        'Uber: US removed · 2 h ago',
      ]),
    );
    expect(screen.getByText('4 changes since you last looked')).toBeTruthy();
    const headers = [...document.querySelectorAll('#changes .change-group')].map((el) => el.textContent);
    expect(headers).toEqual(['New · 1', 'Gone · 1', 'Payout up · 1', 'Countries · 1']);
  });

  it('applies the search box and the platform filter to the changes', async () => {
    render(<OffersApp />);
    fireEvent.click(await screen.findByRole('tab', { name: /Changes/ }));
    fireEvent.input(screen.getByRole('combobox', { name: 'Search offers' }), { target: { value: 'spotify' } });
    await waitFor(() => expect(changeRows()).toEqual(['Spotify – Android – ES: $1.20 → $1.45 CPA · 2 h ago']));
    fireEvent.input(screen.getByRole('combobox', { name: 'Search offers' }), { target: { value: 'platform:ios' } });
    await waitFor(() => expect(changeRows()).toEqual([expect.stringMatching(/^Gone: Bumble/)]));
  });

  it('opens a gone offer as its last known state, marked gone, with its history', async () => {
    render(<OffersApp />);
    fireEvent.click(await screen.findByRole('tab', { name: /Changes/ }));
    await waitFor(() => expect(changeRows()).toHaveLength(4));
    fireEvent.click(screen.getByText(/^Gone: Bumble/));
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('Bumble – iOS – US/GB');
    expect(
      screen.getByText(/^Gone since .*: the feed no longer lists it\. This is its last known state\.$/),
    ).toBeTruthy();
    const history = within(await screen.findByRole('region', { name: 'History' })).getAllByRole('listitem');
    expect(history.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^seen since /),
      expect.stringMatching(/^gone on /),
    ]);
  });

  it('opens on a gone offer a notification pointed at', async () => {
    await popupFocusItem.setValue({ offerId: '2' });
    render(<OffersApp />);
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('Bumble – iOS – US/GB');
    expect(screen.getByText(/^Gone since /)).toBeTruthy();
  });

  it('marks all seen: the count goes and the view shows the earlier changes', async () => {
    render(<OffersApp />);
    fireEvent.click(await screen.findByRole('tab', { name: /Changes/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Mark all seen' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: /Changes/ }).textContent).toBe('Changes'));
    expect(await screen.findByText('Nothing new since you last looked · earlier changes')).toBeTruthy();
    expect(changeRows()).toHaveLength(4);
  });

  it('watches an offer from its detail, and the Watching filter lists it', async () => {
    render(<OffersApp />);
    const search = await screen.findByRole('combobox', { name: 'Search offers' });
    fireEvent.input(search, { target: { value: 'uber' } });
    await waitFor(() => expect(screen.getAllByRole('option', { name: /^Uber/ })).toHaveLength(1));
    fireEvent.keyDown(search, { key: 'Enter' });
    fireEvent.click(await screen.findByRole('button', { name: '☆ Watch' }));
    await waitFor(async () => expect(await watchlistItem.getValue()).toEqual({ offers: ['cat|3'], apps: [] }));
    expect(await screen.findByRole('button', { name: '★ Watching' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Back to results' }));
    fireEvent.input(await screen.findByRole('combobox', { name: 'Search offers' }), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: '★ Watching' }));
    await waitFor(() =>
      expect(
        within(screen.getByRole('listbox', { name: 'Offers' }))
          .getAllByRole('option')
          .map((o) => o.querySelector('.name')?.textContent),
      ).toEqual(['Uber (watched)']),
    );
  });
});
