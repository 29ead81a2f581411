// The HTTP API of API.md against a real server: accounts, templates, documents, members, content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let srv: TestServer;
let alice: TestUser;
let bob: TestUser;
let carol: TestUser;

const expectError = (res: { status: number; body: any }, status: number, code?: string) => {
  expect(res.status).toBe(status);
  expect(typeof res.body?.error?.message).toBe('string');
  if (code) expect(res.body.error.code).toBe(code);
  else expect(typeof res.body?.error?.code).toBe('string');
};

beforeAll(async () => {
  srv = await startTestServer();
  [alice, bob, carol] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王明'), newUser(srv.url, '李红')]);
});

afterAll(async () => {
  await srv.stop();
});

describe('health', () => {
  it('answers {"ok": true}', async () => {
    expect(await api(srv.url, 'GET', '/healthz')).toMatchObject({ status: 200, body: { ok: true } });
  });
});

describe('accounts', () => {
  it('registers with a session cookie that is HttpOnly and SameSite, and signs in with a bearer token', async () => {
    const username = `reg${Date.now().toString(36)}`;
    const reg = await api(srv.url, 'POST', '/api/auth/register', { body: { username, password: 'long-enough-1', displayName: '新委员' } });
    expect(reg.status).toBe(201);
    expect(reg.body.user).toMatchObject({ username, displayName: '新委员' });
    expect(reg.body.user.passwordHash).toBeUndefined();
    const cookie = reg.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/yigao_session=/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const viaCookie = await api(srv.url, 'GET', '/api/me', { headers: { cookie: cookie.split(';')[0] } });
    expect(viaCookie.body.user.username).toBe(username);
    const login = await api(srv.url, 'POST', '/api/auth/login', { body: { username: username.toUpperCase(), password: 'long-enough-1' } });
    expect(login.status).toBe(200);
    expect((await api(srv.url, 'GET', '/api/me', { token: login.body.token })).body.user.username).toBe(username);
  });

  it('refuses a taken username, a short password and a malformed username with clear errors', async () => {
    expectError(await api(srv.url, 'POST', '/api/auth/register', { body: { username: alice.username, password: 'whatever-123' } }), 409, 'username_taken');
    const short = await api(srv.url, 'POST', '/api/auth/register', { body: { username: 'shortpw', password: '123' } });
    expectError(short, 400, 'invalid_input');
    expect(short.body.error.message).toMatch(/password/);
    expectError(await api(srv.url, 'POST', '/api/auth/register', { body: { username: 'a b<c>', password: 'whatever-123' } }), 400);
    expectError(await api(srv.url, 'POST', '/api/auth/register', { body: '{not json' }), 400, 'invalid_json');
  });

  it('refuses a wrong password and anonymous calls with the error shape', async () => {
    expectError(await api(srv.url, 'POST', '/api/auth/login', { body: { username: alice.username, password: 'wrong-password' } }), 401);
    expectError(await api(srv.url, 'POST', '/api/auth/login', { body: { username: 'nobody-at-all', password: 'wrong-password' } }), 401);
    expectError(await api(srv.url, 'GET', '/api/documents'), 401, 'unauthorized');
    expectError(await api(srv.url, 'GET', '/api/me', { token: 'forged-token' }), 401);
  });

  it('ends the session on logout', async () => {
    const user = await newUser(srv.url);
    expect((await api(srv.url, 'POST', '/api/auth/logout', { token: user.token })).status).toBe(204);
    expectError(await api(srv.url, 'GET', '/api/me', { token: user.token }), 401);
  });
});

