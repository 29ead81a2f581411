// Turns a request's cookie or bearer token into an account, for HTTP and for
// the WebSocket upgrade alike.
import type { IncomingMessage } from 'node:http';
import type { AccountStore } from '../store/AccountStore.js';
import type { UserRecord } from '../store/records.js';
import { hashToken, newSessionToken } from './tokens.js';

export const SESSION_COOKIE = 'yigao_session';

export class Authenticator {
  constructor(
    private readonly accounts: AccountStore,
    private readonly sessionTtlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Starts a session; the token is both the cookie value and the bearer token for scripts. */
  async startSession(userId: string): Promise<{ token: string; expiresAt: number }> {
    const token = newSessionToken();
    const at = this.now();
    const expiresAt = at + this.sessionTtlMs;
    await this.accounts.createSession(hashToken(token), userId, at, expiresAt);
    return { token, expiresAt };
  }

  async endSession(token: string): Promise<void> {
    await this.accounts.deleteSession(hashToken(token));
  }

  async userForToken(token: string | null): Promise<UserRecord | null> {
    if (!token || token.length > 200) return null;
    return this.accounts.findSessionUser(hashToken(token), this.now());
  }

  /** The session token of a request: `Authorization: Bearer`, then `?token=`, then the cookie. */
  static tokenOf(req: IncomingMessage, url?: URL): string | null {
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) return auth.slice(7).trim() || null;
    const fromQuery = url?.searchParams.get('token');
    if (fromQuery) return fromQuery;
    return readCookie(req.headers.cookie, SESSION_COOKIE);
  }
}

export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim()) || null;
      } catch {
        return null;
      }
    }
  }
  return null;
}
