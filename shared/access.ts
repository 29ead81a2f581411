// Who may do what, decided in one place for the server and the UI alike.
import type { DocumentStatus, Role } from './api.js';

/**
 * What a member may do to the body now (修订, API.md "Suggestions"):
 * `edit` it directly, only `suggest` changes (add or withdraw their own
 * suggestions), or only `read` it. Owners edit until approval; editors edit,
 * but only suggest while the document is in review or the owner asks for
 * suggestions only (`suggestOnly`); commenters suggest; viewers read; an
 * approved document is read-only for all.
 */
export type BodyAccess = 'edit' | 'suggest' | 'read';

export function bodyAccess(role: Role, status: DocumentStatus, suggestOnly: boolean): BodyAccess {
  if (status === 'approved' || role === 'viewer') return 'read';
  if (role === 'owner') return 'edit';
  if (role === 'editor') return status === 'in_review' || suggestOnly ? 'suggest' : 'edit';
  return 'suggest';
}

/** Whether a member with this role may change the document body directly now (not only suggest). */
export function canEditBody(role: Role, status: DocumentStatus, suggestOnly = false): boolean {
  return bodyAccess(role, status, suggestOnly) === 'edit';
}

/** Only the owner turns 修订-only editing on and off (PUT /api/documents/:id/review). */
export function canSetReview(role: Role): boolean {
  return role === 'owner';
}

export function canRename(role: Role): boolean {
  return role === 'owner' || role === 'editor';
}

export function canManageMembers(role: Role): boolean {
  return role === 'owner';
}

export function canDelete(role: Role): boolean {
  return role === 'owner';
}

/** Owners and editors name versions, even of an approved document (it changes nothing). */
export function canSaveVersion(role: Role): boolean {
  return role === 'owner' || role === 'editor';
}

/** A restore is an edit of the body: allowed when editing directly is (not to one who may only suggest). */
export function canRestoreVersion(role: Role, status: DocumentStatus, suggestOnly = false): boolean {
  return canEditBody(role, status, suggestOnly);
}

/** 修订: owners and editors accept and reject suggestions. */
export function canReviewSuggestions(role: Role): boolean {
  return role === 'owner' || role === 'editor';
}

/** Owners, editors and commenters write comments; viewers read them. */
export function canComment(role: Role): boolean {
  return role === 'owner' || role === 'editor' || role === 'commenter';
}

/** Owners and editors submit a draft for review. */
export function canSubmit(role: Role): boolean {
  return role === 'owner' || role === 'editor';
}

/** Only owners approve a document and reopen it. */
export function canApprove(role: Role): boolean {
  return role === 'owner';
}

/** 分工: owners and editors assign sections and set due dates; sections go to members who may edit. */
export function canAssignSections(role: Role): boolean {
  return role === 'owner' || role === 'editor';
}

/** A section's status is set by the owner and by the section's assignees (while they may edit). */
export function canSetSectionStatus(role: Role, isAssignee: boolean): boolean {
  return role === 'owner' || (isAssignee && role === 'editor');
}
