import { describe, expect, it } from 'vitest';
import { bodyAccess } from '../../shared/access.js';
import { decideSuggestMode, readPreferredMode, writePreferredMode } from './suggestMode.js';

const decide = (role: Parameters<typeof bodyAccess>[0], status: Parameters<typeof bodyAccess>[1], suggestOnly: boolean, preferred: boolean) =>
  decideSuggestMode(bodyAccess(role, status, suggestOnly), role, status, preferred);

describe('decideSuggestMode', () => {
  it('lets an owner choose, in review and under suggestOnly too', () => {
    expect(decide('owner', 'draft', false, false)).toEqual({ suggesting: false, mayChoose: true, lock: null });
    expect(decide('owner', 'in_review', true, true)).toEqual({ suggesting: true, mayChoose: true, lock: null });
  });

  it('lets an editor choose while editing is open', () => {
    expect(decide('editor', 'draft', false, true)).toEqual({ suggesting: true, mayChoose: true, lock: null });
  });

  it('locks an editor in 修订 during review, and says why', () => {
    expect(decide('editor', 'in_review', false, false)).toEqual({ suggesting: true, mayChoose: false, lock: 'inReview' });
  });

  it('locks an editor in 修订 when the owner asks for suggestions only', () => {
    expect(decide('editor', 'draft', true, false)).toEqual({ suggesting: true, mayChoose: false, lock: 'suggestOnly' });
  });

  it('locks a commenter in 修订', () => {
    expect(decide('commenter', 'in_review', true, false)).toEqual({ suggesting: true, mayChoose: false, lock: 'commenter' });
  });

  it('leaves viewers and approved documents read-only', () => {
    expect(decide('viewer', 'draft', false, true)).toEqual({ suggesting: false, mayChoose: false, lock: null });
    expect(decide('owner', 'approved', false, true)).toEqual({ suggesting: false, mayChoose: false, lock: null });
  });
});

describe('preferred mode', () => {
  it('is remembered per document', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (key: string) => store.get(key) ?? null,
      setItem: (key: string, value: string) => void store.set(key, value),
      removeItem: (key: string) => void store.delete(key),
    };
    expect(readPreferredMode(storage, 'd1')).toBe(false);
    writePreferredMode(storage, 'd1', true);
    expect(readPreferredMode(storage, 'd1')).toBe(true);
    expect(readPreferredMode(storage, 'd2')).toBe(false);
    writePreferredMode(storage, 'd1', false);
    expect(readPreferredMode(storage, 'd1')).toBe(false);
  });

  it('falls back to 编辑 when storage throws', () => {
    const storage = {
      getItem: () => {
        throw new Error('denied');
      },
    };
    expect(readPreferredMode(storage, 'd1')).toBe(false);
    expect(readPreferredMode(undefined, 'd1')).toBe(false);
  });
});
