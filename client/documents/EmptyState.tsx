import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';

/** What a first-time user sees instead of an empty table. */
export function EmptyState({ onCreate }: { onCreate: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="empty-state" data-testid="empty-state">
      <div className="empty-state__icon">
        <Icon name="document" size={40} />
      </div>
      <h2 className="empty-state__title">{t('list.emptyTitle')}</h2>
      <p className="empty-state__body">{t('list.emptyBody')}</p>
      <button type="button" className="button button--primary" onClick={onCreate}>
        <Icon name="plus" />
        {t('list.newDocument')}
      </button>
    </div>
  );
}
