import { describe, expect, it } from 'vitest';
import { ROLES } from './api.js';
import { canDelete, canEditBody, canManageMembers, canRename } from './access.js';

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
});
