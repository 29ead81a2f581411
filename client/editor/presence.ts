// Who is in the document now, from the awareness states: one entry per person,
// however many tabs they have open.

export interface PresenceUser {
  /** Stable key: the username, or the awareness client id for a state without one. */
  key: string;
  name: string;
  color: string;
  isSelf: boolean;
}

interface AwarenessUser {
  name?: unknown;
  color?: unknown;
  username?: unknown;
}

const FALLBACK_COLOR = '#868e96';

export function presentUsers(states: Iterable<[number, unknown]>, selfClientId: number, selfUsername: string): PresenceUser[] {
  const byKey = new Map<string, PresenceUser>();
  for (const [clientId, state] of states) {
    const user = (state as { user?: AwarenessUser } | null)?.user;
    if (!user || typeof user.name !== 'string' || !user.name) continue;
    const username = typeof user.username === 'string' && user.username ? user.username : null;
    const key = username ?? `client:${clientId}`;
    const isSelf = clientId === selfClientId || username === selfUsername;
    const existing = byKey.get(key);
    if (existing) {
      existing.isSelf ||= isSelf;
      continue;
    }
    byKey.set(key, { key, name: user.name, color: typeof user.color === 'string' ? user.color : FALLBACK_COLOR, isSelf });
  }
  // Oneself first, then everyone else by name, so avatars don't jump around.
  return [...byKey.values()].sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name, 'zh-CN'));
}

const sameUser = (a: PresenceUser, b: PresenceUser): boolean => a.key === b.key && a.name === b.name && a.color === b.color && a.isSelf === b.isSelf;

/** `current` when `next` says the same (the same people, names and colours, in the same order). */
export function sameOrNew(current: PresenceUser[], next: PresenceUser[]): PresenceUser[] {
  return current.length === next.length && current.every((user, i) => sameUser(user, next[i])) ? current : next;
}
