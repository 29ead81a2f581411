import { createContext, useContext } from 'react';
import type { UserDto } from '../../shared/api.js';

export type SessionState = { status: 'loading' } | { status: 'error' } | { status: 'signedOut' } | { status: 'signedIn'; user: UserDto };

export interface Session {
  state: SessionState;
  /** Records the user the server just signed in. */
  signedIn(user: UserDto): void;
  signOut(): Promise<void>;
  /** Asks the server again after a failed first check. */
  reload(): void;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only for pages that are shown to signed-in users. */
export function useCurrentUser(): UserDto {
  const { state } = useSession();
  if (state.status !== 'signedIn') throw new Error('useCurrentUser without a signed-in user');
  return state.user;
}
