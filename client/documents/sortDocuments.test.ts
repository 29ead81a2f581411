import { describe, expect, it } from 'vitest';
import type { DocumentSummaryDto } from '../../shared/api.js';
import { sortDocuments } from './sortDocuments.js';

const doc = (id: string, updatedAt: string, title = id): DocumentSummaryDto => ({
  id,
  title,
  status: 'draft',
  role: 'owner',
  createdAt: updatedAt,
  updatedAt,
  owner: { username: 'a', displayName: 'A' },
  progress: null,
  suggestOnly: false,
});

describe('sortDocuments', () => {
  it('puts the most recently changed document first', () => {
    const sorted = sortDocuments([doc('old', '2026-01-01T00:00:00Z'), doc('new', '2026-03-01T00:00:00.000Z'), doc('mid', '2026-02-01T08:00:00+08:00')]);
    expect(sorted.map((d) => d.id)).toEqual(['new', 'mid', 'old']);
  });
  it('does not change the list it was given', () => {
    const list = [doc('a', '2026-01-01T00:00:00Z'), doc('b', '2026-02-01T00:00:00Z')];
    sortDocuments(list);
    expect(list.map((d) => d.id)).toEqual(['a', 'b']);
  });
});
