import { useEffect, useState } from 'preact/hooks';
import type { StoredItem } from '../lib/storage/items';
import { useAsyncEffect } from './use-async-effect';

/** A storage item's value, kept current as the background changes it; undefined while loading. */
export function useStorageItem<T>(item: StoredItem<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useAsyncEffect(
    (signal) => {
      const stored = item.getValue();
      signal.addEventListener('abort', item.watch(setValue));
      return stored;
    },
    setValue,
    [item],
  );
  return value;
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
