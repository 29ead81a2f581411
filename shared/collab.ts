// What the collaboration server and its clients must agree on beyond the
// stock y-websocket protocol: the socket path and the close codes.
import type { PersonDto, VersionDto } from './api.js';

export const COLLAB_PATH = '/collab';

/** Query parameter with which a client asks for acknowledgements (MessageType.ack). */
export const ACK_PARAM = 'ack';

/** y-protocols message types as y-websocket frames them (first varuint of a frame). */
export const MessageType = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /**
   * Yigao's own addition (server → client, only when the client connected with
   * `?ack=1`): a varuint n meaning "the first n document-update frames you sent
   * on this socket are processed: stored durably where you may write".
   */
  ack: 100,
  /**
   * Yigao's own addition (server → client, only with `?ack=1` too): a JSON
   * DocumentEvent (varstring), telling the client to refresh something.
   */
  event: 101,
} as const;

/** What a DocumentEvent tells a client to refresh. */
export type DocumentEvent =
  /** Comment threads changed (added, replied to, resolved, reopened). */
  | { type: 'comments' }
  /** The document's status, title, suggestOnly (修订) or one's role changed. */
  | { type: 'document' }
  /** The user has new notifications. */
  | { type: 'notifications' }
  /** Sections' assignments, statuses or due dates changed, or a section's heading went away or came back. */
  | { type: 'sections' }
  /** Suggestions (修订) were accepted or rejected through the API. */
  | { type: 'suggestions' }
  /**
   * 修订: a change this connection sent was not taken (never stored or
   * relayed; acknowledged as processed): its sender may only suggest now, and
   * the change did more than add or withdraw their own suggestions. Sent to
   * that connection only. `reason` is for the log, in English.
   */
  | { type: 'refused'; reason: string }
  /**
   * Someone restored an older version: the text on screen was replaced, and
   * what it held just before is kept in `backup` (null when no version holds it).
   * `id` is the version the restore made (one per restore). The last restore is
   * sent again, `replayed`, to every editor that connects: one that was away
   * when it happened learns of it on reconnecting.
   */
  | { type: 'restored'; id: string; by: PersonDto; version: VersionDto; backup: VersionDto | null; replayed?: boolean };
export type MessageType = (typeof MessageType)[keyof typeof MessageType];

/**
 * Close codes. 4400–4499 are final for the stock y-websocket provider (it
 * does not reconnect), so every "you may not" and "you sent something bad"
 * lives there; 1012 asks clients to come back after a restart.
 */
export const CloseCode = {
  /** The server is restarting: reconnect. */
  serviceRestart: 1012,
  /** The document could not be loaded just now: reconnect later. */
  tryAgainLater: 1013,
  /** A frame that is not a valid y-protocols message or Yjs update. */
  malformedFrame: 4400,
  /** No valid session or token. */
  unauthorized: 4401,
  /** Not a member of the document, or membership was revoked. */
  forbidden: 4403,
  /** No such document, or it was deleted. */
  documentNotFound: 4404,
  /** A frame, or a presence state, over the configured size limit. */
  messageTooLarge: 4413,
  /** The document would grow past the configured size limit. */
  documentTooLarge: 4414,
  /** A well-formed change that would leave the document invalid (updateRules.ts on the server). */
  invalidChange: 4422,
  /** Too many messages (or presence updates) per second. */
  rateLimited: 4429,
  /** Too many open connections for this account or this document. */
  tooManyConnections: 4430,
} as const;
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode];

/** Close codes after which a client should not try again by itself. */
export function isFinalCloseCode(code: number): boolean {
  return code >= 4400 && code < 4500;
}
