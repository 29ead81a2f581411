// The WebSocket endpoint at /collab/<documentId>: decides who is connecting
// and with which role before the socket is accepted, then hands the socket to
// the document's room.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { ACK_PARAM, COLLAB_PATH, CloseCode } from '../../shared/collab.js';
import { colorForUser } from '../../shared/colors.js';
import { Authenticator } from '../auth/Authenticator.js';
import { isValidId } from '../auth/tokens.js';
import type { DocumentRecordStore } from '../store/DocumentRecordStore.js';
import { isAllowedOrigin } from '../http/origin.js';
import { Connection } from './Connection.js';
import type { Room } from './Room.js';
import type { RoomRegistry } from './RoomRegistry.js';

export interface CollabServerOptions {
  registry: RoomRegistry;
  authenticator: Authenticator;
  records: DocumentRecordStore;
  logger: Logger;
  maxFrameBytes: number;
  extraOrigins: readonly string[];
  heartbeatMs?: number;
}

type Admission =
  | { ok: true; connection: (socket: WebSocket) => Connection }
  | { ok: false; code: number; reason: string };

export class CollabServer {
  private readonly wss: WebSocketServer;
  private readonly connections = new Set<Connection>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(private readonly options: CollabServerOptions) {
    // maxPayload makes ws refuse an oversized frame from its header, before buffering it.
    this.wss = new WebSocketServer({ noServer: true, maxPayload: options.maxFrameBytes, perMessageDeflate: false });
    this.heartbeat = setInterval(() => {
      for (const connection of this.connections) connection.heartbeat();
    }, options.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
  }

  get connectionCount(): number {
    return this.connections.size;
  }

  /** Handles an HTTP upgrade; returns false when the path is not ours. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== COLLAB_PATH && !url.pathname.startsWith(`${COLLAB_PATH}/`)) return false;
    if (!isAllowedOrigin(req.headers.origin, req.headers.host, this.options.extraOrigins)) {
      refuseUpgrade(socket, 403, 'Forbidden');
      this.options.logger.warn({ origin: req.headers.origin }, 'refused a cross-origin WebSocket upgrade');
      return true;
    }
    const documentId = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length + 1));
    socket.on('error', () => socket.destroy());
    this.admit(req, url, documentId).then(
      (admission) => this.accept(req, socket, head, documentId, admission),
      (err) => {
        this.options.logger.error({ err }, 'admitting a WebSocket failed');
        refuseUpgrade(socket, 500, 'Internal Server Error');
      },
    );
    return true;
  }

  private async admit(req: IncomingMessage, url: URL, documentId: string): Promise<Admission> {
    const user = await this.options.authenticator.userForToken(Authenticator.tokenOf(req, url));
    if (!user) return { ok: false, code: CloseCode.unauthorized, reason: 'not signed in' };
    if (!isValidId(documentId)) return { ok: false, code: CloseCode.documentNotFound, reason: 'no such document' };
    const role = await this.options.records.getRole(documentId, user.id);
    if (!role) {
      const exists = await this.options.records.getDocument(documentId);
      return exists
        ? { ok: false, code: CloseCode.forbidden, reason: 'not a member of this document' }
        : { ok: false, code: CloseCode.documentNotFound, reason: 'no such document' };
    }
    const identity = { id: user.id, username: user.username, displayName: user.displayName, color: colorForUser(user.id) };
    const wantsAcks = url.searchParams.get(ACK_PARAM) === '1';
    return { ok: true, connection: (socket) => new Connection(socket, identity, role, wantsAcks) };
  }

  private accept(req: IncomingMessage, socket: Duplex, head: Buffer, documentId: string, admission: Admission): void {
    if (socket.destroyed) return;
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // Refusals are sent as close codes in 4400–4499, which the stock provider does not retry.
      if (!admission.ok) {
        ws.close(admission.code, admission.reason);
        return;
      }
      const connection = admission.connection(ws);
      this.connections.add(connection);
      this.attach(connection, ws, documentId);
    });
  }

  private attach(connection: Connection, ws: WebSocket, documentId: string): void {
    let room: Room | null = null;
    const early: Uint8Array[] = [];
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (!isBinary) {
        connection.close(CloseCode.malformedFrame, 'text frames are not part of the protocol');
        return;
      }
      const frame = toUint8Array(data);
      if (room) room.receive(connection, frame);
      else early.push(frame);
    });
    ws.on('error', (err) => {
      this.options.logger.info({ err: err.message, user: connection.user.username }, 'socket error');
    });
    ws.on('close', () => {
      this.connections.delete(connection);
      room?.leave(connection);
    });
    this.options.registry.acquire(documentId).then(
      (acquired) => {
        if (!connection.isOpen) return;
        room = acquired;
        room.join(connection);
        for (const frame of early.splice(0)) room.receive(connection, frame);
      },
      (err) => {
        this.options.logger.warn({ err: err.message, documentId }, 'could not open the room');
        connection.close(CloseCode.documentNotFound, 'document unavailable');
      },
    );
  }

  /** Stops the heartbeat and drops any socket still open (rooms close theirs first). */
  close(): void {
    clearInterval(this.heartbeat);
    for (const connection of this.connections) connection.terminate();
    this.wss.close();
  }
}

function toUint8Array(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
