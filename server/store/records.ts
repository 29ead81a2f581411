// Rows as the stores hand them out: plain data, times in epoch milliseconds.
import type { DocumentStatus, Role } from '../../shared/api.js';

export interface UserRecord {
  id: string;
  username: string;
  displayName: string;
  passwordHash: string;
  isAdmin: boolean;
  createdAt: number;
}

export interface DocumentRecord {
  id: string;
  title: string;
  status: DocumentStatus;
  ownerId: string;
  template: string;
  createdAt: number;
  updatedAt: number;
  /** 修订: the owner asked that editors only suggest changes to the body (PUT /api/documents/:id/review). */
  suggestOnly: boolean;
}

/** A document as created: every new document starts with suggestOnly off. */
export type NewDocumentRecord = Omit<DocumentRecord, 'suggestOnly'>;

/** A document as one member sees it in a list. */
export interface MemberDocumentRecord extends DocumentRecord {
  role: Role;
  ownerUsername: string;
  ownerDisplayName: string;
}

export interface MemberRecord {
  user: UserRecord;
  role: Role;
}

export interface InviteRecord {
  code: string;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  /** Username of the account that used it, once used. */
  usedBy: string | null;
}

/** Thrown when an invitation is unknown, used or expired. */
export class InvalidInviteError extends Error {
  constructor() {
    super('invalid invitation');
    this.name = 'InvalidInviteError';
  }
}

/** Thrown when a unique key (a username) is already taken. */
export class DuplicateKeyError extends Error {
  constructor(readonly key: string) {
    super(`duplicate ${key}`);
    this.name = 'DuplicateKeyError';
  }
}
