import { useEffect, useState } from 'preact/hooks';
import type { StoredItem } from '../lib/storage/items';
import { useAsyncEffect } from './use-async-effect';

/** A storage item's value, kept current as the background changes it; undefined while loading. */
export function useStorageItem<T>(item: StoredItem<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  // Asked for during the first render rather than after its paint: the reads a page's first
  // render asks for go to the browser together (lib/storage/items.ts) while the frame is drawn.
  const [firstRead] = useState(() => readEarly(item));
  useAsyncEffect(
    (signal) => {
      const stored = firstRead.item === item ? firstRead.value : item.getValue();
      signal.addEventListener('abort', item.watch(setValue));
      return stored;
    },
    setValue,
    [item, firstRead],
  );
  return value;
}

/** A read begun now, to be taken up later (a failure meanwhile is not an unhandled rejection). */
export function readEarly<T>(item: StoredItem<T>): { item: StoredItem<T>; value: Promise<T> } {
  const value = item.getValue();
  value.catch(() => undefined);
  return { item, value };
}

/** Re-render every `ms` so "updated 5 min ago" stays true while a page is open. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
}
