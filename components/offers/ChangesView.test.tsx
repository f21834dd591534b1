// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { writeChangesFirstScreen } from '../../lib/background/changes-first-screen';
import { diffOffers } from '../../lib/changes';
import { toRecords } from '../../lib/changes/log';
import { parseFeed } from '../../lib/feed';
import type { Offer } from '../../lib/offer';
import { buildSearchIndexData } from '../../lib/search/build';
import { defaultSettings } from '../../lib/settings/defaults';
import { summarise } from '../../lib/snapshot';
import { database } from '../../lib/storage/database';
import { popupFocusItem, settingsItem, summaryItem, watchlistItem } from '../../lib/storage/items';
import { connectPageToBackground } from '../../tests/support/page-background';
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

/**
 * Snapshots an hour apart, the last one an hour ago, with the log of what changed between each
 * and the one before, as refreshes leave them. The publisher last looked at the first.
 */
async function seed(feeds: Offer[][] = [BEFORE, AFTER]) {
  await settingsItem.setValue(defaultSettings('https://feed.example/o?k={apiKey}'));
  await database.saveApiKey('k');
  const at = (i: number) => Date.now() - (feeds.length - i) * HOUR;
  let previous: { offers: Offer[]; fetchedAt: number } | null = null;
  for (const [i, offers] of feeds.entries()) {
    const snapshot = { offers, rejected: [], fetchedAt: at(i), source: 'feed' as const, sources: {} };
    const records = previous ? toRecords(diffOffers(previous.offers, offers), offers, at(i), previous.fetchedAt) : [];
    await database.saveSnapshot(snapshot, buildSearchIndexData(offers), records, !previous);
    if (!previous) await database.meta.set('logStartedAt', snapshot.fetchedAt);
    await summaryItem.setValue(summarise(snapshot));
    previous = snapshot;
  }
}

/** The rows of the Changes view: "offer | what changed", and the time. */
const changeRows = () =>
  within(screen.getByRole('listbox', { name: 'Changes' }))
    .queryAllByRole('option')
    .map((row) => ({
      text: `${row.querySelector('.change-name')?.textContent} | ${row.querySelector('.change-text')?.textContent}`,
      when: row.querySelector('.change-when')?.textContent,
    }));
const texts = () => changeRows().map((row) => row.text);
const headers = () => [...document.querySelectorAll('#changes .change-group')].map((el) => el.textContent);
const changesTab = () => screen.getByRole('tab', { name: /Changes/ });
/** "Today 10:00" (or "Yesterday 23:00" just after midnight): a clock time, never "2 h ago". */
const CLOCK = /^(Today|Yesterday) \d\d:\d\d$/;
const when = expect.stringMatching(CLOCK);

beforeEach(async () => {
  await connectPageToBackground('popup.html');
});
afterEach(cleanup);

