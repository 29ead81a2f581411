// Who may do what, decided in one place for the server and the UI alike.
import type { DocumentStatus, Role } from './api.js';

/** Whether a member with this role may change the document body now. */
export function canEditBody(role: Role, status: DocumentStatus): boolean {
  return (role === 'owner' || role === 'editor') && status !== 'approved';
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
