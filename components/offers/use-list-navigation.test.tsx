// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeRecord } from '../../lib/changes/log';
import { parseFeed } from '../../lib/feed';
import type { Offer } from '../../lib/offer';
import type { View } from './body';
import { type ChangeListRow, changeListRows } from './ChangesView';
import { useListNavigation } from './use-list-navigation';

/** Twelve offers, "Offer 1" … "Offer 12". */
const OFFERS = parseFeed({
  message: true,
  offers: Array.from({ length: 12 }, (_, i) => ({
    id: String(i + 1),
    name: `Offer ${i + 1}`,
    tracking_url: `https://t.example/c?o=${i + 1}`,
  })),
}).offers;

const change = (id: number, offerId: string, group: ChangeRecord['group']): ChangeRecord => ({
  id,
  offerId,
  kind: group === 'new' ? 'new' : 'payout',
  before: null,
  after: null,
  at: 0,
  previousAt: 0,
  group,
  name: `Offer ${offerId}`,
  platform: null,
  geos: [],
  appKey: null,
  payout: null,
});
/** New · 2, then Payout up · 1: header, change, change, header, change. */
const CHANGE_ROWS = changeListRows(
  [change(3, '1', 'new'), change(2, '2', 'new'), change(1, '3', 'payout-up')],
  () => false,
);

interface HarnessProps {
  view?: View;
  search?: object;
  query?: string;
  offers?: Offer[];
  settled?: boolean;
  changeRows?: ChangeListRow[];
}

let done: string[];
/** One search for the whole test (a new object is a new search). */
const SEARCH = {};

/** The search box, driven by the hook; it says which row is chosen. */
function Harness({
  view = 'offers',
  search = SEARCH,
  query = '',
  offers = OFFERS,
  settled = true,
  changeRows = CHANGE_ROWS,
}: HarnessProps) {
  const nav = useListNavigation({
    view,
    search,
    offers,
    settled,
    changeRows,
    query,
    onOpenOffer: (offer) => done.push(`open ${offer.name}`),
    onOpenChange: (c) => done.push(`open change of ${c.name}`),
    onClearQuery: () => done.push('clear the query'),
    onCopy: (offer) => done.push(`copy ${offer.name}`),
    onToggleWatch: (offer) => done.push(`watch ${offer.name}`),
  });
  return (
    <input
      aria-label="Search offers"
      aria-activedescendant={nav.activeId}
      defaultValue={query}
      onKeyDown={nav.onKeyDown}
    />
  );
}

const box = () => screen.getByRole('textbox', { name: 'Search offers' }) as HTMLInputElement;
const chosen = () => box().getAttribute('aria-activedescendant');
/** Presses a key in the box; true when the browser's own handling of it was left alone. */
const press = (key: string, modifiers: { ctrlKey?: boolean; metaKey?: boolean; altKey?: boolean } = {}) =>
  fireEvent.keyDown(box(), { key, ...modifiers });

afterEach(cleanup);

