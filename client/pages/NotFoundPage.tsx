import { useTranslation } from 'react-i18next';
import { CenteredMessage } from '../components/CenteredMessage.js';
import { Link } from '../router/Link.js';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <CenteredMessage>
      <h1 className="centered-message__title">{t('app.pageNotFound')}</h1>
      <Link to="/" className="button">
        {t('editor.backLink')}
      </Link>
    </CenteredMessage>
  );
}
