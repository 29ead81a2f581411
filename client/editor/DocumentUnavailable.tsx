import { useTranslation } from 'react-i18next';
import { Header } from '../components/Header.js';
import { Link } from '../router/Link.js';

export type Unavailability = 'forbidden' | 'notFound';

/** In place of the editor when the user may not open the document, or it is gone. */
export function DocumentUnavailable({ reason }: { reason: Unavailability }) {
  const { t } = useTranslation();
  return (
    <div className="app-shell">
      <Header />
      <main className="centered-message" data-testid={reason === 'forbidden' ? 'access-denied' : 'document-not-found'}>
        <h1 className="centered-message__title">{reason === 'forbidden' ? t('editor.forbidden') : t('editor.notFound')}</h1>
        <p className="muted">{reason === 'forbidden' ? t('editor.forbiddenHint') : t('editor.notFoundHint')}</p>
        <Link to="/" className="button button--primary">
          {t('editor.backLink')}
        </Link>
      </main>
    </div>
  );
}
