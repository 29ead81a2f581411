// Registration and sign-in.
import { randomBytes } from 'node:crypto';
import { colorForUser } from '../../shared/colors.js';
import type { InviteDto, RegistrationInfoDto, UserDto } from '../../shared/api.js';
import type { RegistrationMode } from '../config.js';
import { badRequest, conflict, forbidden, unauthorized } from '../errors.js';
import type { AccountStore } from '../store/AccountStore.js';
import { DuplicateKeyError, InvalidInviteError, type InviteRecord, type UserRecord } from '../store/records.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { newId } from '../ids.js';

const INVITE_TTL_MS = 7 * 24 * 3600 * 1000;

// Verifying against this when the account does not exist keeps the answer's timing the same.
const absentUserHash = hashPassword('no such account');

export function userDto(user: UserRecord): UserDto {
  return { id: user.id, username: user.username, displayName: user.displayName, color: colorForUser(user.id), isAdmin: user.isAdmin };
}

function inviteDto(invite: InviteRecord): InviteDto {
  return {
    code: invite.code,
    createdAt: new Date(invite.createdAt).toISOString(),
    expiresAt: new Date(invite.expiresAt).toISOString(),
    usedBy: invite.usedBy,
  };
}

export class AccountService {
  constructor(
    private readonly accounts: AccountStore,
    private readonly registration: RegistrationMode = 'open',
    private readonly now: () => number = Date.now,
  ) {}

  async registrationInfo(): Promise<RegistrationInfoDto> {
    return { mode: this.registration, firstAccount: (await this.accounts.countUsers()) === 0 };
  }

  async register(username: string, password: string, displayName: string, inviteCode?: string): Promise<UserRecord> {
    if (await this.accounts.findUserByUsername(username)) throw conflict('username_taken', `The username "${username}" is already taken.`);
    // The first account administers the server, and may always register.
    const first = (await this.accounts.countUsers()) === 0;
    const useInvite = !first && (this.registration === 'invite' || inviteCode !== undefined);
    if (useInvite && !inviteCode) {
      throw forbidden('registration_closed', 'Registration is by invitation only: ask an administrator for an invitation link.');
    }
    const user: UserRecord = {
      id: newId(),
      username,
      displayName,
      passwordHash: await hashPassword(password),
      isAdmin: first,
      createdAt: this.now(),
    };
    try {
      if (useInvite) await this.accounts.createUserWithInvite(user, inviteCode!, this.now());
      else await this.accounts.createUser(user);
    } catch (err) {
      if (err instanceof DuplicateKeyError) throw conflict('username_taken', `The username "${username}" is already taken.`);
      if (err instanceof InvalidInviteError) throw badRequest('invalid_invite', 'This invitation is unknown, already used or expired.');
      throw err;
    }
    return user;
  }

  async createInvite(admin: UserRecord): Promise<InviteDto> {
    if (!admin.isAdmin) throw forbidden('forbidden', 'Only an administrator can invite people.');
    const at = this.now();
    const invite: InviteRecord = {
      code: randomBytes(16).toString('base64url'),
      createdBy: admin.id,
      createdAt: at,
      expiresAt: at + INVITE_TTL_MS,
      usedBy: null,
    };
    await this.accounts.createInvite(invite);
    return inviteDto(invite);
  }

  async listInvites(admin: UserRecord): Promise<InviteDto[]> {
    if (!admin.isAdmin) throw forbidden('forbidden', 'Only an administrator can see invitations.');
    return (await this.accounts.listInvites(this.now())).map(inviteDto);
  }

  async login(username: string, password: string): Promise<UserRecord> {
    const user = await this.accounts.findUserByUsername(username);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await absentUserHash));
    if (!user || !ok) throw unauthorized('Wrong username or password.');
    return user;
  }
}
