// Usernames and @mentions, compared and recognised the same way by the server
// (uniqueness, notifications) and the editor (highlighting, suggestions).

/** Usernames are unique regardless of case and Unicode width ("Alice" = "alice" = "ａｌｉｃｅ"). */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase();
}

/** An @mention in a comment: "@" and a username; it ends at the first character a username cannot have. */
export const MENTION_PATTERN = /@([\p{L}\p{N}_.-]{2,40})/gu;

/** The username keys mentioned in a body, each once. */
export function mentionedKeys(body: string): Set<string> {
  return new Set([...body.matchAll(MENTION_PATTERN)].map((m) => usernameKey(m[1])));
}
