import { t } from '../lib/i18n';
import type { SubIdStatus } from '../lib/tracking-link';

interface Props {
  status: SubIdStatus;
  subId: string;
  /** The offer's accepted sub IDs (its include list). */
  accepted: string[];
}

/** Said before the publisher copies a link the offer will not pay for. */
export function SubIdWarning({ status, subId, accepted }: Props) {
  const text = subIdWarning(status, subId, accepted);
  if (!text) return null;
  return (
    <p class="banner warn" role="alert">
      ⚠ {text}
    </p>
  );
}

/** The warning's words, or null when the sub ID is fine (also for views that draw it themselves). */
export function subIdWarning(status: SubIdStatus, subId: string, accepted: string[]): string | null {
  if (status === 'ok') return null;
  const list = accepted.slice(0, 5).join(', ');
  if (status === 'excluded') return t('offersSubIdExcluded', { subId });
  return subId ? t('offersSubIdNotAccepted', { subId, list }) : t('offersSubIdMissing', { list });
}
