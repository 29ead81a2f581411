import type Database from 'better-sqlite3';
import type { AccountStore } from '../AccountStore.js';
import { DuplicateKeyError, InvalidInviteError, type InviteRecord, type UserRecord } from '../records.js';
import { INVITE_QUERY, inviteFromRow, USER_COLUMNS, userFromRow, type InviteRow, type UserRow } from '../rows.js';
import { usernameKey } from '../usernameKey.js';

export class SqliteAccountStore implements AccountStore {
  private readonly statements;
  private readonly inviteTransaction;

  constructor(db: Database.Database) {
    this.statements = {
      insertInvite: db.prepare('INSERT INTO invites (code, created_by, created_at, expires_at) VALUES (?, ?, ?, ?)'),
      listInvites: db.prepare<[number], InviteRow>(`${INVITE_QUERY} WHERE i.expires_at > ? ORDER BY i.created_at DESC`),
      useInvite: db.prepare('UPDATE invites SET used_by = ?, used_at = ? WHERE code = ? AND used_by IS NULL AND expires_at > ?'),
      insertUser: db.prepare('INSERT INTO users (id, username, username_key, display_name, password_hash, is_admin, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)'),
      userByKey: db.prepare<[string], UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.username_key = ?`),
      userById: db.prepare<[string], UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = ?`),
      countUsers: db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM users'),
      insertSession: db.prepare('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)'),
      sessionUser: db.prepare<[string, number], UserRow>(
        `SELECT ${USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ? AND s.expires_at > ?`,
      ),
      deleteSession: db.prepare('DELETE FROM sessions WHERE token_hash = ?'),
      deleteExpired: db.prepare('DELETE FROM sessions WHERE expires_at <= ?'),
    };
    this.inviteTransaction = db.transaction((user: UserRecord, code: string, now: number) => {
      this.insertUser(user);
      if (this.statements.useInvite.run(user.id, now, code, now).changes !== 1) throw new InvalidInviteError();
    });
  }

  private insertUser(user: UserRecord): void {
    try {
      this.statements.insertUser.run(
        user.id,
        user.username,
        usernameKey(user.username),
        user.displayName,
        user.passwordHash,
        user.isAdmin ? 1 : 0,
        user.createdAt,
      );
    } catch (err) {
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new DuplicateKeyError('username');
      throw err;
    }
  }

  async createUserWithInvite(user: UserRecord, inviteCode: string, now: number): Promise<void> {
    this.inviteTransaction(user, inviteCode, now);
  }

  async createInvite(invite: InviteRecord): Promise<void> {
    this.statements.insertInvite.run(invite.code, invite.createdBy, invite.createdAt, invite.expiresAt);
  }

  async listInvites(now: number): Promise<InviteRecord[]> {
    return this.statements.listInvites.all(now).map(inviteFromRow);
  }

  async createUser(user: UserRecord): Promise<void> {
    this.insertUser(user);
  }

  async findUserByUsername(username: string): Promise<UserRecord | null> {
    const row = this.statements.userByKey.get(usernameKey(username));
    return row ? userFromRow(row) : null;
  }

  async findUserById(id: string): Promise<UserRecord | null> {
    const row = this.statements.userById.get(id);
    return row ? userFromRow(row) : null;
  }

  async countUsers(): Promise<number> {
    return this.statements.countUsers.get()!.n;
  }

  async createSession(tokenHash: string, userId: string, createdAt: number, expiresAt: number): Promise<void> {
    this.statements.insertSession.run(tokenHash, userId, createdAt, expiresAt);
  }

  async findSessionUser(tokenHash: string, now: number): Promise<UserRecord | null> {
    const row = this.statements.sessionUser.get(tokenHash, now);
    return row ? userFromRow(row) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    this.statements.deleteSession.run(tokenHash);
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    return this.statements.deleteExpired.run(now).changes;
  }
}
