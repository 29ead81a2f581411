// The storage contract's groups for accounts, document records, and comments
// with notifications: what every Storage must do with users, invitations,
// sessions, documents and their members, comment threads and notifications.
// describeStorageContract (storageContract.ts) runs them against each store.
import { beforeEach, describe, expect, it } from 'vitest';
import type { NotificationRecord } from './CommentStore.js';
import type { Storage } from './Storage.js';
import { DuplicateKeyError, InvalidInviteError, type UserRecord } from './records.js';
import { documentRecord, replay, textUpdate, uniq, user } from './storageContractFixtures.js';

/** Accounts, document records, comments and notifications, against the store current() returns for each test. */
export function describeRecordContracts(current: () => Storage): void {
  let storage: Storage;
  beforeEach(() => {
    storage = current();
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
      expect(after?.suggestOnly).toBe(false);
      await storage.records.setSuggestOnly(record.id, true, 9);
      expect(await storage.records.getDocument(record.id)).toMatchObject({ suggestOnly: true, updatedAt: 9, status: 'in_review' });
      expect((await storage.records.listDocumentsForUser(owner.id)).find((d) => d.id === record.id)?.suggestOnly).toBe(true);
      await storage.records.setSuggestOnly(record.id, false, 10);
      expect((await storage.records.getDocument(record.id))?.suggestOnly).toBe(false);
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
      const n = (id: string, createdAt: number): NotificationRecord => ({
        id,
        kind: 'mention',
        userId: other.id,
        documentId,
        threadId: 't',
        commentId: 't',
        sectionId: null,
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

    it('keeps an assignment notification with its section and no thread', async () => {
      const { documentId, owner, other } = await documentWithOwner();
      await storage.comments.addNotifications([
        {
          id: 'a1',
          kind: 'assigned',
          userId: other.id,
          documentId,
          threadId: null,
          commentId: null,
          sectionId: 's1',
          actorId: owner.id,
          excerpt: '二、参政议政更主动',
          createdAt: 5,
          readAt: null,
        },
      ]);
      const [stored] = await storage.comments.listNotifications(other.id, 10);
      expect(stored).toMatchObject({ id: 'a1', kind: 'assigned', threadId: null, commentId: null, sectionId: 's1', excerpt: '二、参政议政更主动' });
    });
  });
}
