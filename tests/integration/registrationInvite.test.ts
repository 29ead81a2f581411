// Registration by invitation: the first account is the administrator, then only invited people get in.
import { describe, expect, it } from 'vitest';
import { api, newUser } from '../helpers/api.js';
import { startTestServer } from '../helpers/testServer.js';

describe('registration by invitation', () => {
  it('lets the first account in as administrator, then only people with a valid invitation', async () => {
    const closed = await startTestServer({ REGISTRATION: 'invite' });
    try {
      expect((await api(closed.url, 'GET', '/api/auth/registration')).body).toEqual({ mode: 'invite', firstAccount: true });
      const admin = await newUser(closed.url, '管理员');
      expect((await api(closed.url, 'GET', '/api/me', { token: admin.token })).body.user.isAdmin).toBe(true);
      expect((await api(closed.url, 'GET', '/api/auth/registration')).body).toEqual({ mode: 'invite', firstAccount: false });
      const refused = await api(closed.url, 'POST', '/api/auth/register', { body: { username: 'uninvited', password: 'long-enough-1' } });
      expect([refused.status, refused.body.error.code]).toEqual([403, 'registration_closed']);
      const invite = await api(closed.url, 'POST', '/api/invites', { token: admin.token });
      expect(invite.status).toBe(201);
      const joined = await api(closed.url, 'POST', '/api/auth/register', {
        body: { username: 'invited', password: 'long-enough-1', inviteCode: invite.body.code },
      });
      expect(joined.status).toBe(201);
      expect(joined.body.user.isAdmin).toBe(false);
      const reused = await api(closed.url, 'POST', '/api/auth/register', {
        body: { username: 'invited2', password: 'long-enough-1', inviteCode: invite.body.code },
      });
      expect([reused.status, reused.body.error.code]).toEqual([400, 'invalid_invite']);
      const list = await api(closed.url, 'GET', '/api/invites', { token: admin.token });
      expect(list.body.find((i: { code: string }) => i.code === invite.body.code)?.usedBy).toBe('invited');
      const login = await api(closed.url, 'POST', '/api/auth/login', { body: { username: 'invited', password: 'long-enough-1' } });
      expect((await api(closed.url, 'POST', '/api/invites', { token: login.body.token })).status).toBe(403);
    } finally {
      await closed.stop();
    }
  });
});
