import { useEffect, useRef, useState } from 'preact/hooks';
import type { ChangeRecord } from '../../lib/changes/log';
import type { Offer } from '../../lib/offer';
import { optionId, type View } from './body';
import type { ChangeListRow } from './ChangesView';

/** How far PageUp / PageDown move: about one screen of the popup's list. */
const PAGE_STEP = 8;

/** What a key does to the chosen offer. */
type OfferKey = 'open' | 'copy' | 'watch';

interface Navigation {
  view: View;
  /** A new search starts the selection at the top again. */
  search: unknown;
  offers: Offer[];
  /**
   * The offers on show answer the search as typed. Until they do (a keystroke's answer takes a
   * moment), Enter, Ctrl/⌘+C and Alt+S wait for it: they act on the new first row, never on a row
   * of the search before.
   */
  settled: boolean;
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
 * the chosen offer's link (unless text in the box is selected), Alt+S watches it. Those three,
 * pressed while a keystroke's answer is coming, act on that answer's row once it is on show.
 */
export function useListNavigation(nav: Navigation) {
  const { view, offers, changeRows } = nav;
  const [selected, setSelected] = useState(0);
  /** Set by the list shown: scrolls it to a row. */
  const scrollTo = useRef<((index: number) => void) | null>(null);
  const count = view === 'offers' ? offers.length : changeRows.length;
  /** A key for the chosen offer pressed before the typed search answered: done once it has. */
  const [waiting, setWaiting] = useState<OfferKey | null>(null);
  const actOn: Record<OfferKey, (offer: Offer) => void> = {
    open: nav.onOpenOffer,
    copy: nav.onCopy,
    watch: nav.onToggleWatch,
  };
  const chosen = view === 'offers' ? offers[selected] : undefined;
  /** Whether the key was taken: not when the search's answer has no offer to act on. */
  const offerKey = (key: OfferKey): boolean => {
    if (!nav.settled) setWaiting(key);
    else if (chosen) actOn[key](chosen);
    else return false;
    return true;
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: once the answer is in (actOn is new each render)
  useEffect(() => {
    if (!waiting || !nav.settled) return;
    setWaiting(null);
    if (chosen) actOn[waiting](chosen);
  }, [waiting, nav.settled, chosen]);

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
    if (handled(e)) e.preventDefault();
  }

  /** Does the key; false when it has nothing to do here (the browser's own action for it then runs). */
  function handled(e: KeyboardEvent): boolean {
    const onOffers = view === 'offers';
    const row = view === 'changes' ? changeRows[selected] : undefined;
    const copying = (e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'c' && !hasTextSelection(e.currentTarget);
    if (e.key === 'ArrowDown') move(1);
    else if (e.key === 'ArrowUp') move(-1);
    else if (e.key === 'PageDown') move(PAGE_STEP);
    else if (e.key === 'PageUp') move(-PAGE_STEP);
    else if (e.key === 'Enter' && onOffers) return offerKey('open');
    else if (e.key === 'Enter' && row?.type === 'change') nav.onOpenChange(row.change);
    else if (e.key === 'Escape' && nav.query) nav.onClearQuery();
    else if (copying && onOffers) return offerKey('copy');
    else if (e.key.toLowerCase() === 's' && e.altKey && onOffers) return offerKey('watch');
    else return false;
    return true;
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
