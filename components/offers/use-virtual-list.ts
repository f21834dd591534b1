import {
  elementScroll,
  observeElementOffset,
  observeElementRect,
  type VirtualItem,
  Virtualizer,
} from '@tanstack/virtual-core';
import { useLayoutEffect, useReducer, useState } from 'preact/hooks';

const POPUP_LIST_RECT = { width: 400, height: 440 };
const byIndex = (index: number) => index;

/**
 * TanStack Virtual's core, driven from Preact: only the visible rows are rendered. `rowHeight`
 * is the rows' fixed height, or a function of the row's index (group headers are shorter).
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
  const [virtualizer] = useState(
    () =>
      new Virtualizer<HTMLElement, HTMLElement>({
        count,
        getScrollElement: scrollElement,
        estimateSize: (index) => sizeOf(index),
        overscan: 8,
        scrollToFn: elementScroll,
        // Until the list has a laid-out size (first paint, or no layout at all in a test DOM),
        // assume the popup's known size rather than render no rows.
        observeElementRect: (instance, cb) =>
          observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : POPUP_LIST_RECT)),
        observeElementOffset,
        initialRect: POPUP_LIST_RECT,
        onChange: () => rerender(0),
      }),
  );
  virtualizer.setOptions({
    ...virtualizer.options,
    count,
    estimateSize: (index) => sizeOf(index),
    getItemKey: itemKey ?? byIndex,
  });
  // virtual-core's lifecycle hooks: `_didMount` starts observing the scroll element (and returns
  // the clean-up), `_willUpdate` picks up a new scroll element after a render. They are what
  // TanStack's own framework adapters (@tanstack/react-virtual, vue-virtual…) call in the same
  // places; there is no Preact adapter, and preact/compat for the React one would cost more.
  useLayoutEffect(() => {
    return virtualizer._didMount();
  }, [virtualizer]);
  useLayoutEffect(() => {
    virtualizer._willUpdate();
  });
  return {
    items: virtualizer.getVirtualItems() as VirtualItem[],
    totalSize: virtualizer.getTotalSize(),
    scrollToIndex: (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  };
}
