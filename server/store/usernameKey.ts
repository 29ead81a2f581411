/** Usernames are unique regardless of case and Unicode width ("Alice" = "alice" = "ａｌｉｃｅ"). */
export function usernameKey(username: string): string {
  return username.normalize('NFKC').toLowerCase();
}
