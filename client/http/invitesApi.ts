import type { InviteDto } from '../../shared/api.js';
import { request } from './request.js';

/** A new single-use invitation (administrators only). */
export const createInvite = () => request<Pick<InviteDto, 'code' | 'expiresAt'>>('/api/invites', { method: 'POST' });

/** Invitations that have not expired, used or not (administrators only). */
export const listInvites = () => request<InviteDto[]>('/api/invites');