describe('keys in the search box choose and act on a row', () => {
  it('moves with ↑/↓ and a page at a time with PageUp/PageDown, never past the ends', () => {
    done = [];
    render(<Harness />);
    expect(chosen()).toBe('offer-0');
    press('ArrowUp');
    expect(chosen()).toBe('offer-0');
    press('ArrowDown');
    press('ArrowDown');
    expect(chosen()).toBe('offer-2');
    press('PageDown');
    expect(chosen()).toBe('offer-10');
    press('PageDown');
    expect(chosen()).toBe('offer-11');
    press('ArrowDown');
    expect(chosen()).toBe('offer-11');
    press('PageUp');
    expect(chosen()).toBe('offer-3');
    press('PageUp');
    expect(chosen()).toBe('offer-0');
  });

  it('opens the chosen offer with Enter, copies its link with Ctrl+C or ⌘+C, watches it with Alt+S', () => {
    done = [];
    render(<Harness />);
    press('ArrowDown');
    expect(press('Enter')).toBe(false);
    press('c', { ctrlKey: true });
    press('C', { metaKey: true });
    press('s', { altKey: true });
    expect(done).toEqual(['open Offer 2', 'copy Offer 2', 'copy Offer 2', 'watch Offer 2']);
  });

  it('leaves Ctrl+C to the browser while text in the box is selected', () => {
    done = [];
    render(<Harness query="spotify" />);
    box().setSelectionRange(0, 4);
    expect(press('c', { ctrlKey: true })).toBe(true);
    expect(done).toEqual([]);
  });

  it('clears the query with Esc, and leaves Esc alone when there is nothing to clear', () => {
    done = [];
    const { rerender } = render(<Harness query="" />);
    expect(press('Escape')).toBe(true);
    expect(done).toEqual([]);
    rerender(<Harness query="spotify" />);
    expect(press('Escape')).toBe(false);
    expect(done).toEqual(['clear the query']);
  });

  it('leaves other keys to the box (typing)', () => {
    done = [];
    render(<Harness />);
    expect(press('a')).toBe(true);
    expect(press('s')).toBe(true);
    expect(done).toEqual([]);
  });

  it('in Changes, starts on the first change and steps over the group headers', () => {
    done = [];
    render(<Harness view="changes" />);
    expect(chosen()).toBe('change-1');
    press('ArrowUp');
    expect(chosen()).toBe('change-1');
    press('ArrowDown');
    expect(chosen()).toBe('change-2');
    press('ArrowDown');
    expect(chosen()).toBe('change-4');
    press('ArrowUp');
    expect(chosen()).toBe('change-2');
    press('PageUp');
    expect(chosen()).toBe('change-1');
    press('PageDown');
    expect(chosen()).toBe('change-4');
    press('Enter');
    // Offer shortcuts do nothing on a change.
    press('c', { ctrlKey: true });
    press('s', { altKey: true });
    expect(done).toEqual(['open change of Offer 3']);
  });

  it('starts at the top again for a new search, and for the other view', () => {
    done = [];
    const first = {};
    const { rerender } = render(<Harness search={first} />);
    press('ArrowDown');
    press('ArrowDown');
    rerender(<Harness search={first} />);
    expect(chosen()).toBe('offer-2');
    rerender(<Harness search={{}} />);
    expect(chosen()).toBe('offer-0');
    rerender(<Harness search={first} view="changes" />);
    expect(chosen()).toBe('change-1');
  });

  it('opens, copies and watches the typed search’s first offer when its answer comes after the key, never a row of the search before', () => {
    done = [];
    const { rerender } = render(<Harness offers={OFFERS} />);
    for (const [key, init, query, answer] of [
      ['Enter', {}, 'offer 10', 'open Offer 10'],
      ['c', { ctrlKey: true }, 'offer 11', 'copy Offer 11'],
      ['s', { altKey: true }, 'offer 12', 'watch Offer 12'],
    ] as const) {
      const typed = {};
      const first = Number(query.split(' ')[1]) - 1;
      rerender(<Harness search={typed} query={query} offers={OFFERS} settled={false} />);
      expect(press(key, init)).toBe(false);
      expect(done).not.toContain(answer);
      rerender(<Harness search={typed} query={query} offers={OFFERS.slice(first)} />);
      expect(done.at(-1)).toBe(answer);
    }
    expect(done).toEqual(['open Offer 10', 'copy Offer 11', 'watch Offer 12']);
  });

  it('does nothing for a key pressed before an answer that has no offers', () => {
    done = [];
    const typed = {};
    const { rerender } = render(<Harness search={typed} query="nothing" settled={false} />);
    press('Enter');
    rerender(<Harness search={typed} query="nothing" offers={[]} />);
    expect(done).toEqual([]);
    expect(press('Enter')).toBe(true);
  });

  it('points at no row when there is none', () => {
    done = [];
    render(<Harness offers={[]} />);
    expect(chosen()).toBeNull();
    press('ArrowDown');
    expect(press('Enter')).toBe(true);
    expect(done).toEqual([]);
  });
});
