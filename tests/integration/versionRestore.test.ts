// Restoring versions with real clients: while someone types, when nobody
// does, and telling everyone with the document open.
import { describe, expect, it } from 'vitest';
import type { VersionDto } from '../../shared/api.js';
import { api, contentText } from '../helpers/api.js';
import { appendParagraph, occurrences, saved, synced, until } from '../helpers/collabClient.js';
import { editor, named, open, owner, sharedDocument, srv, textContaining, useVersionsServer, viewer } from './versionsServer.js';

useVersionsServer();

describe('versions', () => {
  it('restores a version as an edit that keeps what another member types meanwhile', async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    const b = open(id, editor);
    await Promise.all([synced(a), synced(b)]);
    const v1 = await named(id, owner, '征求意见稿');
    const v1Text = (await api(srv.url, 'GET', `/api/documents/${id}/versions/${v1}`, { token: owner.token })).body.text;
    appendParagraph(a, '之后写的一段');
    await saved(a);
    await until(() => b.fragment.toString().includes('之后写的一段'), "a's paragraph at b");
    // b types on a train through a tunnel while the restore happens, and goes on typing after
    b.provider.disconnect();
    for (let i = 0; i < 5; i++) appendParagraph(b, `离线输入${i}`);
    const restored = await api(srv.url, 'POST', `/api/documents/${id}/versions/${v1}/restore`, { token: editor.token });
    expect(restored.status).toBe(200);
    expect(restored.body.name).toContain('征求意见稿');
    b.provider.connect();
    const typing = (async () => {
      for (let i = 0; i < 10; i++) {
        appendParagraph(b, `并发输入${i}`);
        await new Promise((r) => setTimeout(r, 3));
      }
    })();
    await typing;
    await Promise.all([saved(a), saved(b)]);
    await until(() => a.fragment.toString() === b.fragment.toString(), 'convergence');
    const text = await contentText(srv.url, owner, id);
    for (let i = 0; i < 5; i++) expect(occurrences(text, `离线输入${i}`)).toBe(1);
    for (let i = 0; i < 10; i++) expect(occurrences(text, `并发输入${i}`)).toBe(1);
    expect(text).not.toContain('之后写的一段');
    for (const line of v1Text.split('\n')) expect(text).toContain(line);
    // history kept: the state before the restore, and the restored one, are versions
    const names = (await api(srv.url, 'GET', `/api/documents/${id}/versions`, { token: owner.token })).body.map((v: { name: string | null }) => v.name);
    expect(names[0]).toContain('征求意见稿');
    expect(names).toContain('征求意见稿');
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  it('restores exactly when nobody else types', async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    await synced(a);
    const v1 = await named(id, owner, '原样');
    const v1Text = (await api(srv.url, 'GET', `/api/documents/${id}/versions/${v1}`, { token: owner.token })).body.text;
    textContaining(a, '一是围绕').insert(0, '改动');
    appendParagraph(a, '新的段落');
    await saved(a);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/versions/${v1}/restore`, { token: owner.token })).status).toBe(200);
    expect(await contentText(srv.url, owner, id)).toBe(v1Text);
    await until(() => !a.fragment.toString().includes('新的段落'), 'the restore at the connected client');
  });

  it('tells everyone with the document open who restored which version, and which version keeps what was replaced', async () => {
    const id = await sharedDocument();
    const v1 = await named(id, owner, '初稿');
    const a = open(id, editor);
    await synced(a);
    appendParagraph(a, '王明刚写的一段');
    await saved(a);
    expect((await api(srv.url, 'POST', `/api/documents/${id}/versions/${v1}/restore`, { token: owner.token })).status).toBe(200);
    await until(() => a.events.some((e) => e.type === 'restored'), 'the restore to be announced');
    const event = a.events.find((e) => e.type === 'restored');
    if (event?.type !== 'restored') throw new Error('no restore event');
    expect(event.by).toMatchObject({ username: owner.username, displayName: '张丽' });
    expect(event.version).toMatchObject({ id: v1, name: '初稿' });
    expect(event.backup?.kind).toBe('auto');
    expect(event.replayed).toBeUndefined();
    const versions = (await api(srv.url, 'GET', `/api/documents/${id}/versions`, { token: editor.token })).body as VersionDto[];
    // named in Chinese for the API, and what it brought back as data, for a UI in any language to word
    expect(versions.find((v) => v.id === event.id)).toMatchObject({
      name: '恢复到“初稿”',
      kind: 'named',
      restoredFrom: { id: v1, name: '初稿', kind: 'named' },
    });
    expect(versions.find((v) => v.id === v1)?.restoredFrom).toBeNull();
    // an editor who connects afterwards is told of the last restore again, marked as repeated (news only to one who was away)
    const late = open(id, viewer);
    try {
      await synced(late);
      await until(() => late.events.some((e) => e.type === 'restored'), 'the restore to be repeated');
      expect(late.events.find((e) => e.type === 'restored')).toMatchObject({ id: event.id, replayed: true, version: { id: v1 } });
    } finally {
      late.destroy();
    }
    const backup = (await api(srv.url, 'GET', `/api/documents/${id}/versions/${event.backup!.id}`, { token: editor.token })).body;
    expect(backup.text).toContain('王明刚写的一段');
    expect(await contentText(srv.url, owner, id)).not.toContain('王明刚写的一段');
    // restored again with nothing changed since: the last version already holds the text
    expect((await api(srv.url, 'POST', `/api/documents/${id}/versions/${v1}/restore`, { token: owner.token })).status).toBe(200);
    await until(() => a.events.filter((e) => e.type === 'restored').length === 2, 'the second restore to be announced');
    const second = a.events.filter((e) => e.type === 'restored').at(-1);
    expect(second?.type === 'restored' && second.backup?.name).toBe('恢复到“初稿”');
  });
});