describe('Changes view', () => {
  it('lists what changed since the publisher last looked, grouped, in words, with the time of each', async () => {
    await seed();
    render(<OffersApp />);
    const tab = await screen.findByRole('tab', { name: /Changes/ });
    await waitFor(() => expect(tab.textContent).toBe('Changes4'));
    fireEvent.click(tab);
    await waitFor(() =>
      expect(changeRows()).toEqual([
        { text: 'Tinder – US | new offer, $0.90 CPA', when },
        // Last seen 3 h ago: today, or yesterday just after midnight.
        {
          text: expect.stringMatching(/^Bumble – iOS – US\/GB \| gone, last seen (today|yesterday) \d\d:\d\d$/),
          when,
        },
        { text: 'Spotify – Android – ES | $1.20 → $1.45, +21\u202f%', when },
        { text: 'Uber | US removed', when },
      ]),
    );
    expect(screen.getByText('4 changes since you last looked')).toBeTruthy();
    expect(headers()).toEqual(['New · 1', 'Gone · 1', 'Payout up · 1', 'Countries · 1']);
    // A line too long for the row ends in "…"; the row's title and accessible name say all of it.
    const spotify = screen.getByRole('option', { name: /Spotify/ });
    expect(spotify.getAttribute('aria-label')).toBe(spotify.getAttribute('title'));
    expect(spotify.getAttribute('title')).toMatch(
      /^Spotify – Android – ES: \$1\.20 → \$1\.45, \+21\u202f% · (Today|Yesterday) /,
    );
  });

  it('applies the search box and the platform filter to the changes', async () => {
    await seed();
    render(<OffersApp />);
    fireEvent.click(await screen.findByRole('tab', { name: /Changes/ }));
    fireEvent.input(screen.getByRole('combobox', { name: 'Search offers' }), { target: { value: 'spotify' } });
    await waitFor(() => expect(texts()).toEqual(['Spotify – Android – ES | $1.20 → $1.45, +21\u202f%']));
    fireEvent.input(screen.getByRole('combobox', { name: 'Search offers' }), { target: { value: 'platform:ios' } });
    await waitFor(() => expect(texts()).toEqual([expect.stringMatching(/^Bumble – iOS – US\/GB \| gone/)]));
  });

  it('opens a gone offer as its last known state, marked gone, with its history', async () => {
    await seed();
    render(<OffersApp />);
    fireEvent.click(await screen.findByRole('tab', { name: /Changes/ }));
    await waitFor(() => expect(changeRows()).toHaveLength(4));
    fireEvent.click(screen.getByRole('option', { name: /^Gone: Bumble/ }));
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
    await seed();
    await popupFocusItem.setValue({ offerId: '2' });
    render(<OffersApp />);
    expect((await screen.findByRole('heading', { level: 2 })).textContent).toBe('Bumble – iOS – US/GB');
    expect(screen.getByText(/^Gone since /)).toBeTruthy();
  });

  it('marks all seen: the count goes and the view shows the earlier changes, saying since when', async () => {
    await seed();
    render(<OffersApp />);
    fireEvent.click(await screen.findByRole('tab', { name: /Changes/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Mark all seen' }));
    await waitFor(() => expect(screen.getByRole('tab', { name: /Changes/ }).textContent).toBe('Changes'));
    expect(
      await screen.findByText(
        /^Nothing new since you last looked · earlier: 4 changes since (today|yesterday) \d\d:\d\d$/,
      ),
    ).toBeTruthy();
    expect(changeRows()).toHaveLength(4);
  });

  it('watches an offer from its detail, and the Watching filter lists it', async () => {
    await seed();
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

/** Three refreshes since the last look: steps that come back, a watched offer's drop, a new game. */
const feed = (offers: Record<string, unknown>[]) => parseFeed({ message: true, offers }).offers;
const spotify = (amount: number) => raw('1', 'Spotify – Android – ES', amount, { categories: ['Music'] });
const uber = (amount: number) => raw('3', 'Uber', amount, { categories: ['Travel'] });
const bumble = raw('2', 'Bumble – iOS – US/GB', 3, { platform: 'ios', categories: ['Dating'] });
const lyft = raw('5', 'Lyft', 1, { categories: ['Travel'] });
const zoom = raw('6', 'Zoom Cloud Meetings', 2.5, { categories: ['Business'] });
const candy = raw('7', 'Candy Crush Saga', 1.1, { categories: ['Games'] });
const STEPS = [
  feed([spotify(2), bumble, uber(2), zoom]),
  feed([spotify(1.8), uber(2.4), lyft, { ...zoom, conversion_cap: { daily: 100 } }]),
  feed([spotify(1.5), bumble, uber(2), { ...zoom, conversion_cap: { daily: 100 } }, candy]),
];

describe('Changes view, since the last look', () => {
  beforeEach(async () => {
    await seed(STEPS);
    await watchlistItem.setValue({ offers: ['1'], apps: [] });
  });

  it('lists the net change per offer, the watched offer’s drop first and marked, with its percentage', async () => {
    render(<OffersApp />);
    await waitFor(() => expect(changesTab().textContent).toBe('Changes3'));
    fireEvent.click(changesTab());
    // Uber went up and back, Bumble went and came back, Lyft came and went: none of them is a change now.
    await waitFor(() =>
      expect(texts()).toEqual([
        '★Spotify – Android – ES | $2.00 → $1.50, \u221225\u202f%',
        'Candy Crush Saga | new offer, $1.10 CPA',
        'Zoom Cloud Meetings | no cap → 100/day',
      ]),
    );
    expect(headers()).toEqual(['★ Watching · 1', 'New · 1', 'Caps · 1']);
    expect(screen.getByText('3 changes since you last looked')).toBeTruthy();
    expect(screen.getByRole('option', { name: /^Watched: Spotify/ }).classList.contains('watched')).toBe(true);
    // Each change at the time of the refresh that made it: two refreshes, two times.
    const [drop, game, cap] = changeRows();
    expect(drop?.when).toBe(game?.when);
    expect(cap?.when).not.toBe(game?.when);
  });

  it('applies every filter, and counts what is left in the tab, the headers and the heading', async () => {
    render(<OffersApp />);
    await waitFor(() => expect(changesTab().textContent).toBe('Changes3'));
    fireEvent.click(changesTab());
    const search = screen.getByRole('combobox', { name: 'Search offers' });
    const shows = async (query: string, tab: string, rows: string[], heads: string[]) => {
      fireEvent.input(search, { target: { value: query } });
      await waitFor(() => expect(texts()).toEqual(rows));
      expect(changesTab().textContent).toBe(tab);
      expect(headers()).toEqual(heads);
    };
    await shows('cat:games', 'Changes1', ['Candy Crush Saga | new offer, $1.10 CPA'], ['New · 1']);
    await shows('payout>2', 'Changes1', ['Zoom Cloud Meetings | no cap → 100/day'], ['Caps · 1']);
    await shows(
      'payout>1.2',
      'Changes2',
      ['★Spotify – Android – ES | $2.00 → $1.50, \u221225\u202f%', 'Zoom Cloud Meetings | no cap → 100/day'],
      ['★ Watching · 1', 'Caps · 1'],
    );
    expect(screen.getByText('1 hidden by filters', { exact: false })).toBeTruthy();
    fireEvent.input(search, { target: { value: '' } });
    await waitFor(() => expect(changesTab().textContent).toBe('Changes3'));
    fireEvent.click(screen.getByRole('button', { name: '★ Watching' }));
    await waitFor(() => expect(texts()).toEqual(['★Spotify – Android – ES | $2.00 → $1.50, \u221225\u202f%']));
    expect(changesTab().textContent).toBe('Changes1');
    expect(headers()).toEqual(['★ Watching · 1']);
  });

  it('exports what the view shows: the net changes, in its order, with percentages', async () => {
    const files: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      files.push(blob as Blob);
      return 'blob:test';
    });
    render(<OffersApp />);
    await waitFor(() => expect(changesTab().textContent).toBe('Changes3'));
    fireEvent.click(changesTab());
    await waitFor(() => expect(changeRows()).toHaveLength(3));
    fireEvent.click(screen.getByRole('button', { name: 'Export these changes' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'CSV (spreadsheets)' }));
    await waitFor(() => expect(files).toHaveLength(1));
    // Each line without its first cell (the time, in UTC).
    const lines = (await (files[0] as Blob).text()).split('\r\n').map((line) => line.slice(line.indexOf(',') + 1));
    expect(lines).toEqual([
      'Group,Offer ID,Offer,Platform,Countries,Change,Payout change (%)',
      'Payout down,1,Spotify – Android – ES,android,US ES,$2.00 → $1.50,-25',
      'New,7,Candy Crush Saga,android,US ES,"new, $1.10 CPA",',
      'Caps,6,Zoom Cloud Meetings,android,US ES,no cap → 100/day,',
      '',
    ]);
    vi.restoreAllMocks();
  });
});

describe('Changes view, when everything changed back', () => {
  it('says nothing is different, with no count on the tab, and keeps saying so after Mark all seen', async () => {
    await seed([feed([spotify(2), uber(2)]), feed([spotify(2.4)]), feed([spotify(2), uber(2)])]);
    render(<OffersApp />);
    fireEvent.click(await screen.findByRole('tab', { name: /Changes/ }));
    expect(await screen.findByText('Nothing is different now: what changed has changed back.')).toBeTruthy();
    expect(screen.getByText('0 changes since you last looked')).toBeTruthy();
    expect(changesTab().textContent).toBe('Changes');
    fireEvent.click(screen.getByRole('button', { name: 'Mark all seen' }));
    expect(
      await screen.findByText(/^Nothing new since you last looked · earlier: 0 changes since (today|yesterday) /),
    ).toBeTruthy();
    expect(screen.getByText('Nothing is different now: what changed has changed back.')).toBeTruthy();
  });
});

describe('Changes view, from the first screen the background wrote', () => {
  const many = (amount: number, platform = 'android') =>
    feed(
      Array.from({ length: 300 }, (_, i) =>
        raw(
          String(i + 1),
          `Offer ${String(i + 1).padStart(3, '0')}`,
          amount,
          i % 100 === 0 ? { platform: 'ios' } : { platform },
        ),
      ),
    );
  /** Holds every read of the whole log until `release`: what the view shows before it is read. */
  function holdTheLog() {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const load = database.changes.load;
    const reads = vi.spyOn(database.changes, 'load').mockImplementation(async (options) => {
      await gate;
      return load.call(database.changes, options);
    });
    return { release: () => release(), reads };
  }
  afterEach(() => vi.restoreAllMocks());

  it('paints the first screen before the log is read, then the whole list with the same rows first', async () => {
    await seed([many(1), many(2)]);
    await writeChangesFirstScreen(database.changes, null);
    const files: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      files.push(blob as Blob);
      return 'blob:test';
    });
    const log = holdTheLog();
    render(<OffersApp />);
    fireEvent.click(await screen.findByRole('tab', { name: /Changes/ }));
    expect(await screen.findByText('300 changes since you last looked')).toBeTruthy();
    expect(changesTab().textContent).toBe('Changes300');
    expect(headers()).toEqual(['Payout up · 300']);
    const first = texts();
    expect(first[0]).toMatch(/^Offer 001 \| \$1\.00 → \$2\.00/);
    expect(first.length).toBeGreaterThan(3);

    // The export is of the whole list: it waits for the log.
    fireEvent.click(screen.getByRole('button', { name: 'Export these changes' }));
    fireEvent.click(await screen.findByRole('menuitem', { name: 'CSV (spreadsheets)' }));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(files).toHaveLength(0);
    log.release();
    await waitFor(() => expect(files).toHaveLength(1));
    expect((await (files[0] as Blob).text()).split('\r\n')).toHaveLength(302);
    expect(log.reads).toHaveBeenCalled();
    expect(texts()).toEqual(first);
    expect(screen.getByText('300 changes since you last looked')).toBeTruthy();
  });

  it('waits for the log when a filter is set that the first screen cannot answer', async () => {
    await seed([many(1), many(2)]);
    await writeChangesFirstScreen(database.changes, null);
    const log = holdTheLog();
    render(<OffersApp />);
    fireEvent.click(await screen.findByRole('tab', { name: /Changes/ }));
    expect(await screen.findByText('300 changes since you last looked')).toBeTruthy();
    fireEvent.input(screen.getByRole('combobox', { name: 'Search offers' }), { target: { value: 'platform:ios' } });
    expect(await screen.findByText('Reading the changes…')).toBeTruthy();
    log.release();
    await waitFor(() =>
      expect(texts()).toEqual([
        expect.stringMatching(/^Offer 001 \|/),
        expect.stringMatching(/^Offer 101 \|/),
        expect.stringMatching(/^Offer 201 \|/),
      ]),
    );
    expect(document.querySelector('.changes-head span')?.textContent).toBe(
      '3 changes since you last looked · 297 hidden by filters',
    );
  });

  it('shows the earlier changes from the first screen written right after Mark all seen', async () => {
    await seed([many(1), many(2)]);
    await writeChangesFirstScreen(database.changes, null);
    render(<OffersApp />);
    fireEvent.click(await screen.findByRole('tab', { name: /Changes/ }));
    fireEvent.click(await screen.findByRole('button', { name: 'Mark all seen' }));
    await waitFor(() => expect(changesTab().textContent).toBe('Changes'));
    const log = holdTheLog();
    expect(
      await screen.findByText(/^Nothing new since you last looked · earlier: 300 changes since (today|yesterday) /),
    ).toBeTruthy();
    expect(texts()[0]).toMatch(/^Offer 001 \|/);
    log.release();
  });
});
