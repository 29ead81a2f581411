// The storage contract's group for the update log and versions: appends and
// loads, compaction (and setting aside what a snapshot cannot hold), who wrote
// what, versions sealing pending authors and deletions, and the freeze of an
// approved document. describeStorageContract (storageContract.ts) runs it
// against each store.
import { beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DocumentFrozenError } from './DocumentStore.js';
import type { Storage } from './Storage.js';
import { documentRecord, replay, textUpdate, uniq, user } from './storageContractFixtures.js';

/** The update log and versions, against the store current() returns for each test. */
export function describeLogContracts(current: () => Storage): void {
  let storage: Storage;
  beforeEach(() => {
    storage = current();
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
}
