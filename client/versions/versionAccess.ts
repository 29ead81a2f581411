// Who may save and restore versions. The server decides the same in
// VersionService; these belong in shared/access.ts beside the other rules.
import type { DocumentStatus, Role } from '../../shared/api.js';
import { canEditBody } from '../../shared/access.js';

/** Owners and editors name versions, even of an approved document (it changes nothing). */
export function canSaveVersion(role: Role): boolean {
  return role === 'owner' || role === 'editor';
}

/** A restore is an edit of the body: allowed when editing is. */
export function canRestoreVersion(role: Role, status: DocumentStatus): boolean {
  return canEditBody(role, status);
}
