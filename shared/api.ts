// Shapes of the public HTTP API (API.md), shared by server and client.

export const ROLES = ['owner', 'editor', 'commenter', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const DOCUMENT_STATUSES = ['draft', 'in_review', 'approved'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  /** The colour of this person's caret and avatar, derived from the account. */
  color: string;
  /** Administrators can invite people when registration is by invitation. */
  isAdmin: boolean;
}

export interface RegistrationInfoDto {
  /** `invite`: registering needs an invitation code from an administrator. */
  mode: 'open' | 'invite';
  /** No account exists yet: the next one registers freely and becomes the administrator. */
  firstAccount: boolean;
}

export interface InviteDto {
  code: string;
  createdAt: string;
  expiresAt: string;
  /** Username of the account that used it. */
  usedBy: string | null;
}

export interface DocumentSummaryDto {
  id: string;
  title: string;
  status: DocumentStatus;
  role: Role;
  createdAt: string;
  updatedAt: string;
  owner: Pick<UserDto, 'username' | 'displayName'>;
}

export interface DocumentDto extends DocumentSummaryDto {}

export interface MemberDto {
  user: Pick<UserDto, 'username' | 'displayName' | 'color'>;
  role: Role;
}

export interface ContentDto {
  json: unknown;
  html: string;
  text: string;
}

export interface ErrorBody {
  error: { code: string; message: string };
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
