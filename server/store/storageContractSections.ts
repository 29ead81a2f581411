// The storage contract for sections' assignments (分工), run against every store (storageContract.ts).
import { describe, expect, it } from 'vitest';
import type { Storage } from './Storage.js';
import { documentRecord, textUpdate, user } from './storageContractFixtures.js';

export function describeSectionContracts(storage: () => Storage): void {
  describe('sections', () => {
    async function document(): Promise<{ documentId: string; ownerId: string; otherId: string }> {
      const owner = user();
      const other = user();
      await storage().accounts.createUser(owner);
      await storage().accounts.createUser(other);
      const record = documentRecord(owner.id);
      await storage().records.createDocument(record, textUpdate('x').update);
      return { documentId: record.id, ownerId: owner.id, otherId: other.id };
    }

    it('creates a record on the first change and keeps the fields a later change leaves out', async () => {
      const { documentId, ownerId, otherId } = await document();
      const first = await storage().sections.update(documentId, 's1', { assigneeIds: [otherId], due: '2026-12-20', title: '一、更主动', at: 1, by: ownerId });
      expect(first.before).toBeNull();
      expect(first.after).toMatchObject({ assigneeIds: [otherId], status: 'todo', due: '2026-12-20', title: '一、更主动', removedAt: null });
      const second = await storage().sections.update(documentId, 's1', { status: 'drafting', title: '一、更主动地', at: 2, by: otherId });
      expect(second.before).toMatchObject({ assigneeIds: [otherId], status: 'todo' });
      expect(second.after).toMatchObject({ assigneeIds: [otherId], status: 'drafting', due: '2026-12-20', title: '一、更主动地', updatedBy: otherId });
      await storage().sections.update(documentId, 's1', { due: null, title: '一、更主动地', at: 3, by: ownerId });
      const [stored] = await storage().sections.list(documentId);
      expect(stored).toMatchObject({ sectionId: 's1', assigneeIds: [otherId], status: 'drafting', due: null, updatedAt: 3 });
    });

    it('keeps changes of different fields made at the same time', async () => {
      const { documentId, ownerId, otherId } = await document();
      await Promise.all([
        storage().sections.update(documentId, 's1', { assigneeIds: [otherId, ownerId], title: 't', at: 1, by: ownerId }),
        storage().sections.update(documentId, 's1', { status: 'review', title: 't', at: 1, by: otherId }),
        storage().sections.update(documentId, 's1', { due: '2027-01-05', title: 't', at: 1, by: ownerId }),
      ]);
      const [stored] = await storage().sections.list(documentId);
      expect(stored).toMatchObject({ assigneeIds: [otherId, ownerId], status: 'review', due: '2027-01-05' });
    });

    it('marks records removed when their heading is gone, back when it returns, and remembers titles', async () => {
      const { documentId, ownerId } = await document();
      for (const id of ['s1', 's2']) await storage().sections.update(documentId, id, { status: 'drafting', title: id, at: 1, by: ownerId });
      expect(await storage().sections.setPresent(documentId, new Map([['s1', '一、新标题']]), 5)).toBe(true);
      let records = new Map((await storage().sections.list(documentId)).map((r) => [r.sectionId, r]));
      expect(records.get('s1')).toMatchObject({ removedAt: null, title: '一、新标题' });
      expect(records.get('s2')).toMatchObject({ removedAt: 5, title: 's2' });
      expect(await storage().sections.setPresent(documentId, new Map([['s1', '一、新标题']]), 6)).toBe(false);
      expect(
        await storage().sections.setPresent(
          documentId,
          new Map([
            ['s1', '一、新标题'],
            ['s2', '二、回来了'],
          ]),
          7,
        ),
      ).toBe(true);
      records = new Map((await storage().sections.list(documentId)).map((r) => [r.sectionId, r]));
      expect(records.get('s2')).toMatchObject({ removedAt: null, title: '二、回来了' });
    });

    it('counts progress of assigned or started sections still in the document', async () => {
      const a = await document();
      const b = await document();
      const c = await document();
      const put = (doc: { documentId: string; ownerId: string }, id: string, change: object) =>
        storage().sections.update(doc.documentId, id, { title: id, at: 1, by: doc.ownerId, ...change });
      await put(a, 'done', { assigneeIds: [a.otherId], status: 'done', due: '2026-01-01' });
      await put(a, 'late', { assigneeIds: [a.otherId], due: '2026-12-01' });
      await put(a, 'later', { assigneeIds: [a.otherId], due: '2026-12-31' });
      await put(a, 'started', { status: 'drafting' });
      await put(a, 'untouched', { due: '2026-01-01' });
      await put(a, 'gone', { assigneeIds: [a.otherId], due: '2026-01-01' });
      await storage().sections.setPresent(a.documentId, new Map(['done', 'late', 'later', 'started', 'untouched'].map((id) => [id, id])), 2);
      await put(b, 'x', { assigneeIds: [] });
      const progress = await storage().sections.progress([a.documentId, b.documentId, c.documentId], '2026-12-07');
      expect(progress.get(a.documentId)).toEqual({ total: 4, done: 1, overdue: 1 });
      expect(progress.has(b.documentId)).toBe(false);
      expect(progress.has(c.documentId)).toBe(false);
      expect((await storage().sections.progress([], '2026-12-07')).size).toBe(0);
    });
  });
}
