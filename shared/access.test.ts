import { describe, expect, it } from 'vitest';
import { ROLES } from './api.js';
import { canApprove, canComment, canDelete, canEditBody, canManageMembers, canRename, canRestoreVersion, canSaveVersion, canSubmit } from './access.js';

describe('access decisions', () => {
  it('lets only owners and editors change the body, and nobody once approved', () => {
    expect(ROLES.filter((r) => canEditBody(r, 'draft'))).toEqual(['owner', 'editor']);
    expect(ROLES.filter((r) => canEditBody(r, 'in_review'))).toEqual(['owner', 'editor']);
    expect(ROLES.filter((r) => canEditBody(r, 'approved'))).toEqual([]);
  });
  it('lets owners and editors rename, and only owners manage members and delete', () => {
    expect(ROLES.filter(canRename)).toEqual(['owner', 'editor']);
    expect(ROLES.filter(canManageMembers)).toEqual(['owner']);
    expect(ROLES.filter(canDelete)).toEqual(['owner']);
  });
  it('lets owners and editors save versions and submit, and restore unless approved', () => {
    expect(ROLES.filter(canSaveVersion)).toEqual(['owner', 'editor']);
    expect(ROLES.filter(canSubmit)).toEqual(['owner', 'editor']);
    expect(ROLES.filter((r) => canRestoreVersion(r, 'in_review'))).toEqual(['owner', 'editor']);
    expect(ROLES.filter((r) => canRestoreVersion(r, 'approved'))).toEqual([]);
  });
  it('lets only owners approve and reopen', () => {
    expect(ROLES.filter(canApprove)).toEqual(['owner']);
  });
  it('lets everyone but viewers comment', () => {
    expect(ROLES.filter(canComment)).toEqual(['owner', 'editor', 'commenter']);
  });
});
