// The signed-in account of a request, and the session cookie.
import type { NextFunction, Request, Response } from 'express';
import { Authenticator, SESSION_COOKIE } from '../auth/Authenticator.js';
import { unauthorized } from '../errors.js';
import type { UserRecord } from '../store/records.js';

export function requireUser(authenticator: Authenticator) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const user = await authenticator.userForToken(Authenticator.tokenOf(req));
    if (!user) throw unauthorized();
    res.locals.user = user;
    next();
  };
}

export function currentUser(res: Response): UserRecord {
  return res.locals.user as UserRecord;
}

export function setSessionCookie(res: Response, token: string, expiresAt: number, secure: boolean): void {
  res.cookie(SESSION_COOKIE, token, { httpOnly: true, sameSite: 'lax', secure, path: '/', expires: new Date(expiresAt) });
}

export function clearSessionCookie(res: Response, secure: boolean): void {
  res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure, path: '/' });
}
