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
  const [hasOwnKey, setHasOwnKey] = useState(false);
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
    leave(): void {
      // Asked first: the popup closes once the settings tab opens.
      void sendMessage('leaveDemo', {}).catch(() => undefined);
      if (!hasOwnKey) void browser.runtime.openOptionsPage();
    },
  };
}
