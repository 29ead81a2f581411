// Test data for the storage contract suite (storageContract.ts): unique ids,
// user and document records, and a Y.Text change with its replay, so the
// contract's groups build the same kind of rows against every store.
import * as Y from 'yjs';
import type { DocumentRecord, UserRecord } from './records.js';

let counter = 0;
export const uniq = (prefix: string) => `${prefix}${Date.now().toString(36)}${(counter++).toString(36)}`;

export function user(overrides: Partial<UserRecord> = {}): UserRecord {
  return { id: uniq('u'), username: uniq('name_'), displayName: '张丽', passwordHash: 'hash', isAdmin: false, createdAt: 1000, ...overrides };
}

export function documentRecord(ownerId: string, overrides: Partial<DocumentRecord> = {}): DocumentRecord {
  return {
    id: uniq('d'),
    title: '2026年工作总结',
    status: 'draft',
    ownerId,
    template: 'blank',
    createdAt: 2000,
    updatedAt: 2000,
    suggestOnly: false,
    ...overrides,
  };
}

export function textUpdate(text: string, base?: Y.Doc): { doc: Y.Doc; update: Uint8Array } {
  const doc = base ?? new Y.Doc();
  const before = Y.encodeStateVector(doc);
  doc.getText('t').insert(doc.getText('t').length, text);
  return { doc, update: Y.encodeStateAsUpdate(doc, before) };
}

export function replay(updates: Uint8Array[]): string {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc.getText('t').toString();
}
