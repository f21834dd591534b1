import { type ComponentType, h } from 'preact';
import { useEffect, useState } from 'preact/hooks';

/**
 * A part the first screen does not need, in a chunk of its own: `load()` fetches it once (the
 * page calls it when idle, so a click seldom waits), and `Component` draws nothing until it is
 * in, then the part itself. Preact's own `lazy` lives in preact/compat, which would cost more
 * than it saves here.
 */
export function lazyPart<P extends object>(importPart: () => Promise<ComponentType<P>>) {
  let part: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const load = (): Promise<ComponentType<P>> => {
    loading ??= importPart().then(
      (loaded) => {
        part = loaded;
        return loaded;
      },
      (error: unknown) => {
        loading = null;
        throw error;
      },
    );
    return loading;
  };
  function Component(props: P) {
    const [, setLoaded] = useState(part !== null);
    useEffect(() => {
      if (!part)
        void load().then(
          () => setLoaded(true),
          () => undefined,
        );
    }, []);
    return part ? h(part, props) : null;
  }
  return { Component, load };
}
