import { Router } from 'express';
import { Authenticator } from '../auth/Authenticator.js';
import { type AccountService, userDto } from '../auth/AccountService.js';
import { loginLimiter, registrationLimiter } from './rateLimits.js';
import { loginBody, parseBody, registerBody } from './validation.js';
import { clearSessionCookie, currentUser, requireUser, setSessionCookie } from './session.js';

export interface AuthRouteOptions {
  secureCookies: boolean;
  loginFailuresPer15Min: number;
  registrationsPerHour: number;
}

export function authRoutes(accounts: AccountService, authenticator: Authenticator, options: AuthRouteOptions): Router {
  const router = Router();
  const { secureCookies } = options;

  router.get('/api/auth/registration', async (_req, res) => {
    res.json(await accounts.registrationInfo());
  });

  router.post('/api/auth/register', registrationLimiter(options.registrationsPerHour), async (req, res) => {
    const body = parseBody(registerBody, req.body);
    const user = await accounts.register(body.username, body.password, body.displayName || body.username, body.inviteCode);
    const session = await authenticator.startSession(user.id);
    setSessionCookie(res, session.token, session.expiresAt, secureCookies);
    res.status(201).json({ user: userDto(user) });
  });

  router.post('/api/auth/login', loginLimiter(options.loginFailuresPer15Min), async (req, res) => {
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

  router.post('/api/invites', requireUser(authenticator), async (_req, res) => {
    res.status(201).json(await accounts.createInvite(currentUser(res)));
  });

  router.get('/api/invites', requireUser(authenticator), async (_req, res) => {
    res.json(await accounts.listInvites(currentUser(res)));
  });

  return router;
}
