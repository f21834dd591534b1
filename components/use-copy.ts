import { useState } from 'preact/hooks';

export type CopyState = 'idle' | 'copied' | 'failed';

/** Copy a tracking link on the user's click, and remember how it went for the feedback. */
export function useCopy(onCopy: (link: string) => Promise<void>) {
  const [state, setState] = useState<CopyState>('idle');
  async function copy(link: string | null) {
    if (!link) return;
    try {
      await onCopy(link);
      setState('copied');
    } catch {
      setState('failed');
    }
  }
  return { state, copy, reset: () => setState('idle') };
}
