import type { AccountStore } from '../AccountStore.js';
import { DuplicateKeyError, InvalidInviteError, type InviteRecord, type UserRecord } from '../records.js';
import { INVITE_QUERY, inviteFromRow, USER_COLUMNS, userFromRow, type InviteRow, type UserRow } from '../rows.js';
import { usernameKey } from '../usernameKey.js';
import type { PostgresDatabase, Queryable } from './PostgresDatabase.js';

const UNIQUE_VIOLATION = '23505';

async function insertUser(q: Queryable, user: UserRecord): Promise<void> {
  try {
    await q.query('INSERT INTO users (id, username, username_key, display_name, password_hash, is_admin, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)', [
      user.id,
      user.username,
      usernameKey(user.username),
      user.displayName,
      user.passwordHash,
      user.isAdmin,
      user.createdAt,
    ]);
  } catch (err) {
    if ((err as { code?: string }).code === UNIQUE_VIOLATION) throw new DuplicateKeyError('username');
    throw err;
  }
}

export class PostgresAccountStore implements AccountStore {
  constructor(private readonly db: PostgresDatabase) {}

  async createUser(user: UserRecord): Promise<void> {
    await insertUser(this.db.pool, user);
  }

  async createUserWithInvite(user: UserRecord, inviteCode: string, now: number): Promise<void> {
    await this.db.transaction(async (client) => {
      await insertUser(client, user);
      const used = await client.query('UPDATE invites SET used_by = $1, used_at = $2 WHERE code = $3 AND used_by IS NULL AND expires_at > $2', [
        user.id,
        now,
        inviteCode,
      ]);
      if (used.rowCount !== 1) throw new InvalidInviteError();
    });
  }

  async findUserByUsername(username: string): Promise<UserRecord | null> {
    const { rows } = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.username_key = $1`, [usernameKey(username)]);
    return rows[0] ? userFromRow(rows[0]) : null;
  }

  async findUserById(id: string): Promise<UserRecord | null> {
    const { rows } = await this.db.query<UserRow>(`SELECT ${USER_COLUMNS} FROM users u WHERE u.id = $1`, [id]);
    return rows[0] ? userFromRow(rows[0]) : null;
  }

  async countUsers(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT COUNT(*)::int AS n FROM users');
    return rows[0].n;
  }

  async createInvite(invite: InviteRecord): Promise<void> {
    await this.db.query('INSERT INTO invites (code, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      invite.code,
      invite.createdBy,
      invite.createdAt,
      invite.expiresAt,
    ]);
  }

  async listInvites(now: number): Promise<InviteRecord[]> {
    const { rows } = await this.db.query<InviteRow>(`${INVITE_QUERY} WHERE i.expires_at > $1 ORDER BY i.created_at DESC`, [now]);
    return rows.map(inviteFromRow);
  }

  async createSession(tokenHash: string, userId: string, createdAt: number, expiresAt: number): Promise<void> {
    await this.db.query('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
      tokenHash,
      userId,
      createdAt,
      expiresAt,
    ]);
  }

  async findSessionUser(tokenHash: string, now: number): Promise<UserRecord | null> {
    const { rows } = await this.db.query<UserRow>(
      `SELECT ${USER_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1 AND s.expires_at > $2`,
      [tokenHash, now],
    );
    return rows[0] ? userFromRow(rows[0]) : null;
  }

  async deleteSession(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM sessions WHERE token_hash = $1', [tokenHash]);
  }

  async deleteExpiredSessions(now: number): Promise<number> {
    return (await this.db.query('DELETE FROM sessions WHERE expires_at <= $1', [now])).rowCount ?? 0;
  }
}
