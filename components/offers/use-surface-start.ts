import { useEffect, useRef } from 'preact/hooks';
import { DEFAULT_SEARCH_STATE, type SearchState } from '../../lib/search/query';
import { popupFocusItem, type SurfaceStart } from '../../lib/storage/items';
import { parseStoreUrl, storeKey } from '../../lib/store-url';

/**
 * Where a surface opens, once its stored offers are known: the page's own start (its URL), or
 * what "Open in popup" (a badge, a notification, a right-click on a store link) left for the
 * popup, taken so the next opening starts afresh.
 */
export function useSurfaceStart(
  start: SurfaceStart | undefined,
  loaded: boolean,
  changeSearch: (next: SearchState) => void,
  openOffer: (id: string) => Promise<void>,
): void {
  const started = useRef(false);
  useEffect(() => {
    if (!loaded || started.current) return;
    started.current = true;
    void (start ? Promise.resolve(start) : takePopupFocus()).then(async (focus) => {
      if (!focus) return;
      if (focus.appUrl !== undefined || focus.query !== undefined) {
        const app = focus.appUrl ? parseStoreUrl(focus.appUrl) : null;
        changeSearch({ ...DEFAULT_SEARCH_STATE, query: focus.query ?? '', app: app ? storeKey(app) : null });
      }
      if (focus.offerId) await openOffer(focus.offerId);
    });
  }, [loaded, start, changeSearch, openOffer]);
}

async function takePopupFocus(): Promise<SurfaceStart | null> {
  const focus = await popupFocusItem.getValue();
  if (focus) await popupFocusItem.setValue(null);
  return focus;
}
