import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChangeRecord } from '../../lib/changes/log';
import type { Offer } from '../../lib/offer';
import { optionId, type View } from './body';
import type { ChangeListRow } from './ChangesView';

/** How far PageUp / PageDown move: about one screen of the popup's list. */
const PAGE_STEP = 8;

interface Navigation {
  view: View;
  /** A new search starts the selection at the top again. */
  search: unknown;
  offers: Offer[];
  changeRows: ChangeListRow[];
  /** What is typed in the search box ('' when nothing: Esc then has nothing to clear). */
  query: string;
  onOpenOffer: (offer: Offer) => void;
  onOpenChange: (change: ChangeRecord) => void;
  onClearQuery: () => void;
  onCopy: (offer: Offer) => void;
  onToggleWatch: (offer: Offer) => void;
}

/**
 * The search box drives the list (the combobox pattern): ↑/↓ and PageUp/PageDown choose a row
 * (group headers in Changes are skipped), Enter opens it, Esc clears the query, Ctrl/⌘+C copies
 * the chosen offer's link (unless text in the box is selected), Alt+S watches it.
 */
export function useListNavigation(nav: Navigation) {
  const { view, offers, changeRows } = nav;
  const [selected, setSelected] = useState(0);
  /** Set by the list shown: scrolls it to a row. */
  const scrollTo = useRef<((index: number) => void) | null>(null);
  const count = view === 'offers' ? offers.length : changeRows.length;

  // The Changes view's first row is a group header: its first change is the second row.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new search (not only another view) starts at the top
  useEffect(() => setSelected(view === 'changes' ? 1 : 0), [nav.search, view]);

  const isHeader = (index: number) => view === 'changes' && changeRows[index]?.type === 'header';

  function move(by: number) {
    let index = Math.max(0, Math.min(count - 1, selected + by));
    // Group headers are not choices: step over them, back when the list ends there (the first row).
    const step = by < 0 ? -1 : 1;
    if (isHeader(index)) index = index + step >= 0 && index + step < count ? index + step : index - step;
    if (isHeader(index)) index = selected;
    setSelected(index);
    scrollTo.current?.(index);
  }

  function onKeyDown(e: KeyboardEvent) {
    const offer = view === 'offers' ? offers[selected] : undefined;
    const row = view === 'changes' ? changeRows[selected] : undefined;
    if (e.key === 'ArrowDown') move(1);
    else if (e.key === 'ArrowUp') move(-1);
    else if (e.key === 'PageDown') move(PAGE_STEP);
    else if (e.key === 'PageUp') move(-PAGE_STEP);
    else if (e.key === 'Enter' && offer) nav.onOpenOffer(offer);
    else if (e.key === 'Enter' && row?.type === 'change') nav.onOpenChange(row.change);
    else if (e.key === 'Escape' && nav.query) nav.onClearQuery();
    else if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && offer && !hasTextSelection(e.currentTarget)) {
      nav.onCopy(offer);
    } else if (e.key.toLowerCase() === 's' && e.altKey && offer) nav.onToggleWatch(offer);
    else return;
    e.preventDefault();
  }

  return {
    selected,
    /** The row chosen by a click. */
    select: setSelected,
    scrollTo,
    count,
    /** The option the search box points at (aria-activedescendant). */
    activeId: count ? optionId(view, selected) : undefined,
    onKeyDown,
  };
}

function hasTextSelection(input: EventTarget | null): boolean {
  const el = input as HTMLInputElement | null;
  return !!el && el.selectionStart !== null && el.selectionStart !== el.selectionEnd;
}
