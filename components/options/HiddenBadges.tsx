import { t } from '../../lib/i18n';
import type { HiddenBadge } from '../../lib/store-page';

/** Settings → Hidden badges: the apps whose badge was hidden with ×, each with "Show again". */
export function HiddenBadges({ hidden, onShow }: { hidden: HiddenBadge[] | null; onShow(key: string): void }) {
  if (!hidden) return null;
  return (
    <div class="hidden-badges">
      <h3>{t('optionsHiddenBadgesHeading')}</h3>
      {hidden.length === 0 ? (
        <p class="muted">{t('optionsNoHiddenBadges')}</p>
      ) : (
        <ul>
          {hidden.map((badge) => (
            <li key={badge.key}>
              {badge.offerName} <span class="muted">· {badge.label}</span>{' '}
              <button type="button" class="btn link" onClick={() => onShow(badge.key)}>
                {t('optionsShowAgain')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
