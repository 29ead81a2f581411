// One command moves a SQLite deployment into PostgreSQL: accounts, documents
// with their logs, versions, comments and notifications come through.
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateSqliteToPostgres } from '../../server/store/migrateSqliteToPostgres.js';
import { api, contentText, newDocument, newUser, share } from '../helpers/api.js';
import { dropSchema, TEST_DATABASE_URL } from '../helpers/cluster.js';
import { appendParagraph, connect, saved, synced } from '../helpers/collabClient.js';
import { startTestServer } from '../helpers/testServer.js';
import { postgres, requires } from '../helpers/requirements.js';

const ready = requires(await postgres());

const schema = `yigao_test_mig${randomBytes(4).toString('hex')}`;

afterAll(async () => {
  await dropSchema(schema);
});

describe.skipIf(!ready)('moving a SQLite deployment into PostgreSQL', () => {
  it('keeps accounts, content, versions, comments and notifications, and goes on from there', async () => {
    const sqlite = await startTestServer();
    const owner = await newUser(sqlite.url, '张丽');
    const editor = await newUser(sqlite.url, '王明');
    const id = await newDocument(sqlite.url, owner);
    await share(sqlite.url, owner, id, editor, 'editor');
    const a = connect(sqlite.wsUrl, id, owner.token);
    await synced(a);
    appendParagraph(a, '迁移之前写的');
    await saved(a);
    await api(sqlite.url, 'POST', `/api/documents/${id}/versions`, { token: owner.token, body: { name: '初稿' } });
    await api(sqlite.url, 'POST', `/api/documents/${id}/comments`, { token: owner.token, body: { quote: '迁移之前写的', body: `@${editor.username} 请看` } });
    const textBefore = await contentText(sqlite.url, owner, id);
    a.destroy();
    // stop the SQLite server (keeping its data), then migrate its folder
    await sqlite.server.close();
    const report = await migrateSqliteToPostgres(sqlite.dataDir, TEST_DATABASE_URL, schema);
    expect(report.rows.users).toBe(2);
    expect(report.rows.versions).toBe(1);
    expect(report.rows.comment_threads).toBe(1);
    await expect(migrateSqliteToPostgres(sqlite.dataDir, TEST_DATABASE_URL, schema)).rejects.toThrow(/empty/);

    const postgres = await startTestServer({ DATABASE_URL: TEST_DATABASE_URL, DATABASE_SCHEMA: schema });
    try {
      const login = await api(postgres.url, 'POST', '/api/auth/login', { body: { username: owner.username, password: owner.password } });
      expect(login.status).toBe(200);
      const token = login.body.token;
      const me = { ...owner, token };
      expect(await contentText(postgres.url, me, id)).toBe(textBefore);
      const versions = (await api(postgres.url, 'GET', `/api/documents/${id}/versions`, { token })).body;
      expect(versions.map((v: { name: string }) => v.name)).toEqual(['初稿']);
      const threads = (await api(postgres.url, 'GET', `/api/documents/${id}/comments`, { token })).body;
      expect(threads[0]).toMatchObject({ quote: '迁移之前写的', orphaned: false });
      const editorLogin = await api(postgres.url, 'POST', '/api/auth/login', { body: { username: editor.username, password: editor.password } });
      expect((await api(postgres.url, 'GET', '/api/notifications', { token: editorLogin.body.token })).body.unread).toBe(1);
      // and editing goes on, after the migrated log
      const b = connect(postgres.wsUrl, id, token);
      await synced(b);
      appendParagraph(b, '迁移之后写的');
      await saved(b);
      const after = await contentText(postgres.url, me, id);
      expect(after).toContain('迁移之前写的');
      expect(after).toContain('迁移之后写的');
      b.destroy();
    } finally {
      await postgres.stop();
      await sqlite.stop().catch(() => undefined);
    }
  });
});
