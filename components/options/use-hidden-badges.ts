import { useState } from 'preact/hooks';
import { sendMessage } from '../../lib/messaging/client';
import type { HiddenBadge } from '../../lib/store-page';
import { useAsyncEffect } from '../use-async-effect';

/** Apps whose store-page badge the publisher hid, and the way to show one again. */
export function useHiddenBadges() {
  const [hidden, setHidden] = useState<HiddenBadge[] | null>(null);
  const [changes, setChanges] = useState(0);
  // biome-ignore lint/correctness/useExhaustiveDependencies: listed again after each change made here
  useAsyncEffect(() => sendMessage('hiddenBadges', {}), setHidden, [changes]);
  return {
    hidden,
    async showAgain(key: string) {
      await sendMessage('showBadgeAgain', { key });
      setChanges((n) => n + 1);
    },
  };
}
