// Ids for users, documents, versions, comments and server instances.
import { randomBytes } from 'node:crypto';

/** A fresh id: 96 random bits, 16 URL-safe characters. */
export function newId(): string {
  return randomBytes(12).toString('base64url');
}

export const ID_PATTERN = /^[A-Za-z0-9_-]{16}$/;

/** Whether a string from outside (a URL, a request) can be an id at all: checked before any lookup. */
export function isValidId(value: string): boolean {
  return ID_PATTERN.test(value);
}
