import { useCallback, useEffect, useState } from 'preact/hooks';
import { type StoredItem, sameValue } from '../lib/storage/items';
import { useAsyncEffect } from './use-async-effect';

/**
 * A storage item's value, kept current as the background changes it; undefined while loading —
 * or, for an item with a mirror (items.ts PageMirror), its copy until the item answers.
 */
export function useStorageItem<T>(item: StoredItem<T>): T | undefined {
  const [value, setValue] = useState<T | undefined>(() => item.mirror?.peek());
  // A value equal to the one shown (the copy it was painted from, a write of the same value) is
  // the same one: the page does not draw itself again for it.
  const show = useCallback(
    (next: T) => setValue((shown) => (shown !== undefined && sameValue(shown, next) ? shown : next)),
    [],
  );
  // Asked for during the first render rather than after its paint: the reads a page's first
  // render asks for go to the browser together (lib/storage/items.ts) while the frame is drawn.
  const [firstRead] = useState(() => readAndWatch(item));
  useAsyncEffect(
    (signal) => {
      const read = firstRead.item === item ? firstRead : readAndWatch(item);
      signal.addEventListener('abort', read.follow(show));
      return read.value;
    },
    show,
    [item, firstRead, show],
  );
  return value;
}

/**
 * An item's value read from now on, watched from now on too: a change that comes before the
 * read's answer wins over it, and `follow` gets every change (its clean-up stops watching).
 */
function readAndWatch<T>(item: StoredItem<T>) {
  let latest: { value: T } | null = null;
  let forward: ((value: T) => void) | null = null;
  const unwatch = item.watch((value) => {
    latest = { value };
    item.mirror?.keep(value);
    forward?.(value);
  });
  const value = item.getValue().then((stored) => {
    const now = latest ? latest.value : stored;
    item.mirror?.keep(now);
    return now;
  });
  // Taken up by the effect; a failure before that is not an unhandled rejection.
  value.catch(() => undefined);
  return {
    item,
    value,
    follow(callback: (value: T) => void): () => void {
      forward = callback;
      return unwatch;
    },
  };
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
