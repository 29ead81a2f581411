// Room: who may only suggest (修订), and what becomes of their changes: taken
// when they only add or withdraw their own suggestions (waiting while they
// build on one not applied yet), refused (acknowledged, told, not stored)
// otherwise; editors switching with suggestOnly and the document's status.
import { Transform } from '@tiptap/pm/transform';
import { initProseMirrorDoc, updateYFragment } from '@tiptap/y-tiptap';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { BODY_FRAGMENT, schema } from '../../shared/schema.js';
import { encodeUpdate } from './protocol.js';
import { paragraphUpdate, setupRoom } from './roomTestFixtures.js';
import { insertMark } from './suggestionTestFixtures.js';

/** A client holding a copy of the room's document, whose edits (as the editor's binding writes them) are returned as updates. */
function clientOf(doc: Y.Doc) {
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(doc));
  const fragment = client.getXmlFragment(BODY_FRAGMENT);
  return (edit: (tr: Transform) => void): Uint8Array => {
    const before = Y.encodeStateVector(client);
    const { doc: pm, meta } = initProseMirrorDoc(fragment, schema);
    const tr = new Transform(pm);
    edit(tr);
    client.transact(() => updateYFragment(client, fragment, tr.doc, meta));
    return Y.encodeStateAsUpdate(client, before);
  };
}

/** Inserts `text` at the end of the first paragraph, with `marks`. */
const typeAtEnd =
  (text: string, marks = [] as ReturnType<typeof insertMark>[]) =>
  (tr: Transform) => {
    const end = tr.doc.firstChild!.nodeSize - 1;
    tr.insert(end, schema.text(text, marks));
  };

async function seeded() {
  vi.useFakeTimers();
  const fixture = setupRoom();
  const owner = fixture.join('owner', 'owner');
  fixture.room.receive(owner.connection, encodeUpdate(paragraphUpdate('开头的文字')));
  await fixture.store.commit();
  return { ...fixture, owner };
}

const refused = (socket: { events: { type: string }[] }) => socket.events.filter((e) => e.type === 'refused').length;

describe('Room: suggest-only connections', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("takes a commenter's suggestion, and one built on it while it is still being stored once it is applied", async () => {
    const { store, room, join } = await seeded();
    const c = join('commenter', 'carol');
    const edit = clientOf(room.doc);
    room.receive(c.connection, encodeUpdate(edit(typeAtEnd('甲', [insertMark('carol', 'c1')]))));
    room.receive(c.connection, encodeUpdate(edit(typeAtEnd('乙', [insertMark('carol', 'c2')]))));
    await store.commit();
    await store.commit();
    expect(room.body.toString()).toMatch(/开头的文字<[^>]*id="c1">甲<.*id="c2">乙</);
    expect(c.socket.acks.at(-1)).toBe(2);
    expect(refused(c.socket)).toBe(0);
  });

  it("refuses a commenter's plain edit: acknowledged, told to them only, neither stored nor relayed", async () => {
    const { store, room, join, owner } = await seeded();
    const c = join('commenter', 'carol');
    const sentToOwner = owner.socket.updates.length;
    room.receive(c.connection, encodeUpdate(clientOf(room.doc)(typeAtEnd('直接改'))));
    expect(store.pendingCount).toBe(0);
    await store.commit();
    expect(c.socket.acks).toEqual([1]);
    expect(c.socket.events).toEqual([{ type: 'refused', reason: expect.any(String) }]);
    expect(refused(owner.socket)).toBe(0);
    expect(owner.socket.updates.length).toBe(sentToOwner);
    expect(room.body.toString()).not.toContain('直接改');
    expect(c.socket.closeCode).toBeNull();
  });

  it('has an editor suggest under suggestOnly and in review, and edit otherwise; the owner edits throughout', async () => {
    const { store, room, join, owner } = await seeded();
    const e = join('editor', 'erin');
    const write = async (who: typeof e, text: string) => {
      room.receive(who.connection, encodeUpdate(paragraphUpdate(text)));
      await store.commit();
      return room.body.toString().includes(text);
    };
    expect(room.bodyAccess(e.connection)).toBe('edit');
    expect(await write(e, '草稿')).toBe(true);
    room.setSuggestOnly(true);
    expect(room.bodyAccess(e.connection)).toBe('suggest');
    expect(await write(e, '只能建议时')).toBe(false);
    expect(await write(owner, '所有者')).toBe(true);
    room.setSuggestOnly(false);
    expect(await write(e, '又能改')).toBe(true);
    room.setStatus('in_review');
    expect(await write(e, '审议中')).toBe(false);
    expect(await write(owner, '所有者审议中')).toBe(true);
    expect(refused(e.socket)).toBe(2);
    room.setStatus('approved');
    expect(room.bodyAccess(owner.connection)).toBe('read');
  });
});
