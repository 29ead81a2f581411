// Who may open a document and do what in it, for the HTTP routes and the
// WebSocket endpoint alike: every access decision of the server is made here.
// The role rules themselves are in shared/access.ts, which the UI uses too.
import type { Role } from '../../shared/api.js';
import {
  canApprove,
  canAssignSections,
  canComment,
  canDelete,
  canManageMembers,
  canRename,
  canReviewSuggestions,
  canSaveVersion,
  canSetReview,
  canSubmit,
} from '../../shared/access.js';
import { CloseCode } from '../../shared/collab.js';
import { forbidden, notFound, type ApiError } from '../errors.js';
import { isValidId } from '../ids.js';
import type { DocumentRecordStore } from '../store/DocumentRecordStore.js';
import type { DocumentRecord } from '../store/records.js';

/** Why someone may not open a document. */
export type Refusal = 'not_found' | 'not_a_member';

/** How each refusal is told: to an HTTP caller, and on a WebSocket as a final close code. */
const REFUSALS: Record<Refusal, { http: () => ApiError; close: { code: number; reason: string } }> = {
  not_found: {
    http: () => notFound('document_not_found', 'No document with this id.'),
    close: { code: CloseCode.documentNotFound, reason: 'no such document' },
  },
  not_a_member: {
    http: () => forbidden('not_a_member', 'You are not a member of this document.'),
    close: { code: CloseCode.forbidden, reason: 'not a member of this document' },
  },
};

/** What members do through the API beyond reading, with the answer to one whose role does not allow it. */
const ACTIONS = {
  rename: { allowed: canRename, denied: 'Only the owner and editors can rename the document.' },
  delete: { allowed: canDelete, denied: 'Only the owner can delete the document.' },
  setMember: { allowed: canManageMembers, denied: 'Only the owner can change members.' },
  removeMember: { allowed: canManageMembers, denied: 'Only the owner can remove members.' },
  submit: { allowed: canSubmit, denied: 'Only the owner and editors can submit the document for review.' },
  approve: { allowed: canApprove, denied: 'Only the owner can approve the document.' },
  reopen: { allowed: canApprove, denied: 'Only the owner can reopen the document.' },
  comment: { allowed: canComment, denied: 'Viewers can read comments but not write them.' },
  resolveComment: { allowed: canComment, denied: 'Viewers can read comments but not resolve them.' },
  saveVersion: { allowed: canSaveVersion, denied: 'Only the owner and editors can save versions.' },
  restoreVersion: { allowed: canSaveVersion, denied: 'Only the owner and editors can restore versions.' },
  reviewSuggestions: { allowed: canReviewSuggestions, denied: 'Only the owner and editors can accept or reject suggestions.' },
  setReview: { allowed: canSetReview, denied: 'Only the owner can turn suggestions-only editing (修订) on or off.' },
  assignSections: { allowed: canAssignSections, denied: 'Only the owner and editors can assign sections and set due dates.' },
} satisfies Record<string, { allowed: (role: Role) => boolean; denied: string }>;

/** `read` is what every member may do: open, list, export, comment threads, versions. */
export type DocumentAction = 'read' | keyof typeof ACTIONS;

export type RoleDecision = { ok: true; role: Role } | { ok: false; refusal: Refusal; code: number; reason: string };
export type DocumentDecision = { ok: true; record: DocumentRecord; role: Role } | { ok: false; refusal: Refusal };

/** An open session (a WebSocket connection) that holds a member's role. */
export interface RoleHolder {
  role: Role;
  close(code: number, reason: string): unknown;
}

export class DocumentAccess {
  constructor(private readonly records: Pick<DocumentRecordStore, 'getDocument' | 'getRole'>) {}

  /**
   * The WebSocket admission: the member's role, or the close code that refuses
   * them. One lookup for a member; the document is looked up only for a refusal.
   */
  async role(documentId: string, userId: string): Promise<RoleDecision> {
    if (!isValidId(documentId)) return refused('not_found');
    const role = await this.records.getRole(documentId, userId);
    if (role) return { ok: true, role };
    return refused((await this.records.getDocument(documentId)) ? 'not_a_member' : 'not_found');
  }

  /** The document and the member's role, or why not (a deleted document is not found). */
  async document(documentId: string, userId: string): Promise<DocumentDecision> {
    if (!isValidId(documentId)) return { ok: false, refusal: 'not_found' };
    const [record, role] = await Promise.all([this.records.getDocument(documentId), this.records.getRole(documentId, userId)]);
    if (!record) return { ok: false, refusal: 'not_found' };
    if (!role) return { ok: false, refusal: 'not_a_member' };
    return { ok: true, record, role };
  }

  /**
   * The HTTP routes: the document and the caller's role when they may do
   * `action`; otherwise throws 404 for an unknown id, 403 for a non-member or a
   * role that does not allow the action.
   */
  async require(documentId: string, user: { id: string }, action: DocumentAction = 'read'): Promise<{ record: DocumentRecord; role: Role }> {
    const decision = await this.document(documentId, user.id);
    if (!decision.ok) throw REFUSALS[decision.refusal].http();
    if (action !== 'read' && !ACTIONS[action].allowed(decision.role)) throw forbidden('forbidden', ACTIONS[action].denied);
    return { record: decision.record, role: decision.role };
  }
}

/**
 * A member's role changed (or, with null, they were removed) while they have
 * the document open: the new role holds at once, and a removed member's
 * session is closed. Returns whether the session stays open with a new role.
 */
export function applyRoleChange(holder: RoleHolder, role: Role | null): boolean {
  if (role === null) {
    holder.close(CloseCode.forbidden, 'membership revoked');
    return false;
  }
  holder.role = role;
  return true;
}

function refused(refusal: Refusal): RoleDecision {
  return { ok: false, refusal, ...REFUSALS[refusal].close };
}
