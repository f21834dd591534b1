import { linkCheckWhy } from '../../lib/link-check/permissions';
import { useLinkCheckPermission } from './use-link-check-permission';

/** Link checks' optional permissions: what they are for, and the way to give them back. */
export function LinkCheckSettings() {
  const permission = useLinkCheckPermission();
  return (
    <div class="link-check-settings">
      <p class="muted">{linkCheckWhy()}</p>
      {permission.allowed === true && (
        <p>
          ✓ Link checks are allowed.{' '}
          <button type="button" class="btn" onClick={permission.revoke}>
            Revoke
          </button>
        </p>
      )}
      {permission.allowed === false && (
        <p>
          Not allowed yet.{' '}
          <button type="button" class="btn" onClick={permission.allow}>
            Allow link checks
          </button>
        </p>
      )}
    </div>
  );
}
