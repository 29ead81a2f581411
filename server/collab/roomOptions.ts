// What a room is built with and what it tells others (Room.ts).
import type { Logger } from 'pino';
import type { DocumentStatus } from '../../shared/api.js';
import type { DocumentStore } from '../store/DocumentStore.js';
import type { ConnectionUser } from './Connection.js';
import type { Room } from './Room.js';

export interface RoomLimits {
  /** The stored state may not grow past this. */
  maxDocumentBytes: number;
  /** One awareness message may not be larger. */
  maxAwarenessBytes: number;
}

/** What a room tells the other instances: a stored change, a presence change. */
export type RoomMessage = { t: 'update'; update: Uint8Array } | { t: 'awareness'; update: Uint8Array };

export interface RoomObserver {
  /** Changes were stored (by people or by the server). */
  changed(room: Room): void;
  /** The last connection that could write has left. */
  writersLeft(room: Room): void;
  /** 修订: a change of `user`'s that writes their suggestions was taken (stored and applied in its turn). */
  suggested?(room: Room, user: ConnectionUser): void;
}

export interface RoomOptions {
  documentId: string;
  status: DocumentStatus;
  /** 修订: the owner asked that editors only suggest (the document's suggestOnly). */
  suggestOnly?: boolean;
  store: DocumentStore;
  logger: Logger;
  compactAfterUpdates: number;
  /** The pause in changes compaction waits for (default 1 s). */
  compactWhenIdleMs?: number;
  /** Called when the last connection leaves. */
  onEmpty: (room: Room) => void;
  /** Told about stored changes and about the last writer leaving (automatic versions follow them). */
  observer?: RoomObserver;
  /** Which account each Yjs client id of the document belongs to (grows as people write). */
  clientAuthors?: Map<number, string>;
  /** Tells the other server instances (scaled out); absent with one instance. */
  publish?: (message: RoomMessage) => void;
  limits?: RoomLimits;
  retryDelayMs?: (attempt: number) => number;
}
