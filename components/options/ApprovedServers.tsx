import { t } from '../../lib/i18n';

interface Props {
  origins: { build: string | null; approved: string[] } | null;
  onRevoke(origin: string): void;
}

/** Where the key may be sent, and the way to take an approval back. */
export function ApprovedServers({ origins, onRevoke }: Props) {
  if (!origins) return null;
  const host = (origin: string) => new URL(origin).host;
  return (
    <div class="approved-servers">
      <h3>{t('optionsServersHeading')}</h3>
      <ul>
        {origins.build && (
          <li>
            {host(origins.build)} <span class="muted">{t('optionsBuiltInServer')}</span>
          </li>
        )}
        {origins.approved.map((origin) => (
          <li key={origin}>
            {host(origin)}{' '}
            <button
              type="button"
              class="btn link"
              onClick={() => onRevoke(origin)}
              aria-label={t('optionsRevokeServer', { host: host(origin) })}
            >
              {t('optionsRevoke')}
            </button>
          </li>
        ))}
      </ul>
      {origins.approved.length === 0 && <p class="muted">{t('optionsNoOtherServer')}</p>}
    </div>
  );
}
