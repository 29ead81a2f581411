import { describe, expect, it } from 'vitest';
import type { Role } from '../../shared/api.js';
import { CloseCode } from '../../shared/collab.js';
import { ApiError } from '../errors.js';
import type { DocumentRecord } from '../store/records.js';
import { applyRoleChange, DocumentAccess } from './DocumentAccess.js';

const DOC = 'doc0000000000001';
const record: DocumentRecord = { id: DOC, title: 'T', status: 'draft', ownerId: 'u-owner', template: 'blank', createdAt: 0, updatedAt: 0, suggestOnly: false };
const roles: Record<string, Role> = { 'u-owner': 'owner', 'u-editor': 'editor', 'u-commenter': 'commenter', 'u-viewer': 'viewer' };

const access = new DocumentAccess({
  getDocument: async (id) => (id === DOC ? record : null),
  getRole: async (id, userId) => (id === DOC ? (roles[userId] ?? null) : null),
});

async function status(documentId: string, userId: string, action?: Parameters<DocumentAccess['require']>[2]): Promise<number> {
  try {
    await access.require(documentId, { id: userId }, action);
    return 200;
  } catch (err) {
    if (err instanceof ApiError) return err.status;
    throw err;
  }
}

describe('DocumentAccess', () => {
  it('admits a member on the WebSocket with their role, and refuses others with a final close code', async () => {
    expect(await access.role(DOC, 'u-viewer')).toEqual({ ok: true, role: 'viewer' });
    expect(await access.role(DOC, 'u-stranger')).toMatchObject({ ok: false, refusal: 'not_a_member', code: CloseCode.forbidden });
    expect(await access.role('nope', 'u-owner')).toMatchObject({ ok: false, refusal: 'not_found', code: CloseCode.documentNotFound });
    expect(await access.role('doc0000000000002', 'u-owner')).toMatchObject({ ok: false, refusal: 'not_found' });
  });

  it('answers the HTTP routes with 404 for an unknown document, 403 for a non-member or a role that may not', async () => {
    expect(await status('doc0000000000002', 'u-owner')).toBe(404);
    expect(await status(DOC, 'u-stranger')).toBe(403);
    expect(await status(DOC, 'u-viewer')).toBe(200);
    expect(await status(DOC, 'u-viewer', 'comment')).toBe(403);
    expect(await status(DOC, 'u-commenter', 'comment')).toBe(200);
    expect(await status(DOC, 'u-editor', 'rename')).toBe(200);
    expect(await status(DOC, 'u-editor', 'delete')).toBe(403);
    expect(await status(DOC, 'u-owner', 'setMember')).toBe(200);
  });

  it('applies a role change to an open session at once, and closes a removed member', () => {
    const closed: number[] = [];
    const session = { role: 'editor' as Role, close: (code: number) => closed.push(code) };
    expect(applyRoleChange(session, 'viewer')).toBe(true);
    expect(session.role).toBe('viewer');
    expect(applyRoleChange(session, null)).toBe(false);
    expect(closed).toEqual([CloseCode.forbidden]);
  });
});
