import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';

describe('passwords', () => {
  it('verifies the password it hashed and rejects another', async () => {
    const stored = await hashPassword('正确的密码-123');
    expect(stored.startsWith('scrypt$')).toBe(true);
    expect(await verifyPassword('正确的密码-123', stored)).toBe(true);
    expect(await verifyPassword('错误的密码-123', stored)).toBe(false);
  });
  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });
  it('rejects a malformed stored hash instead of throwing', async () => {
    expect(await verifyPassword('x', 'not-a-hash')).toBe(false);
  });
});
