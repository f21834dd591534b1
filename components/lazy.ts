import { type ComponentType, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A module fetched once, when first asked for: `load()` answers the same promise every time (a
 * failed fetch is asked again next time), `loaded()` the module once it is in (null before).
 */
export function loadOnce<T>(importer: () => Promise<T>) {
  let value: T | null = null;
  let loading: Promise<T> | null = null;
  return {
    load(): Promise<T> {
      loading ??= importer().then(
        (loaded) => {
          value = loaded;
          return loaded;
        },
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
    loaded: (): T | null => value,
  };
}

/**
 * A part the first screen does not need, in a chunk of its own: `load()` fetches it once (the
 * page calls it when idle, so a click seldom waits), and `Component` draws nothing until it is
 * in, then the part itself. Preact's own `lazy` lives in preact/compat, which would cost more
 * than it saves here.
 */
export function lazyPart<P extends object>(importPart: () => Promise<ComponentType<P>>) {
  const part = loadOnce(importPart);
  function Component(props: P) {
    const [, setLoaded] = useState(part.loaded() !== null);
    useEffect(() => {
      if (!part.loaded())
        void part.load().then(
          () => setLoaded(true),
          () => undefined,
        );
    }, []);
    const loaded = part.loaded();
    return loaded ? h(loaded, props) : null;
  }
  return { Component, load: part.load };
}
