import { useEffect } from 'preact/hooks';

/**
 * An effect whose work finishes later (IndexedDB, storage, a message, a lazy module), with
 * cancellation and stale answers handled here once:
 *
 * - `start` begins the work for the current `deps` and answers its promise, or nothing when there
 *   is nothing to do this time. It may tie its own clean-up (listeners, timers) to `signal`.
 * - `apply` gets the answer only while that run is still the current one: once the deps change or
 *   the component unmounts, `signal` aborts and a late answer is dropped, so an older, slower
 *   answer never overwrites a newer one.
 * - A rejected promise applies nothing (what is shown stays); a caller that shows failures
 *   settles them into its answer.
 */
export function useAsyncEffect<T>(
  start: (signal: AbortSignal) => Promise<T> | undefined,
  apply: (answer: T) => void,
  deps: ReadonlyArray<unknown>,
): void {
  useEffect(
    () => {
      const run = new AbortController();
      start(run.signal)?.then(
        (answer) => {
          if (!run.signal.aborted) apply(answer);
        },
        () => undefined,
      );
      return () => run.abort();
    },
    // biome-ignore lint/correctness/useExhaustiveDependencies: the caller's deps are this effect's (the rule checks them at each call, see biome.json)
    deps,
  );
}
