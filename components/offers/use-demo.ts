import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messaging/client';
import type { SnapshotSummary } from '../../lib/snapshot';
import { useAsyncEffect } from '../use-async-effect';

/**
 * The bundled demo world on show ("Try with demo data"), and the way back from it. Back goes to
 * the publisher's own offers; without a key of their own there are none, so it also opens the
 * settings, where they add one.
 */
export function useDemo(summary: SnapshotSummary | null | undefined) {
  const isDemo = summary?.source === 'demo';
  // Null until the background says: an early click goes back without opening the settings (the
  // empty state that follows has its own way there).
  const [hasOwnKey, setHasOwnKey] = useState<boolean | null>(null);
  useAsyncEffect(
    () =>
      isDemo
        ? sendMessage('listSources', {}).then(
            (sources) => sources.some((source) => source.hasKey),
            () => false,
          )
        : undefined,
    setHasOwnKey,
    [isDemo],
  );
  return {
    isDemo,
    /** Back also opens the settings: the publisher has no key of their own (known once the background said). */
    leadsToSettings: hasOwnKey === false,
    leave(): void {
      // Asked first: the popup closes once the settings tab opens.
      void sendMessage('leaveDemo', {}).catch(() => undefined);
      if (hasOwnKey === false) void browser.runtime.openOptionsPage();
    },
  };
}
