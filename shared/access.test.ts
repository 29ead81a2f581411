import { describe, expect, it } from 'vitest';
import { ROLES } from './api.js';
import {
  bodyAccess,
  canApprove,
  canComment,
  canDelete,
  canEditBody,
  canManageMembers,
  canRename,
  canRestoreVersion,
  canSaveVersion,
  canSetReview,
  canSubmit,
} from './access.js';

describe('access decisions', () => {
  it('lets owners and editors change a draft directly, only owners one in review, and nobody once approved', () => {
    expect(ROLES.filter((r) => canEditBody(r, 'draft'))).toEqual(['owner', 'editor']);
    expect(ROLES.filter((r) => canEditBody(r, 'in_review'))).toEqual(['owner']);
    expect(ROLES.filter((r) => canEditBody(r, 'draft', true))).toEqual(['owner']);
    expect(ROLES.filter((r) => canEditBody(r, 'approved'))).toEqual([]);
  });
  it('has editors suggest in review and under suggestOnly, commenters always suggest, viewers read (修订)', () => {
    const access = (status: 'draft' | 'in_review' | 'approved', suggestOnly: boolean) => ROLES.map((r) => bodyAccess(r, status, suggestOnly));
    expect(access('draft', false)).toEqual(['edit', 'edit', 'suggest', 'read']);
    expect(access('draft', true)).toEqual(['edit', 'suggest', 'suggest', 'read']);
    expect(access('in_review', false)).toEqual(['edit', 'suggest', 'suggest', 'read']);
    expect(access('in_review', true)).toEqual(['edit', 'suggest', 'suggest', 'read']);
    expect(access('approved', false)).toEqual(['read', 'read', 'read', 'read']);
    expect(access('approved', true)).toEqual(['read', 'read', 'read', 'read']);
    expect(ROLES.filter(canSetReview)).toEqual(['owner']);
  });
  it('lets owners and editors rename, and only owners manage members and delete', () => {
    expect(ROLES.filter(canRename)).toEqual(['owner', 'editor']);
    expect(ROLES.filter(canManageMembers)).toEqual(['owner']);
    expect(ROLES.filter(canDelete)).toEqual(['owner']);
  });
  it('lets owners and editors save versions and submit, and restore while they may edit directly', () => {
    expect(ROLES.filter(canSaveVersion)).toEqual(['owner', 'editor']);
    expect(ROLES.filter(canSubmit)).toEqual(['owner', 'editor']);
    expect(ROLES.filter((r) => canRestoreVersion(r, 'draft'))).toEqual(['owner', 'editor']);
    expect(ROLES.filter((r) => canRestoreVersion(r, 'draft', true))).toEqual(['owner']);
    expect(ROLES.filter((r) => canRestoreVersion(r, 'in_review'))).toEqual(['owner']);
    expect(ROLES.filter((r) => canRestoreVersion(r, 'approved'))).toEqual([]);
  });
  it('lets only owners approve and reopen', () => {
    expect(ROLES.filter(canApprove)).toEqual(['owner']);
  });
  it('lets everyone but viewers comment', () => {
    expect(ROLES.filter(canComment)).toEqual(['owner', 'editor', 'commenter']);
  });
});
