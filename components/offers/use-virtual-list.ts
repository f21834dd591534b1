import type { VirtualItem, Virtualizer } from '@tanstack/virtual-core';
import { useEffect, useLayoutEffect, useReducer, useRef } from 'preact/hooks';
import { loadOnce } from '../lazy';

const POPUP_LIST_RECT = { width: 400, height: 440 };
const OVERSCAN = 8;
const byIndex = (index: number) => index;

type Core = typeof import('@tanstack/virtual-core');
/** TanStack Virtual's core, in a chunk of its own: the first paint does not wait for it. */
const virtualCore = loadOnce<Core>(() => import('@tanstack/virtual-core'));

/**
 * TanStack Virtual's core, driven from Preact: only the visible rows are rendered. `rowHeight`
 * is the rows' fixed height, or a function of the row's index (group headers are shorter).
 * Until the core has arrived (it loads after the first paint) the rows of the first screen are
 * drawn from the heights alone, as the virtualizer would place them, then it takes over.
 */
export function useVirtualList(
  count: number,
  rowHeight: number | ((index: number) => number),
  scrollElement: () => HTMLElement | null,
  /** With varying heights: a new function whenever the rows change, so their sizes are taken anew. */
  itemKey?: (index: number) => string | number,
) {
  const sizeOf = typeof rowHeight === 'number' ? () => rowHeight : rowHeight;
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const holder = useRef<Virtualizer<HTMLElement, HTMLElement> | null>(null);
  const core = virtualCore.loaded();
  if (!holder.current && core)
    holder.current = createVirtualizer(core, count, sizeOf, scrollElement, () => rerender(0));
  const virtualizer = holder.current;
  virtualizer?.setOptions({
    ...virtualizer.options,
    count,
    estimateSize: (index) => sizeOf(index),
    getItemKey: itemKey ?? byIndex,
  });
  useEffect(() => {
    if (!virtualCore.loaded())
      void virtualCore.load().then(
        () => rerender(0),
        () => undefined,
      );
  }, []);
  // virtual-core's lifecycle hooks: `_didMount` starts observing the scroll element (and returns
  // the clean-up), `_willUpdate` picks up a new scroll element after a render. They are what
  // TanStack's own framework adapters (@tanstack/react-virtual, vue-virtual…) call in the same
  // places; there is no Preact adapter, and preact/compat for the React one would cost more.
  useLayoutEffect(() => virtualizer?._didMount(), [virtualizer]);
  useLayoutEffect(() => {
    virtualizer?._willUpdate();
  });
  if (!virtualizer) return firstScreen(count, sizeOf, itemKey ?? byIndex, scrollElement);
  return {
    items: virtualizer.getVirtualItems() as VirtualItem[],
    totalSize: virtualizer.getTotalSize(),
    scrollToIndex: (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  };
}

function createVirtualizer(
  { Virtualizer, elementScroll, observeElementOffset, observeElementRect }: Core,
  count: number,
  sizeOf: (index: number) => number,
  scrollElement: () => HTMLElement | null,
  onChange: () => void,
): Virtualizer<HTMLElement, HTMLElement> {
  return new Virtualizer<HTMLElement, HTMLElement>({
    count,
    getScrollElement: scrollElement,
    estimateSize: (index) => sizeOf(index),
    overscan: OVERSCAN,
    scrollToFn: elementScroll,
    // Until the list has a laid-out size (first paint, or no layout at all in a test DOM),
    // assume the popup's known size rather than render no rows.
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : POPUP_LIST_RECT)),
    observeElementOffset,
    initialRect: POPUP_LIST_RECT,
    onChange,
  });
}

/** The rows the virtualizer would show at the top of the list, before it is there. */
function firstScreen(
  count: number,
  sizeOf: (index: number) => number,
  keyOf: (index: number) => string | number,
  scrollElement: () => HTMLElement | null,
) {
  const items: VirtualItem[] = [];
  let start = 0;
  let visibleEnd = -1;
  for (let index = 0; index < count; index++) {
    if (visibleEnd === -1 && start >= POPUP_LIST_RECT.height) visibleEnd = index;
    if (visibleEnd !== -1 && index >= visibleEnd + OVERSCAN) break;
    const size = sizeOf(index);
    items.push({ index, key: keyOf(index), start, size, end: start + size, lane: 0 });
    start += size;
  }
  let totalSize = start;
  for (let index = items.length; index < count; index++) totalSize += sizeOf(index);
  return {
    items,
    totalSize,
    scrollToIndex: (index: number) => {
      const element = scrollElement();
      if (!element || index < items.length) return;
      let top = 0;
      for (let i = 0; i < index; i++) top += sizeOf(i);
      element.scrollTop = top;
    },
  };
}
