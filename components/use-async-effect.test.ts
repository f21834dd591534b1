// @vitest-environment happy-dom
import { cleanup, renderHook } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useAsyncEffect } from './use-async-effect';

/** A promise the test resolves or rejects when it chooses. */
function later<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Lets every answer already given reach its `then`. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(cleanup);

describe('useAsyncEffect', () => {
  it('applies the answer of the current run', async () => {
    const answer = later<string>();
    const applied: string[] = [];
    renderHook(() =>
      useAsyncEffect(
        () => answer.promise,
        (value) => applied.push(value),
        [],
      ),
    );
    answer.resolve('offers of com.spotify.music');
    await settle();
    expect(applied).toEqual(['offers of com.spotify.music']);
  });

  it('never applies a stale answer: the older search answering last is dropped', async () => {
    const answers = { spotify: later<string>(), uber: later<string>() };
    const applied: string[] = [];
    const { rerender } = renderHook(
      ({ query }: { query: 'spotify' | 'uber' }) =>
        useAsyncEffect(
          () => answers[query].promise,
          (value) => applied.push(value),
          [query],
        ),
      { initialProps: { query: 'spotify' } },
    );
    rerender({ query: 'uber' });
    answers.uber.resolve('Uber - ES');
    await settle();
    answers.spotify.resolve('Spotify - US');
    await settle();
    expect(applied).toEqual(['Uber - ES']);
  });

  it('applies nothing that answers after the view is gone', async () => {
    const answer = later<string>();
    const applied: string[] = [];
    const { unmount } = renderHook(() =>
      useAsyncEffect(
        () => answer.promise,
        (value) => applied.push(value),
        [],
      ),
    );
    unmount();
    answer.resolve('Spotify - US');
    await settle();
    expect(applied).toEqual([]);
  });

  it('runs the clean-up tied to the signal when the deps change and when the view goes', () => {
    const events: string[] = [];
    const { rerender, unmount } = renderHook(
      ({ tab }: { tab: number }) =>
        useAsyncEffect(
          (signal) => {
            events.push(`listen ${tab}`);
            signal.addEventListener('abort', () => events.push(`stop ${tab}`));
            return undefined;
          },
          () => undefined,
          [tab],
        ),
      { initialProps: { tab: 1 } },
    );
    rerender({ tab: 1 });
    rerender({ tab: 2 });
    unmount();
    expect(events).toEqual(['listen 1', 'stop 1', 'listen 2', 'stop 2']);
  });

  it('keeps what is shown when the work fails', async () => {
    const answer = later<string>();
    const applied: string[] = [];
    renderHook(() =>
      useAsyncEffect(
        () => answer.promise,
        (value) => applied.push(value),
        [],
      ),
    );
    answer.reject(new Error('IndexedDB is closing'));
    await settle();
    expect(applied).toEqual([]);
  });
});
