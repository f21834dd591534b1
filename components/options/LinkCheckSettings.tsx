import { t } from '../../lib/i18n';
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
          {t('optionsLinkChecksAllowed')}{' '}
          <button type="button" class="btn" onClick={permission.revoke}>
            {t('optionsRevoke')}
          </button>
        </p>
      )}
      {permission.allowed === false && (
        <p>
          {t('optionsLinkChecksNotAllowed')}{' '}
          <button type="button" class="btn" onClick={permission.allow}>
            {t('optionsAllowLinkChecks')}
          </button>
        </p>
      )}
    </div>
  );
}
