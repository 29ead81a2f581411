// Hostile HTTP input against a real server: cross-site writes, markup in titles, password guessing.
import { describe, expect, it } from 'vitest';
import { api, newDocument, newUser } from '../helpers/api.js';
import { startTestServer } from '../helpers/testServer.js';
import { owner, srv, useHostileServer } from './hostileServer.js';

useHostileServer();

describe('hostile HTTP input', () => {
  it('refuses writes from another site, and sends security headers', async () => {
    const res = await api(srv.url, 'POST', '/api/documents', {
      token: owner.token,
      body: { title: 'x', template: 'blank' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('cross_origin');
    const page = await fetch(`${srv.url}/api/me`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it('keeps markup in titles as text: stored and returned exactly, never interpreted', async () => {
    const title = '<img src=x onerror=alert(1)>"\'&';
    const id = await newDocument(srv.url, owner, 'year-end-summary', title);
    const meta = await api(srv.url, 'GET', `/api/documents/${id}`, { token: owner.token });
    expect(meta.headers.get('content-type')).toMatch(/application\/json/);
    expect(meta.body.title).toBe(title);
    const content = await api(srv.url, 'GET', `/api/documents/${id}/content`, { token: owner.token });
    expect(content.body.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(content.body.html).not.toContain('<img');
  });

  it('slows down password guessing: failures for one account are limited, successes are not', async () => {
    const limited = await startTestServer({ LOGIN_FAILURES_PER_15_MIN: '3', REGISTRATIONS_PER_HOUR: '4' });
    try {
      const victim = await newUser(limited.url, '受害者');
      for (let i = 0; i < 3; i++) {
        expect((await api(limited.url, 'POST', '/api/auth/login', { body: { username: victim.username, password: 'guess-' + i } })).status).toBe(401);
      }
      const blocked = await api(limited.url, 'POST', '/api/auth/login', { body: { username: victim.username, password: victim.password } });
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('rate_limited');
      // another account from the same address is not affected
      const bystander = await newUser(limited.url, '旁人');
      for (let i = 0; i < 5; i++) {
        expect((await api(limited.url, 'POST', '/api/auth/login', { body: { username: bystander.username, password: bystander.password } })).status).toBe(200);
      }
      // registrations per address: two more are allowed (two were used above), then 429
      await newUser(limited.url);
      await newUser(limited.url);
      const tooMany = await api(limited.url, 'POST', '/api/auth/register', { body: { username: 'onemore', password: 'long-enough-1' } });
      expect(tooMany.status).toBe(429);
    } finally {
      await limited.stop();
    }
  });
});
