// Knows who is signed in: asks /api/me once, and forgets the user on any 401,
// together with the service worker's copies of their API answers.
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { UserDto } from '../../shared/api.js';
import { fetchMe, logout } from '../http/authApi.js';
import { setUnauthorizedHandler } from '../http/request.js';
import { currentPath, navigate } from '../router/navigation.js';
import { loginPath } from '../router/routes.js';
import { forgetCachedApi } from '../sw/forgetCachedApi.js';
import { SessionContext, type Session, type SessionState } from './sessionContext.js';

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let cancelled = false;
    fetchMe().then(
      (user) => !cancelled && setState(user ? { status: 'signedIn', user } : { status: 'signedOut' }),
      () => !cancelled && setState({ status: 'error' }),
    );
    return () => {
      cancelled = true;
    };
  }, [attempt]);

  useEffect(() => {
    setUnauthorizedHandler(() => {
      void forgetCachedApi();
      setState({ status: 'signedOut' });
      if (location.pathname !== '/login') navigate(loginPath(currentPath()), { replace: true });
    });
    return () => setUnauthorizedHandler(() => {});
  }, []);

  const signedIn = useCallback((user: UserDto) => setState({ status: 'signedIn', user }), []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } catch {
      // Signed out here even if the server could not be told; the next request will say.
    } finally {
      await forgetCachedApi();
      setState({ status: 'signedOut' });
      navigate('/login');
    }
  }, []);

  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const session = useMemo<Session>(() => ({ state, signedIn, signOut, reload }), [state, signedIn, signOut, reload]);
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}
