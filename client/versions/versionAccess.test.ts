import { describe, expect, it } from 'vitest';
import { canRestoreVersion, canSaveVersion } from './versionAccess.js';

describe('version access', () => {
  it('lets owners and editors save versions, and nobody else', () => {
    expect(canSaveVersion('owner')).toBe(true);
    expect(canSaveVersion('editor')).toBe(true);
    expect(canSaveVersion('commenter')).toBe(false);
    expect(canSaveVersion('viewer')).toBe(false);
  });

  it('lets owners and editors restore, except once the document is approved', () => {
    expect(canRestoreVersion('editor', 'in_review')).toBe(true);
    expect(canRestoreVersion('owner', 'approved')).toBe(false);
    expect(canRestoreVersion('viewer', 'draft')).toBe(false);
  });
});
