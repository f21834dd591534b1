import { Component, type ComponentType, h } from 'preact';

/** A prop the part calls back (onOpen, onNearEnd…), as opposed to one it draws from. */
const isHandler = (name: string) => /^on[A-Z]/.test(name);

type Handler = (...args: unknown[]) => unknown;

/**
 * A part drawn again only when what it draws from changes (a prop not `on…`, by identity): a
 * parent drawing itself again for something else — a setting read, a count in a tab — does not
 * draw the part's rows again. Its `on…` props may be new functions on every parent render: the
 * part gets stable ones that call the parent's newest. (Preact's `memo` lives in preact/compat,
 * which would cost more than this; it would also need every handler memoised by the caller.)
 */
export function pure<P extends object>(Inner: ComponentType<P>): ComponentType<P> {
  return class Pure extends Component<P> {
    private latest: P = this.props;
    private readonly stable = new Map<string, Handler>();

    override shouldComponentUpdate(next: P): boolean {
      const before = this.latest as Record<string, unknown>;
      const after = next as Record<string, unknown>;
      this.latest = next;
      for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
        const changed = isHandler(key) ? typeof before[key] !== typeof after[key] : before[key] !== after[key];
        if (changed) return true;
      }
      return false;
    }

    override render() {
      const props: Record<string, unknown> = { ...(this.latest as Record<string, unknown>) };
      for (const [key, value] of Object.entries(props)) {
        if (isHandler(key) && typeof value === 'function') props[key] = this.handler(key);
      }
      return h(Inner, props as P);
    }

    private handler(key: string): Handler {
      let call = this.stable.get(key);
      if (!call) {
        call = (...args) => ((this.latest as Record<string, unknown>)[key] as Handler | undefined)?.(...args);
        this.stable.set(key, call);
      }
      return call;
    }
  };
}
