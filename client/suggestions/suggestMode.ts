// 编辑 or 修订 (issue 25): whether this member's typing changes the body or
// becomes their suggestion, and whether they may choose. Pure, so that the
// page, the toolbar toggle and the tests decide it the same way.
import type { BodyAccess } from '../../shared/access.js';
import type { DocumentStatus, Role } from '../../shared/api.js';

/** Why 修订 is on and cannot be turned off (the toggle's tooltip and the banner say so). */
export type SuggestLock = 'inReview' | 'suggestOnly' | 'commenter';

export interface SuggestModeDecision {
  /** Typing makes suggestions. */
  suggesting: boolean;
  /** The member may switch between 编辑 and 修订 (an owner, or an editor while editing is open). */
  mayChoose: boolean;
  /** Why 修订 is forced; null when it is not. */
  lock: SuggestLock | null;
}

/**
 * `access` is bodyAccess(role, status, suggestOnly); `preferred` what the
 * member last chose for this document (修订 or not) when they may choose.
 */
export function decideSuggestMode(access: BodyAccess, role: Role, status: DocumentStatus, preferred: boolean): SuggestModeDecision {
  if (access === 'read') return { suggesting: false, mayChoose: false, lock: null };
  if (access === 'edit') return { suggesting: preferred, mayChoose: true, lock: null };
  const lock: SuggestLock = role === 'commenter' ? 'commenter' : status === 'in_review' ? 'inReview' : 'suggestOnly';
  return { suggesting: true, mayChoose: false, lock };
}

const storageKey = (documentId: string) => `yigao.suggesting.${documentId}`;

/** The member's last choice for this document in this browser; 编辑 when none (or storage is unavailable). */
export function readPreferredMode(storage: Pick<Storage, 'getItem'> | undefined, documentId: string): boolean {
  try {
    return storage?.getItem(storageKey(documentId)) === '1';
  } catch {
    return false;
  }
}

export function writePreferredMode(storage: Pick<Storage, 'setItem' | 'removeItem'> | undefined, documentId: string, suggesting: boolean): void {
  try {
    if (suggesting) storage?.setItem(storageKey(documentId), '1');
    else storage?.removeItem(storageKey(documentId));
  } catch {
    // private browsing with storage off: the choice holds for this page only
  }
}
