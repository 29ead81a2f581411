import type { InviteRecord, UserRecord } from './records.js';

/** Accounts and their sessions. */
export interface AccountStore {
  /** Throws DuplicateKeyError('username') when the name (compared case-insensitively) is taken. */
  createUser(user: UserRecord): Promise<void>;
  /**
   * Creates the user and uses up the invitation in one step; throws
   * InvalidInviteError when it is unknown, used or expired at `now`.
   */
  createUserWithInvite(user: UserRecord, inviteCode: string, now: number): Promise<void>;
  findUserByUsername(username: string): Promise<UserRecord | null>;
  findUserById(id: string): Promise<UserRecord | null>;
  countUsers(): Promise<number>;

  createInvite(invite: InviteRecord): Promise<void>;
  /** Invitations not yet expired at `now`, newest first. */
  listInvites(now: number): Promise<InviteRecord[]>;

  createSession(tokenHash: string, userId: string, createdAt: number, expiresAt: number): Promise<void>;
  /** The user of a session that has not expired at `now`. */
  findSessionUser(tokenHash: string, now: number): Promise<UserRecord | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteExpiredSessions(now: number): Promise<number>;
}
