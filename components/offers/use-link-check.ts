import { useState } from 'preact/hooks';
import { formatNumber, t } from '../../lib/i18n';
import type { LinkCheckAnswer, LinkCheckResult } from '../../lib/link-check';
import { sendMessage } from '../../lib/messaging/client';
import { askForLinkChecks } from '../link-check';

export type LinkCheckState =
  | { kind: 'idle' }
  | { kind: 'checking' }
  | { kind: 'refused' }
  | { kind: 'failed'; message: string }
  | { kind: 'done'; result: LinkCheckResult; note?: string };

/** "Check link" in the offer detail: the permissions asked in the click, then the background's check. */
export function useLinkCheck(offerId: string) {
  const [state, setState] = useState<LinkCheckState>({ kind: 'idle' });
  return {
    state,
    check(): void {
      // Asked inside the click (granted already: answered at once, no prompt).
      const allowed = askForLinkChecks();
      setState({ kind: 'checking' });
      void allowed.then(async (granted) => setState(granted ? await checkLink(offerId) : { kind: 'refused' }));
    },
  };
}

/** One check by the background (the permissions granted), its answer or failure as a state. */
export function checkLink(offerId: string): Promise<LinkCheckState> {
  return sendMessage('checkLink', { offerId }).then(stateOf, (error: unknown) => ({
    kind: 'failed' as const,
    message: error instanceof Error ? error.message : String(error),
  }));
}

export function stateOf(answer: LinkCheckAnswer): LinkCheckState {
  switch (answer.status) {
    case 'checked':
      return { kind: 'done', result: answer.result };
    case 'too-soon': {
      const seconds = formatNumber(Math.ceil(answer.retryInMs / 1000));
      return answer.last
        ? {
            kind: 'done',
            result: answer.last,
            note: t('offersLinkCheckRepeated', { seconds }),
          }
        : { kind: 'failed', message: t('offersLinkCheckTooSoon', { seconds }) };
    }
    case 'needs-permission':
      return { kind: 'refused' };
    case 'unknown-offer':
      return { kind: 'failed', message: t('offersLinkCheckUnknownOffer') };
  }
}
