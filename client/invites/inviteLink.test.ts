import { describe, expect, it } from 'vitest';
import type { InviteDto } from '../../shared/api.js';
import { inviteCodeFrom, inviteLink, openInvites } from './inviteLink.js';

describe('invitation links', () => {
  it('round-trips the code through the link', () => {
    const link = inviteLink('https://yigao.example', 'Ab_9-x');
    expect(link).toBe('https://yigao.example/login?invite=Ab_9-x');
    expect(inviteCodeFrom(new URL(link).search)).toBe('Ab_9-x');
  });
  it('finds no code where there is none, or an empty one', () => {
    expect(inviteCodeFrom('')).toBeNull();
    expect(inviteCodeFrom('?next=%2Fd%2F1')).toBeNull();
    expect(inviteCodeFrom('?invite=')).toBeNull();
    expect(inviteCodeFrom('?invite=%20')).toBeNull();
  });
});

describe('openInvites', () => {
  const invite = (code: string, createdAt: string, expiresAt: string, usedBy: string | null = null): InviteDto => ({ code, createdAt, expiresAt, usedBy });
  it('keeps the unused, unexpired ones, newest first', () => {
    const now = new Date('2026-03-10T12:00:00Z');
    const list = [
      invite('old', '2026-03-05T00:00:00Z', '2026-03-12T00:00:00Z'),
      invite('used', '2026-03-08T00:00:00Z', '2026-03-15T00:00:00Z', 'zhangli'),
      invite('expired', '2026-03-01T00:00:00Z', '2026-03-08T00:00:00Z'),
      invite('new', '2026-03-09T00:00:00Z', '2026-03-16T00:00:00Z'),
    ];
    expect(openInvites(list, now).map((i) => i.code)).toEqual(['new', 'old']);
  });
});
