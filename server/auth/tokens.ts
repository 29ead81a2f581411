import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for a session: 256 bits, URL-safe. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash of a token is stored, so a copy of the database grants no sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

/** Ids for users and documents: 96 random bits, 16 URL-safe characters. */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

export const ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;

export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}
