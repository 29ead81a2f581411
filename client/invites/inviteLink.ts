// Invitation links: /login?invite=CODE opens registration with the code filled in.
import type { InviteDto } from '../../shared/api.js';

const INVITE_PARAM = 'invite';

export function inviteLink(origin: string, code: string): string {
  return `${origin}/login?${new URLSearchParams({ [INVITE_PARAM]: code })}`;
}

/** The invitation code in a page's query string, if there is one. */
export function inviteCodeFrom(search: string): string | null {
  const code = new URLSearchParams(search).get(INVITE_PARAM)?.trim();
  return code ? code : null;
}

/** Invitations that can still be used, the newest first. */
export function openInvites(invites: InviteDto[], now: Date): InviteDto[] {
  return invites
    .filter((invite) => invite.usedBy === null && Date.parse(invite.expiresAt) > now.getTime())
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
