import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredMessage } from './components/CenteredMessage.js';
import { DocumentListPage } from './pages/DocumentListPage.js';
import { LoginPage } from './pages/LoginPage.js';
import { NotificationsProvider } from './notifications/NotificationsProvider.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { navigate, useLocation } from './router/navigation.js';
import { afterLoginPath, loginPath, matchRoute } from './router/routes.js';
import { useSession } from './session/sessionContext.js';

// The editor (Tiptap, Yjs) is most of the code: load it when a document is opened.
const EditorPage = lazy(() => import('./pages/EditorPage.js').then((module) => ({ default: module.EditorPage })));

export function App() {
  const { t } = useTranslation();
  const { state, reload } = useSession();
  const { pathname, search } = useLocation();
  const route = matchRoute(pathname);

  // Signed-out users go to the sign-in page; signed-in users never see it.
  const redirect =
    state.status === 'signedOut' && route.name !== 'login'
      ? loginPath(pathname + search)
      : state.status === 'signedIn' && route.name === 'login'
        ? afterLoginPath(search)
        : null;
  useEffect(() => {
    if (redirect) navigate(redirect, { replace: true });
  }, [redirect]);

  if (state.status === 'loading' || redirect) return <CenteredMessage busy>{t('app.loading')}</CenteredMessage>;
  if (state.status === 'error') {
    return (
      <CenteredMessage>
        <p>{t('errors.network')}</p>
        <button type="button" className="button" onClick={reload}>
          {t('common.retry')}
        </button>
      </CenteredMessage>
    );
  }

  if (route.name === 'login' || state.status !== 'signedIn') return <LoginPage />;
  return (
    // Above the pages, so that the bell keeps its count from page to page.
    <NotificationsProvider key={state.user.id} userId={state.user.id}>
      {route.name === 'documents' ? (
        <DocumentListPage />
      ) : route.name === 'editor' ? (
        <Suspense fallback={<CenteredMessage busy>{t('app.loading')}</CenteredMessage>}>
          <EditorPage key={route.documentId} documentId={route.documentId} />
        </Suspense>
      ) : (
        <NotFoundPage />
      )}
    </NotificationsProvider>
  );
}
