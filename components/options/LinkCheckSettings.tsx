import { useEffect, useState } from 'preact/hooks';
import { LINK_CHECK_WHY } from '../../lib/link-check/permissions';
import { askForLinkChecks, hasLinkChecks, revokeLinkChecks } from '../link-check';

/** Link checks' optional permissions: what they are for, and the way to give them back. */
export function LinkCheckSettings() {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  useEffect(() => {
    void hasLinkChecks().then(setAllowed);
  }, []);
  return (
    <div class="link-check-settings">
      <p class="muted">{LINK_CHECK_WHY}</p>
      {allowed === true && (
        <p>
          ✓ Link checks are allowed.{' '}
          <button
            type="button"
            class="btn"
            onClick={() => void revokeLinkChecks().then(() => hasLinkChecks().then(setAllowed))}
          >
            Revoke
          </button>
        </p>
      )}
      {allowed === false && (
        <p>
          Not allowed yet.{' '}
          <button type="button" class="btn" onClick={() => void askForLinkChecks().then(setAllowed)}>
            Allow link checks
          </button>
        </p>
      )}
    </div>
  );
}
