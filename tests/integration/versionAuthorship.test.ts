// Versions with real clients: changes are stored in the name of who wrote them,
// whoever forwards them.
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { contentText } from '../helpers/api.js';
import { appendParagraph, saved, synced, until } from '../helpers/collabClient.js';
import { editor, open, owner, sharedDocument, srv, useVersionsServer } from './versionsServer.js';

useVersionsServer();

describe('versions', () => {
  it("never stores changes written in another member's name, and keeps the forwarder connected", async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    await synced(a);
    appendParagraph(a, '张丽的字');
    await saved(a);
    // a forged update that reuses alice's client id, sent by bob
    const forged = new Y.Doc();
    Y.applyUpdate(forged, Y.encodeStateAsUpdate(a.doc));
    // taken after loading alice's changes, so Yjs does not pick another id for the forger
    forged.clientID = a.doc.clientID;
    const before = Y.encodeStateVector(forged);
    const p = new Y.XmlElement('paragraph');
    p.insert(0, [new Y.XmlText('冒名的字')]);
    forged.getXmlFragment('default').insert(0, [p]);
    const bob = open(id, editor);
    await synced(bob);
    Y.applyUpdate(bob.doc, Y.encodeStateAsUpdate(forged, before));
    await saved(bob);
    appendParagraph(bob, '王明自己的字');
    await saved(bob);
    expect(bob.closeCodes).toEqual([]);
    const text = await contentText(srv.url, owner, id);
    expect(text).not.toContain('冒名的字');
    expect(text).toContain('王明自己的字');
    // alice goes on writing under her client id: nothing of hers was taken
    appendParagraph(a, '张丽接着写');
    await saved(a);
    expect(await contentText(srv.url, owner, id)).toContain('张丽接着写');
  });

  it("takes a reopened local copy that carries everyone's changes without refusing anyone", async () => {
    const id = await sharedDocument();
    const a = open(id, owner);
    const b = open(id, editor);
    await Promise.all([synced(a), synced(b)]);
    appendParagraph(a, '甲的段落');
    appendParagraph(b, '乙的段落');
    await Promise.all([saved(a), saved(b)]);
    await until(() => a.fragment.toString().includes('乙的段落'), "bob's paragraph at alice");
    // alice's copy (as IndexedDB keeps it), loaded into a live provider after it connected: the
    // whole state goes out as one update, bob's structs included
    const copy = Y.encodeStateAsUpdate(a.doc);
    const again = open(id, owner);
    await synced(again);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, copy);
    replay.getXmlFragment('default').insert(0, [new Y.XmlElement('paragraph')]);
    Y.applyUpdate(again.doc, Y.encodeStateAsUpdate(replay));
    await saved(again);
    appendParagraph(b, '乙又写了');
    await saved(b);
    expect(again.closeCodes).toEqual([]);
    expect(b.closeCodes).toEqual([]);
    expect(await contentText(srv.url, owner, id)).toContain('乙又写了');
  });
});
