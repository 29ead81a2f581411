// Which pages may talk to this server: the same check for the HTTP writes
// (http/sameOriginWrites.ts) and the WebSocket upgrade (collab/CollabServer.ts).

/**
 * A browser's Origin must be the server's own (the Host it was reached at) or
 * one configured; requests without an Origin (scripts, other servers) pass.
 */
export function isAllowedOrigin(origin: string | undefined, host: string | undefined, extraOrigins: readonly string[]): boolean {
  if (origin === undefined) return true;
  if (extraOrigins.includes(origin)) return true;
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}
