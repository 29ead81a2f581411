// @mentions in comments: the pattern the server notifies by, a body cut into
// text and mentions for display, and the "@…" being typed in a comment box
// with the members it could mean.
import type { PersonDto } from '../../shared/api.js';
import { MENTION_PATTERN as MENTION, usernameKey } from '../../shared/usernames.js';
const USERNAME_CHAR = /[\p{L}\p{N}_.-]/u;
/** Before an "@" that starts a mention: not the local part of an e-mail address. */
const ADDRESS_CHAR = /[A-Za-z0-9_.-]/;
const MAX_QUERY_CHARS = 40;

export type BodySegment = { kind: 'text'; text: string } | { kind: 'mention'; text: string; person: PersonDto };

/**
 * A comment body as text and mentions of `people` (the document's members).
 * Only a mention the server would notify is one: "@name." with a full stop
 * right after it is no mention, since "." may be part of a username.
 */
export function segmentsOf(body: string, people: readonly PersonDto[]): BodySegment[] {
  const byKey = new Map(people.map((person) => [usernameKey(person.username), person]));
  const segments: BodySegment[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    const person = byKey.get(usernameKey(match[1]));
    if (!person) continue;
    if (match.index > last) segments.push({ kind: 'text', text: body.slice(last, match.index) });
    segments.push({ kind: 'mention', text: match[0], person });
    last = match.index + match[0].length;
  }
  if (last < body.length) segments.push({ kind: 'text', text: body.slice(last) });
  return segments;
}

export interface MentionQuery {
  /** Index of the "@". */
  start: number;
  /** What follows it up to the caret. */
  query: string;
}

/** The mention being typed at the caret ("请@zh|"), or null. */
export function mentionQueryAt(text: string, caret: number): MentionQuery | null {
  let at = caret;
  while (at > 0 && caret - at <= MAX_QUERY_CHARS && text[at - 1] !== '@' && USERNAME_CHAR.test(text[at - 1])) at--;
  const start = at - 1;
  if (start < 0 || text[start] !== '@') return null;
  if (start > 0 && ADDRESS_CHAR.test(text[start - 1])) return null;
  return { start, query: text.slice(at, caret) };
}

/**
 * Members matching what was typed after "@": by username or name, those
 * starting with it first. The writer is left out (mentioning oneself notifies nobody).
 */
export function matchMembers(people: readonly PersonDto[], query: string, exclude: string | null, limit = 8): PersonDto[] {
  const q = usernameKey(query);
  const others = people.filter((person) => exclude === null || usernameKey(person.username) !== usernameKey(exclude));
  const rank = (person: PersonDto): number => {
    const username = usernameKey(person.username);
    const name = usernameKey(person.displayName);
    if (username.startsWith(q)) return 0;
    if (name.startsWith(q)) return 1;
    if (username.includes(q) || name.includes(q)) return 2;
    return -1;
  };
  return others
    .map((person, index) => ({ person, index, rank: rank(person) }))
    .filter((entry) => entry.rank >= 0)
    .sort((a, b) => a.rank - b.rank || a.index - b.index)
    .slice(0, limit)
    .map((entry) => entry.person);
}

/**
 * Replaces the "@…" typed so far with the whole mention and a space, so that
 * the words written next (Chinese ones too) are not read as part of the username.
 */
export function insertMention(text: string, query: MentionQuery, caret: number, username: string): { text: string; caret: number } {
  const after = text.slice(caret);
  const mention = `@${username}${after.startsWith(' ') ? '' : ' '}`;
  const next = text.slice(0, query.start) + mention + after;
  return { text: next, caret: query.start + mention.length + (after.startsWith(' ') ? 1 : 0) };
}
