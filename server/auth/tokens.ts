import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret for a session: 256 bits, URL-safe. */
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Only the hash of a token is stored, so a copy of the database grants no sessions. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}
