import { useState } from 'preact/hooks';

export type CopyState = 'idle' | 'copied' | 'failed';

/**
 * Copy a tracking link on the publisher's click, and remember how it went for the feedback.
 * `copy` also answers whether it worked, for callers that say so in their own words.
 */
export function useCopy(onCopy: (link: string) => Promise<void>) {
  const [state, setState] = useState<CopyState>('idle');
  async function copy(link: string | null): Promise<boolean> {
    if (!link) return false;
    try {
      await onCopy(link);
      setState('copied');
      return true;
    } catch {
      setState('failed');
      return false;
    }
  }
  return { state, copy, reset: () => setState('idle') };
}
