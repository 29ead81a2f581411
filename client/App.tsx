import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredMessage } from './components/CenteredMessage.js';
import { LazyPage } from './lazy/LazyPlaces.js';
import { DocumentListPagePart, EditorPagePart, LoginPagePart } from './lazy/parts.js';
import { NotificationsProvider } from './notifications/NotificationsProvider.js';
import { NotFoundPage } from './pages/NotFoundPage.js';
import { navigate, useLocation } from './router/navigation.js';
import { afterLoginPath, loginPath, matchRoute, type Route } from './router/routes.js';
import { useSession } from './session/sessionContext.js';

// Each page's code is loaded with its route (client/lazy/parts.ts): the list
// does not wait for Tiptap and Yjs, nor the sign-in page for either.
const pageOf: Record<Route['name'], { preload: () => void } | null> = {
  login: LoginPagePart,
  documents: DocumentListPagePart,
  editor: EditorPagePart,
  notFound: null,
};
// The page of the address opened is fetched at once, alongside the session
// (/api/me), not after it: the two requests do not wait for each other.
pageOf[matchRoute(window.location.pathname).name]?.preload();

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

  if (route.name === 'login' || state.status !== 'signedIn') {
    return (
      <LazyPage>
        <LoginPagePart.Component />
      </LazyPage>
    );
  }
  return (
    // Above the pages, so that the bell keeps its count from page to page.
    <NotificationsProvider key={state.user.id} userId={state.user.id}>
      {route.name === 'documents' ? (
        <LazyPage key="documents">
          <DocumentListPagePart.Component />
        </LazyPage>
      ) : route.name === 'editor' ? (
        // Keyed by document: another document is a new page (and a new chance to load it).
        <LazyPage key={`editor:${route.documentId}`}>
          <EditorPagePart.Component documentId={route.documentId} />
        </LazyPage>
      ) : (
        <NotFoundPage />
      )}
    </NotificationsProvider>
  );
}
