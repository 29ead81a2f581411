import { describe, expect, it } from 'vitest';
import type { DocumentSummaryDto, SectionProgressDto } from '../../shared/api.js';
import { anyProgress, progressShare } from './documentProgress.js';

const doc = (progress: SectionProgressDto | null): DocumentSummaryDto => ({
  id: 'd',
  title: '工作总结',
  status: 'draft',
  role: 'owner',
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-01T00:00:00Z',
  owner: { username: 'a', displayName: 'A' },
  progress,
  suggestOnly: false,
});

describe('progressShare', () => {
  it('is the share of sections done', () => {
    expect(progressShare({ total: 5, done: 3, overdue: 0 })).toBe(0.6);
    expect(progressShare({ total: 4, done: 4, overdue: 0 })).toBe(1);
    expect(progressShare({ total: 0, done: 0, overdue: 0 })).toBe(0);
  });
});

describe('anyProgress', () => {
  it('is true only when some document has sections assigned', () => {
    expect(anyProgress([doc(null), doc(null)])).toBe(false);
    expect(anyProgress([doc(null), doc({ total: 0, done: 0, overdue: 0 })])).toBe(false);
    expect(anyProgress([doc(null), doc({ total: 5, done: 0, overdue: 1 })])).toBe(true);
    expect(anyProgress([])).toBe(false);
  });
});
