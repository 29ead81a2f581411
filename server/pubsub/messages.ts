// What instances tell each other about a document or a user.
import type { DocumentStatus, Role } from '../../shared/api.js';
import type { DocumentEvent } from '../../shared/collab.js';

export type DocumentMessage =
  /** A stored change (base64 Yjs update). */
  | { t: 'update'; from: string; update: string }
  /** A presence change (base64 awareness update). */
  | { t: 'awareness'; from: string; update: string }
  | { t: 'event'; from: string; event: DocumentEvent }
  | { t: 'status'; from: string; status: DocumentStatus }
  /** 修订: whether editors only suggest. */
  | { t: 'review'; from: string; suggestOnly: boolean }
  /** A member's role changed (null: removed). */
  | { t: 'access'; from: string; userId: string; role: Role | null }
  | { t: 'deleted'; from: string };

export type UserMessage = { t: 'notify'; from: string; userId: string; event: DocumentEvent };

export const documentChannel = (documentId: string) => `doc:${documentId}`;
export const USER_CHANNEL = 'users';

export function parseMessage<T extends { t: string; from: string }>(raw: string): T | null {
  try {
    const value = JSON.parse(raw) as T;
    return value && typeof value.t === 'string' && typeof value.from === 'string' ? value : null;
  } catch {
    return null;
  }
}
