// One contract suite for every Storage implementation and every path a change
// takes in production: SQLite on disk (through the edit journal, as every
// keystroke goes), SQLite in memory (a commit per append), PostgreSQL (group
// commit). Each implementation's test file calls describeStorageContract.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentFrozenError } from './DocumentStore.js';
import type { Storage } from './Storage.js';
import { DuplicateKeyError, InvalidInviteError, type DocumentRecord, type UserRecord } from './records.js';

let counter = 0;
const uniq = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

function user(overrides: Partial<UserRecord> = {}): UserRecord {
  return { id: uniq('u'), username: uniq('name_'), displayName: '张丽', passwordHash: 'hash', isAdmin: false, createdAt: 1000, ...overrides };
}

function documentRecord(ownerId: string, overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return { id: uniq('d'), title: '2026年工作总结', status: 'draft', ownerId, template: 'blank', createdAt: 2000, updatedAt: 2000, ...overrides };
}

function textUpdate(text: string, base?: Y.Doc): { doc: Y.Doc; update: Uint8Array } {
  const doc = base ?? new Y.Doc();
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return { doc, update: Y.encodeStateAsUpdate(doc, before) };
}

function replay(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}

export function describeStorageContract(name: string, open: () => Promise<Storage>): void {
  describe(`Storage contract: ${name}`, () => {
    let storage: Storage;
    beforeEach(async () => {
      storage = await open();
    });
    afterEach(async () => {
      await storage.close();
    });

    describe('accounts', () => {
      it('creates a user and finds it by id and by username, ignoring case', async () => {
        const u = user({ username: uniq('Alice_') });
        await storage.accounts.createUser(u);
        expect(await storage.accounts.findUserById(u.id)).toEqual(u);
        expect(await storage.accounts.findUserByUsername(u.username.toUpperCase())).toEqual(u);
        expect(await storage.accounts.findUserByUsername('nobody-here')).toBeNull();
      });

      it('refuses a second user with the same username in another case', async () => {
        const u = user();
        await storage.accounts.createUser(u);
        await expect(storage.accounts.createUser(user({ username: u.username.toUpperCase() }))).rejects.toBeInstanceOf(DuplicateKeyError);
      });

      it('creates a user with an invitation once, and refuses it used, expired or unknown', async () => {
        const admin = user({ isAdmin: true });
        await storage.accounts.createUser(admin);
        const code = uniq('invite');
        await storage.accounts.createInvite({ code, createdBy: admin.id, createdAt: 100, expiresAt: 1_000, usedBy: null });
        const invited = user();
        await storage.accounts.createUserWithInvite(invited, code, 500);
        expect((await storage.accounts.findUserById(invited.id))?.username).toBe(invited.username);
        expect((await storage.accounts.listInvites(500)).find((i) => i.code === code)?.usedBy).toBe(invited.username);
        const again = user();
        await expect(storage.accounts.createUserWithInvite(again, code, 600)).rejects.toBeInstanceOf(InvalidInviteError);
        expect(await storage.accounts.findUserById(again.id)).toBeNull();
        const late = uniq('invite');
        await storage.accounts.createInvite({ code: late, createdBy: admin.id, createdAt: 100, expiresAt: 1_000, usedBy: null });
        await expect(storage.accounts.createUserWithInvite(user(), late, 2_000)).rejects.toBeInstanceOf(InvalidInviteError);
        await expect(storage.accounts.createUserWithInvite(user(), 'no-such-code', 500)).rejects.toBeInstanceOf(InvalidInviteError);
        expect((await storage.accounts.listInvites(2_000)).some((i) => i.code === late)).toBe(false);
      });

      it('finds the user of a live session and not of an expired or deleted one', async () => {
        const u = user();
        await storage.accounts.createUser(u);
        await storage.accounts.createSession('live', u.id, 0, 10_000);
        await storage.accounts.createSession('old', u.id, 0, 5_000);
        expect((await storage.accounts.findSessionUser('live', 6_000))?.id).toBe(u.id);
        expect(await storage.accounts.findSessionUser('old', 6_000)).toBeNull();
        expect(await storage.accounts.deleteExpiredSessions(6_000)).toBeGreaterThanOrEqual(1);
        await storage.accounts.deleteSession('live');
        expect(await storage.accounts.findSessionUser('live', 6_000)).toBeNull();
      });
    });

    describe('document records', () => {
      it('creates a document with its owner and its seeded content in one step', async () => {
        const owner = user();
        await storage.accounts.createUser(owner);
        const record = documentRecord(owner.id);
        const { update } = textUpdate('骨架');
        await storage.records.createDocument(record, update);
        expect(await storage.records.getDocument(record.id)).toEqual(record);
        expect(await storage.records.getRole(record.id, owner.id)).toBe('owner');
        const stored = await storage.documents.load(record.id);
        expect(replay(stored.updates)).toBe('骨架');
      });

      it('lists every document but deleted ones, for the data check', async () => {
        const owner = user();
        await storage.accounts.createUser(owner);
        const kept = documentRecord(owner.id);
        const gone = documentRecord(owner.id);
        await storage.records.createDocument(kept, textUpdate('留').update);
        await storage.records.createDocument(gone, textUpdate('删').update);
        await storage.records.deleteDocument(gone.id, Date.now());
        const ids = (await storage.records.listAllDocuments()).map((d) => d.id);
        expect(ids).toContain(kept.id);
        expect(ids).not.toContain(gone.id);
      });

      it("lists a member's documents with their role, newest change first, and hides deleted ones", async () => {
        const owner = user();
        const editor = user();
        await storage.accounts.createUser(owner);
        await storage.accounts.createUser(editor);
        const older = documentRecord(owner.id, { updatedAt: 1 });
        const newer = documentRecord(owner.id, { updatedAt: 2 });
        const gone = documentRecord(owner.id);
        for (const r of [older, newer, gone]) await storage.records.createDocument(r, textUpdate('x').update);
        await storage.records.setMember(older.id, editor.id, 'editor', 3);
        await storage.records.setMember(newer.id, editor.id, 'viewer', 3);
        await storage.records.setMember(gone.id, editor.id, 'editor', 3);
        await storage.records.deleteDocument(gone.id, 4);
        const list = await storage.records.listDocumentsForUser(editor.id);
        expect(list.map((d) => [d.id, d.role])).toEqual([
          [newer.id, 'viewer'],
          [older.id, 'editor'],
        ]);
        expect(list[0].ownerUsername).toBe(owner.username);
        expect(await storage.records.getDocument(gone.id)).toBeNull();
        expect(await storage.records.getRole(gone.id, editor.id)).toBeNull();
      });

      it('changes and removes members, renames and sets the status', async () => {
        const owner = user();
        const other = user();
        await storage.accounts.createUser(owner);
        await storage.accounts.createUser(other);
        const record = documentRecord(owner.id);
        await storage.records.createDocument(record, textUpdate('x').update);
        await storage.records.setMember(record.id, other.id, 'commenter', 5);
        await storage.records.setMember(record.id, other.id, 'editor', 6);
        expect((await storage.records.listMembers(record.id)).map((m) => [m.user.id, m.role])).toEqual([
          [owner.id, 'owner'],
          [other.id, 'editor'],
        ]);
        await storage.records.removeMember(record.id, other.id);
        expect(await storage.records.getRole(record.id, other.id)).toBeNull();
        await storage.records.renameDocument(record.id, '新标题', 7);
        await storage.records.setStatus(record.id, 'in_review', 8);
        const after = await storage.records.getDocument(record.id);
        expect([after?.title, after?.status, after?.updatedAt]).toEqual(['新标题', 'in_review', 8]);
        await storage.records.setListedOwner(record.id, other.id);
        expect((await storage.records.getDocument(record.id))?.ownerId).toBe(other.id);
      });
    });

    describe('comments and notifications', () => {
      async function documentWithOwner(): Promise<{ documentId: string; owner: UserRecord; other: UserRecord }> {
        const owner = user();
        const other = user();
        await storage.accounts.createUser(owner);
        await storage.accounts.createUser(other);
        const record = documentRecord(owner.id);
        await storage.records.createDocument(record, textUpdate('x').update);
        return { documentId: record.id, owner, other };
      }

      it('keeps threads with their replies in order, resolution and updated quotes', async () => {
        const { documentId, owner, other } = await documentWithOwner();
        const base = { documentId, authorId: owner.id, resolvedAt: null, resolvedBy: null, anchor: { start: { a: 1 }, end: { b: 2 } }, anchorOffset: 3 };
        await storage.comments.createThread({ ...base, id: 't1', body: '请补充数据', quote: '服务发展', createdAt: 1 });
        await storage.comments.createThread({ ...base, id: 't2', body: '第二条', quote: '联络联谊', createdAt: 2 });
        await storage.comments.addReply({ id: 'r2', threadId: 't1', authorId: other.id, body: '好的', createdAt: 4 });
        await storage.comments.addReply({ id: 'r1', threadId: 't1', authorId: other.id, body: '已补充', createdAt: 3 });
        await storage.comments.setResolved('t1', 5, other.id);
        await storage.comments.updateAnchors(new Map([['t2', { quote: '联络联谊更广泛', anchor: { start: 'x', end: 'y' }, anchorOffset: 9 }]]));
        const threads = await storage.comments.listThreads(documentId);
        expect(threads.map((t) => [t.id, t.quote, t.resolvedBy, t.replies.map((r) => r.body)])).toEqual([
          ['t1', '服务发展', other.id, ['已补充', '好的']],
          ['t2', '联络联谊更广泛', null, []],
        ]);
        expect((await storage.comments.getThread(documentId, 't1'))?.replies).toHaveLength(2);
        expect(threads[0]).toMatchObject({ anchor: { start: { a: 1 }, end: { b: 2 } }, anchorOffset: 3 });
        expect(threads[1]).toMatchObject({ anchor: { start: 'x', end: 'y' }, anchorOffset: 9 });
        expect(await storage.comments.getThread(documentId, 'nope')).toBeNull();
        expect(await storage.comments.getThread('other-document', 't1')).toBeNull();
        await storage.comments.setResolved('t1', null, null);
        expect((await storage.comments.getThread(documentId, 't1'))?.resolvedAt).toBeNull();
      });

      it('keeps notifications per user, newest first, with an unread count', async () => {
        const { documentId, owner, other } = await documentWithOwner();
        const n = (id: string, createdAt: number) => ({
          id,
          userId: other.id,
          documentId,
          threadId: 't',
          commentId: 't',
          actorId: owner.id,
          excerpt: '@x 看看',
          createdAt,
          readAt: null,
        });
        await storage.comments.addNotifications([n('n1', 1), n('n2', 2), n('n3', 3)]);
        expect((await storage.comments.listNotifications(other.id, 10)).map((x) => x.id)).toEqual(['n3', 'n2', 'n1']);
        expect(await storage.comments.unreadCount(other.id)).toBe(3);
        expect(await storage.comments.unreadCount(owner.id)).toBe(0);
        await storage.comments.markRead(other.id, ['n2'], 9);
        expect(await storage.comments.unreadCount(other.id)).toBe(2);
        await storage.comments.markRead(owner.id, 'all', 9);
        expect(await storage.comments.unreadCount(other.id)).toBe(2);
        await storage.comments.markRead(other.id, 'all', 10);
        expect(await storage.comments.unreadCount(other.id)).toBe(0);
      });
    });

    describe('update log', () => {
      async function seededDocument(): Promise<{ id: string; doc: Y.Doc }> {
        const owner = user();
        await storage.accounts.createUser(owner);
        const record = documentRecord(owner.id);
        const seeded = textUpdate('一');
        await storage.records.createDocument(record, seeded.update);
        return { id: record.id, doc: seeded.doc };
      }

      it('appends in order and loads everything back, with increasing sequence numbers', async () => {
        const { id, doc } = await seededDocument();
        await storage.documents.append(id, [{ update: textUpdate('二', doc).update, userId: null }]);
        const s1 = (await storage.documents.load(id)).lastSeq;
        await storage.documents.append(id, [
          { update: textUpdate('三', doc).update, userId: null },
          { update: textUpdate('四', doc).update, userId: null },
        ]);
        const stored = await storage.documents.load(id);
        expect(stored.lastSeq).toBeGreaterThan(s1);
        expect(replay(stored.updates)).toBe('一二三四');
        expect(await storage.documents.count(id)).toBe(4);
      });

      it('commits appends made together, each resolving once stored', async () => {
        const { id, doc } = await seededDocument();
        const updates = Array.from({ length: 50 }, (_, i) => textUpdate(String(i % 10), doc).update);
        await Promise.all(updates.map((update) => storage.documents.append(id, [{ update, userId: null }])));
        expect(replay((await storage.documents.load(id)).updates)).toBe(doc.getText('t').toString());
      });

      it('compacts the entries up to a sequence number into one, keeping later ones', async () => {
        const { id, doc } = await seededDocument();
        await storage.documents.append(id, [{ update: textUpdate('二', doc).update, userId: null }]);
        const through = (await storage.documents.load(id)).lastSeq;
        const snapshot = Y.encodeStateAsUpdate(doc);
        const later = textUpdate('三', doc).update;
        await storage.documents.append(id, [{ update: later, userId: null }]);
        await storage.documents.compact(id, snapshot, through);
        const stored = await storage.documents.load(id);
        expect(stored.updates).toHaveLength(2);
        expect(replay(stored.updates)).toBe('一二三');
        // appends after a compaction still sort after the snapshot
        await storage.documents.append(id, [{ update: textUpdate('四', doc).update, userId: null }]);
        expect(replay((await storage.documents.load(id)).updates)).toBe('一二三四');
      });

      it('refuses a compaction whose snapshot lacks stored changes, keeping the log as it was', async () => {
        const { id, doc } = await seededDocument();
        await storage.documents.append(id, [{ update: textUpdate('二', doc).update, userId: null }]);
        const before = await storage.documents.load(id);
        const stale = new Y.Doc();
        Y.applyUpdate(stale, before.updates[0]);
        await expect(storage.documents.compact(id, Y.encodeStateAsUpdate(stale), before.lastSeq)).rejects.toThrow(/lacks stored changes/);
        expect(await storage.documents.load(id)).toEqual(before);
      });

      it('sets aside, when asked, the entries a snapshot cannot hold (unreadable, never integrable), in the same step, and keeps them', async () => {
        const { id, doc } = await seededDocument();
        const good = textUpdate('二', doc).update;
        const garbage = Uint8Array.from([1, 1, 200, 1, 0, 77, 77, 77]);
        await storage.documents.append(id, [
          { update: garbage, userId: null },
          { update: good, userId: null },
        ]);
        const before = await storage.documents.load(id);
        const live = new Y.Doc();
        for (const update of before.updates) {
          try {
            Y.applyUpdate(live, update);
          } catch {
            /* unreadable: skipped, as a room does */
          }
        }
        const snapshot = Y.encodeStateAsUpdate(live);
        await expect(storage.documents.compact(id, snapshot, before.lastSeq)).rejects.toMatchObject({ uncovered: [{ reason: 'unreadable' }] });
        expect(await storage.documents.load(id)).toEqual(before);
        const setAside = await storage.documents.compact(id, snapshot, before.lastSeq, { setAside: true });
        expect(setAside.map((e) => e.reason)).toEqual(['unreadable']);
        const after = await storage.documents.load(id);
        expect(after.updates).toHaveLength(1);
        expect(replay(after.updates)).toBe(live.getText('t').toString());
        expect(live.getText('t').toString()).toContain('二');
        const kept = await storage.documents.quarantined(id);
        expect(kept).toHaveLength(1);
        expect(kept[0]).toMatchObject({ seq: setAside[0].seq, reason: 'unreadable', userId: null });
        expect(Buffer.from(kept[0].update)).toEqual(Buffer.from(garbage));
      });

      it('records who wrote what with each append: client ids, pending authors and deletions', async () => {
        const { id, doc } = await seededDocument();
        const writer = user();
        await storage.accounts.createUser(writer);
        const deletes = Y.encodeSnapshot(Y.createSnapshot(Y.decodeUpdate(textUpdate('二', doc).update).ds, new Map()));
        await storage.documents.append(id, [
          { update: textUpdate('三', doc).update, userId: writer.id, attribution: { clients: [doc.clientID], deletes } },
          { update: textUpdate('四', doc).update, userId: null },
        ]);
        expect(await storage.versions.pendingAuthors(id)).toEqual([writer.id]);
        expect((await storage.versions.clientAuthors(id)).get(doc.clientID)).toBe(writer.id);
        expect([...(await storage.versions.deletionsBetween(id, 0, null)).keys()]).toEqual([writer.id]);
      });

      it('counts a writer as a pending author again when they write after a version sealed their earlier changes', async () => {
        const { id, doc } = await seededDocument();
        const writer = user();
        await storage.accounts.createUser(writer);
        const write = (text: string) =>
          storage.documents.append(id, [{ update: textUpdate(text, doc).update, userId: writer.id, attribution: { clients: [doc.clientID], deletes: null } }]);
        await write('二');
        await write('三');
        const base = { documentId: id, state: Y.encodeStateAsUpdate(doc), json: '{"type":"doc"}', html: '<p></p>', text: '' };
        const first = await storage.versions.createVersion({ ...base, id: uniq('v'), kind: 'auto', name: null, createdAt: 10, createdBy: null });
        expect(first.authors).toEqual([writer.id]);
        expect(await storage.versions.pendingAuthors(id)).toEqual([]);
        await write('四');
        expect(await storage.versions.pendingAuthors(id)).toEqual([writer.id]);
        const second = await storage.versions.createVersion({ ...base, id: uniq('v'), kind: 'auto', name: null, createdAt: 20, createdBy: null });
        expect(second.authors).toEqual([writer.id]);
        expect((await storage.versions.clientAuthors(id)).get(doc.clientID)).toBe(writer.id);
      });

      it('seals the pending authors and deletions into a new version, and lists versions newest first with paging', async () => {
        const { id, doc } = await seededDocument();
        const writer = user();
        await storage.accounts.createUser(writer);
        const ds = Y.createDeleteSet();
        ds.clients.set(doc.clientID, [{ clock: 0, len: 1 } as never]);
        await storage.documents.append(id, [
          {
            update: textUpdate('二', doc).update,
            userId: writer.id,
            attribution: { clients: [doc.clientID], deletes: Y.encodeSnapshot(Y.createSnapshot(ds, new Map())) },
          },
        ]);
        const state = Y.encodeStateAsUpdate(doc);
        const base = { documentId: id, state, json: '{"type":"doc"}', html: '<p></p>', text: '一二' };
        const first = await storage.versions.createVersion({ ...base, id: uniq('v'), kind: 'named', name: '初稿', createdAt: 10, createdBy: writer.id });
        expect(first.authors).toEqual([writer.id]);
        expect(await storage.versions.pendingAuthors(id)).toEqual([]);
        expect([...(await storage.versions.deletionsBetween(id, 0, 10)).keys()]).toEqual([writer.id]);
        expect((await storage.versions.deletionsBetween(id, 10, null)).size).toBe(0);
        const second = await storage.versions.createVersion({ ...base, id: uniq('v'), kind: 'auto', name: null, createdAt: 20, createdBy: null });
        expect(second.authors).toEqual([]);
        const third = await storage.versions.createVersion({ ...base, id: uniq('v'), kind: 'auto', name: null, createdAt: 20, createdBy: null });
        const all = await storage.versions.listVersions(id, { limit: 10 });
        expect(all.map((v) => v.id)).toEqual([third.id, second.id, first.id]);
        expect((await storage.versions.listVersions(id, { limit: 2 })).map((v) => v.id)).toEqual([third.id, second.id]);
        expect((await storage.versions.listVersions(id, { limit: 2, before: second.id })).map((v) => v.id)).toEqual([first.id]);
        const stored = await storage.versions.getVersion(id, first.id);
        expect(stored).toMatchObject({ name: '初稿', kind: 'named', text: '一二', html: '<p></p>', json: '{"type":"doc"}', createdBy: writer.id });
        expect(stored?.state).toEqual(state);
        expect(await storage.versions.getVersion(id, 'no-such-version')).toBeNull();
        expect((await storage.versions.latestVersion(id, 'auto'))?.id).toBe(third.id);
        expect((await storage.versions.latestVersion(id, 'named'))?.id).toBe(first.id);
        expect(await storage.versions.latestVersion(id, 'approved')).toBeNull();
        expect(await storage.versions.getVersion('other-document', first.id)).toBeNull();
      });

      it('loads the entries after a sequence number, a later snapshot included', async () => {
        const { id, doc } = await seededDocument();
        await storage.documents.append(id, [{ update: textUpdate('二', doc).update, userId: null }]);
        const first = (await storage.documents.load(id)).lastSeq;
        await storage.documents.append(id, [{ update: textUpdate('三', doc).update, userId: null }]);
        const second = (await storage.documents.load(id)).lastSeq;
        const since = await storage.documents.loadSince(id, first);
        expect(since.lastSeq).toBe(second);
        expect(since.updates).toHaveLength(1);
        expect(await storage.documents.loadSince(id, second)).toEqual({ updates: [], lastSeq: second });
        await storage.documents.compact(id, Y.encodeStateAsUpdate(doc), second);
        expect(replay((await storage.documents.loadSince(id, first)).updates)).toBe('一二三');
      });

      it('refuses appends to an approved document, in the same transaction, and takes them again once reopened', async () => {
        const { id, doc } = await seededDocument();
        await storage.records.setStatus(id, 'approved', 5);
        await expect(storage.documents.append(id, [{ update: textUpdate('二', doc).update, userId: null }])).rejects.toBeInstanceOf(DocumentFrozenError);
        expect(await storage.documents.count(id)).toBe(1);
        await storage.records.setStatus(id, 'draft', 6);
        await storage.documents.append(id, [{ update: textUpdate('三', doc).update, userId: null }]);
        expect(await storage.documents.count(id)).toBe(2);
      });

      it('loads an empty log for an unknown document', async () => {
        expect(await storage.documents.load('no-such-document')).toEqual({ updates: [], lastSeq: 0 });
      });
    });
  });
}
