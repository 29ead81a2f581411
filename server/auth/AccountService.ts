// Registration and sign-in.
import { colorForUser } from '../../shared/colors.js';
import type { UserDto } from '../../shared/api.js';
import { conflict, unauthorized } from '../errors.js';
import type { AccountStore } from '../store/AccountStore.js';
import { DuplicateKeyError, type UserRecord } from '../store/records.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { newId } from './tokens.js';

// Verifying against this when the account does not exist keeps the answer's timing the same.
const absentUserHash = hashPassword('no such account');

export function userDto(user: UserRecord): UserDto {
  return { id: user.id, username: user.username, displayName: user.displayName, color: colorForUser(user.id) };
}

export class AccountService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly now: () => number = Date.now,
  ) {}

  async register(username: string, password: string, displayName: string): Promise<UserRecord> {
    if (await this.accounts.findUserByUsername(username)) throw conflict('username_taken', `The username "${username}" is already taken.`);
    const user: UserRecord = {
      id: newId(),
      username,
      displayName,
      passwordHash: await hashPassword(password),
      // The first account administers the server.
      isAdmin: (await this.accounts.countUsers()) === 0,
      createdAt: this.now(),
    };
    try {
      await this.accounts.createUser(user);
    } catch (err) {
      if (err instanceof DuplicateKeyError) throw conflict('username_taken', `The username "${username}" is already taken.`);
      throw err;
    }
    return user;
  }

  async login(username: string, password: string): Promise<UserRecord> {
    const user = await this.accounts.findUserByUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await absentUserHash));
    if (!user || !ok) throw unauthorized('Wrong username or password.');
    return user;
  }
}