describe('templates and documents', () => {
  it('lists the year-end summary and blank templates', async () => {
    const res = await api(srv.url, 'GET', '/api/templates', { token: alice.token });
    expect(res.body.map((t: { id: string }) => t.id)).toEqual(expect.arrayContaining(['year-end-summary', 'blank']));
    expect(res.body[0]).toEqual({ id: expect.any(String), name: expect.any(String), description: expect.any(String) });
  });

  it('creates a document the creator owns, lists it and renames it', async () => {
    const res = await api(srv.url, 'POST', '/api/documents', {
      token: alice.token,
      body: { title: '  2026年政协联工委工作总结 ', template: 'year-end-summary' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ title: '2026年政协联工委工作总结', status: 'draft', role: 'owner', owner: { username: alice.username } });
    const id = res.body.id;
    const meta = await api(srv.url, 'GET', `/api/documents/${id}`, { token: alice.token });
    expect(meta.body).toMatchObject({ id, role: 'owner', status: 'draft', createdAt: expect.any(String), updatedAt: expect.any(String) });
    const list = await api(srv.url, 'GET', '/api/documents', { token: alice.token });
    expect(list.body.find((d: { id: string }) => d.id === id)).toMatchObject({ title: '2026年政协联工委工作总结', role: 'owner', status: 'draft' });
    const renamed = await api(srv.url, 'PATCH', `/api/documents/${id}`, { token: alice.token, body: { title: '新标题' } });
    expect(renamed.body.title).toBe('新标题');
  });

  it('seeds the skeleton on the server: title, guidance, five sections with their leads', async () => {
    const id = await newDocument(srv.url, alice, 'year-end-summary', '菜花坪镇政协联工委2026年工作总结');
    const res = await api(srv.url, 'GET', `/api/documents/${id}/content`, { token: alice.token });
    expect(res.status).toBe(200);
    const { json, html, text } = res.body;
    expect(json.content[0]).toMatchObject({ type: 'heading', attrs: { level: 1, textAlign: 'center' } });
    expect(text.split('\n')[0]).toBe('菜花坪镇政协联工委2026年工作总结');
    expect(text).toContain('一、参政议政更主动');
    expect(text).toContain('五、委员活动更多样');
    expect(text.match(/一是/g)).toHaveLength(5);
    expect(html).toContain('<mark class="guidance">〔年份〕</mark>');
    expect(html).toContain('<strong>一是围绕中心工作建言献策。</strong>');
  });

  it('refuses bad titles, unknown templates and odd ids with 4xx, never 500', async () => {
    expectError(await api(srv.url, 'POST', '/api/documents', { token: alice.token, body: { title: 42, template: 'blank' } }), 400);
    expectError(await api(srv.url, 'POST', '/api/documents', { token: alice.token, body: { title: '   ', template: 'blank' } }), 400);
    expectError(await api(srv.url, 'POST', '/api/documents', { token: alice.token, body: { title: 'x'.repeat(201), template: 'blank' } }), 400);
    expectError(await api(srv.url, 'POST', '/api/documents', { token: alice.token, body: { title: 'x'.repeat(100000), template: 'blank' } }), 400);
    expectError(await api(srv.url, 'POST', '/api/documents', { token: alice.token, body: { title: 'x', template: 'nope' } }), 400, 'unknown_template');
    expectError(await api(srv.url, 'POST', '/api/documents', { token: alice.token, body: { title: 'a\u0000b', template: 'blank' } }), 400);
    for (const id of ['..%2F..%2Fetc%2Fpasswd', "'%20OR%201%3D1%20--", 'x'.repeat(5000), '%E0%A4%A']) {
      const res = await api(srv.url, 'GET', `/api/documents/${id}`, { token: alice.token });
      expect([400, 404]).toContain(res.status);
      expectError(res, res.status);
    }
    expectError(await api(srv.url, 'GET', '/api/no-such-endpoint', { token: alice.token }), 404);
  });

  it('lets only the owner delete, and a deleted document disappears for everyone', async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    expectError(await api(srv.url, 'DELETE', `/api/documents/${id}`, { token: bob.token }), 403);
    expect((await api(srv.url, 'DELETE', `/api/documents/${id}`, { token: alice.token })).status).toBe(204);
    expectError(await api(srv.url, 'GET', `/api/documents/${id}`, { token: bob.token }), 404);
    const list = await api(srv.url, 'GET', '/api/documents', { token: bob.token });
    expect(list.body.some((d: { id: string }) => d.id === id)).toBe(false);
  });
});

describe('members and roles', () => {
  it('lets the owner add, change and remove members, who see the document with their role', async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    await share(srv.url, alice, id, carol, 'viewer');
    const members = await api(srv.url, 'GET', `/api/documents/${id}/members`, { token: carol.token });
    expect(members.body.map((m: { user: { username: string }; role: string }) => [m.user.username, m.role])).toEqual([
      [alice.username, 'owner'],
      [bob.username, 'editor'],
      [carol.username, 'viewer'],
    ]);
    const carolList = await api(srv.url, 'GET', '/api/documents', { token: carol.token });
    expect(carolList.body.find((d: { id: string }) => d.id === id)?.role).toBe('viewer');
    await share(srv.url, alice, id, carol, 'commenter');
    expect((await api(srv.url, 'GET', `/api/documents/${id}`, { token: carol.token })).body.role).toBe('commenter');
    expect((await api(srv.url, 'DELETE', `/api/documents/${id}/members/${carol.username}`, { token: alice.token })).status).toBe(204);
    expectError(await api(srv.url, 'GET', `/api/documents/${id}`, { token: carol.token }), 403, 'not_a_member');
  });

  it('enforces roles: only the owner manages members, viewers cannot rename, non-members see nothing', async () => {
    const id = await newDocument(srv.url, alice);
    await share(srv.url, alice, id, bob, 'editor');
    await share(srv.url, alice, id, carol, 'viewer');
    expectError(await api(srv.url, 'PUT', `/api/documents/${id}/members/${carol.username}`, { token: bob.token, body: { role: 'editor' } }), 403);
    expectError(await api(srv.url, 'PATCH', `/api/documents/${id}`, { token: carol.token, body: { title: 'x' } }), 403);
    expect((await api(srv.url, 'PATCH', `/api/documents/${id}`, { token: bob.token, body: { title: '编辑改名' } })).status).toBe(200);
    const outsider = await newUser(srv.url);
    expectError(await api(srv.url, 'GET', `/api/documents/${id}/content`, { token: outsider.token }), 403);
    expectError(await api(srv.url, 'GET', `/api/documents/${id}/members`, { token: outsider.token }), 403);
  });

  it('refuses an unknown user or role, and never leaves a document without an owner', async () => {
    const id = await newDocument(srv.url, alice);
    expectError(await api(srv.url, 'PUT', `/api/documents/${id}/members/nobody-here`, { token: alice.token, body: { role: 'editor' } }), 404, 'user_not_found');
    expectError(await api(srv.url, 'PUT', `/api/documents/${id}/members/${bob.username}`, { token: alice.token, body: { role: 'admin' } }), 400);
    expectError(
      await api(srv.url, 'PUT', `/api/documents/${id}/members/${alice.username}`, { token: alice.token, body: { role: 'editor' } }),
      409,
      'last_owner',
    );
    expectError(await api(srv.url, 'DELETE', `/api/documents/${id}/members/${alice.username}`, { token: alice.token }), 409, 'last_owner');
    // with a second owner, the first may step down and the listed owner moves
    await share(srv.url, alice, id, bob, 'owner');
    expect((await api(srv.url, 'PUT', `/api/documents/${id}/members/${alice.username}`, { token: alice.token, body: { role: 'editor' } })).status).toBe(200);
    expect((await api(srv.url, 'GET', `/api/documents/${id}`, { token: bob.token })).body.owner.username).toBe(bob.username);
  });
});
