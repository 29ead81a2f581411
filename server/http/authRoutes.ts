import { Router } from 'express';
import { Authenticator } from '../auth/Authenticator.js';
import { type AccountService, userDto } from '../auth/AccountService.js';
import { loginBody, parseBody, registerBody } from './validation.js';
import { clearSessionCookie, currentUser, requireUser, setSessionCookie } from './session.js';

export function authRoutes(accounts: AccountService, authenticator: Authenticator, secureCookies: boolean): Router {
  const router = Router();

  router.post('/api/auth/register', async (req, res) => {
    const body = parseBody(registerBody, req.body);
    const user = await accounts.register(body.username, body.password, body.displayName || body.username);
    const session = await authenticator.startSession(user.id);
    setSessionCookie(res, session.token, session.expiresAt, secureCookies);
    res.status(201).json({ user: userDto(user) });
  });

  router.post('/api/auth/login', async (req, res) => {
    const body = parseBody(loginBody, req.body);
    const user = await accounts.login(body.username, body.password);
    const session = await authenticator.startSession(user.id);
    setSessionCookie(res, session.token, session.expiresAt, secureCookies);
    res.json({ user: userDto(user), token: session.token });
  });

  router.post('/api/auth/logout', requireUser(authenticator), async (req, res) => {
    const token = Authenticator.tokenOf(req);
    if (token) await authenticator.endSession(token);
    clearSessionCookie(res, secureCookies);
    res.status(204).end();
  });

  router.get('/api/me', requireUser(authenticator), (_req, res) => {
    res.json({ user: userDto(currentUser(res)) });
  });

  return router;
}
