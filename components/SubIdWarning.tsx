import type { SubIdStatus } from '../lib/tracking-link';

interface Props {
  status: SubIdStatus;
  subId: string;
  /** The offer's accepted sub IDs (its include list). */
  accepted: string[];
}

/** Said before the publisher copies a link the offer will not pay for. */
export function SubIdWarning({ status, subId, accepted }: Props) {
  if (status === 'ok') return null;
  const list = accepted.slice(0, 5).join(', ');
  const text =
    status === 'excluded'
      ? `This offer excludes your sub ID “${subId}”: its conversions will not be paid.`
      : subId
        ? `Your sub ID “${subId}” is not in this offer's list of accepted sub IDs (${list}).`
        : `This offer accepts only these sub IDs: ${list}. Set yours in the settings.`;
  return (
    <p class="banner warn" role="alert">
      ⚠ {text}
    </p>
  );
}
