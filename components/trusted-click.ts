/**
 * Wraps a click handler that opens a tab or window so that it runs only for a real click by
 * the publisher (a page script's synthetic `.click()` has isTrusted false), and at most once a
 * second: a store page's scripts can reach the badge, and must not be able to open tabs.
 */
export function trustedClick<E extends Event>(action: (event: E) => void, intervalMs = 1000): (event: E) => void {
  let last = Number.NEGATIVE_INFINITY;
  return (event) => {
    const now = performance.now();
    if (!event.isTrusted || now - last < intervalMs) {
      event.preventDefault();
      return;
    }
    last = now;
    action(event);
  };
}
