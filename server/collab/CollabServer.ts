// The WebSocket endpoint at /collab/<documentId>: decides who is connecting
// and with which role before the socket is accepted, then hands the socket to
// the document's room.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Logger } from 'pino';
import { ACK_PARAM, COLLAB_PATH, CloseCode, MessageType } from '../../shared/collab.js';
import { colorForUser } from '../../shared/colors.js';
import { Authenticator } from '../auth/Authenticator.js';
import type { DocumentAccess } from '../access/DocumentAccess.js';
import { isAllowedOrigin } from '../access/origin.js';
import { Connection, type ConnectionRates } from './Connection.js';
import { DocumentNotFoundError, type LoadWaiter } from './RoomRegistry.js';
import type { Room } from './Room.js';
import type { RoomRegistry } from './RoomRegistry.js';
import type { StoredUpdates } from '../store/DocumentStore.js';
import { decodeClientMessage, type ClientMessage } from './protocol.js';
import { answerFromStore } from './storedAnswer.js';
import type { Transport, Wire, WireEvents } from './transport.js';

export interface CollabLimits extends ConnectionRates {
  maxFrameBytes: number;
  maxConnectionsPerUser: number;
  maxConnectionsPerDocument: number;
}

export interface CollabServerOptions {
  registry: RoomRegistry;
  authenticator: Authenticator;
  access: DocumentAccess;
  logger: Logger;
  limits: CollabLimits;
  extraOrigins: readonly string[];
  heartbeatMs?: number;
  /** This server instance's sockets (transport.ts). */
  transport: Transport;
}

type Admission = { ok: true; connection: (wire: Wire) => Connection } | { ok: false; code: number; reason: string };

export class CollabServer {
  private readonly connections = new Set<Connection>();
  private readonly perUser = new Map<string, number>();
  private readonly perDocument = new Map<string, number>();
  private readonly heartbeat: NodeJS.Timeout;
  /** Set while closing: called once the last socket has closed. */
  private whenEmpty: (() => void) | null = null;

  constructor(private readonly options: CollabServerOptions) {
    this.heartbeat = setInterval(() => {
      for (const connection of this.connections) connection.heartbeat();
    }, options.heartbeatMs ?? 30_000);
    this.heartbeat.unref();
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
    let documentId = '';
    try {
      documentId = decodeURIComponent(url.pathname.slice(COLLAB_PATH.length + 1));
    } catch {
      // a malformed escape is no valid id either
    }
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
    const access = await this.options.access.role(documentId, user.id);
    if (!access.ok) return { ok: false, code: access.code, reason: access.reason };
    const { role } = access;
    const identity = { id: user.id, username: user.username, displayName: user.displayName, color: colorForUser(user.id) };
    const { limits } = this.options;
    if ((this.perUser.get(user.id) ?? 0) >= limits.maxConnectionsPerUser) {
      return { ok: false, code: CloseCode.tooManyConnections, reason: 'too many connections for this account' };
    }
    if ((this.perDocument.get(documentId) ?? 0) >= limits.maxConnectionsPerDocument) {
      return { ok: false, code: CloseCode.tooManyConnections, reason: 'too many connections to this document' };
    }
    const extended = url.searchParams.get(ACK_PARAM) === '1';
    return { ok: true, connection: (wire) => new Connection(wire, identity, role, extended, limits) };
  }

  private accept(req: IncomingMessage, socket: Duplex, head: Buffer, documentId: string, admission: Admission): void {
    if (socket.destroyed) return;
    this.options.transport.accept(req, socket, head, (wire) => {
      // Refusals are sent as close codes in 4400–4499, which the stock provider does not retry.
      if (!admission.ok) {
        this.options.logger.info({ code: admission.code, reason: admission.reason, documentId }, 'refused a WebSocket');
        wire.close(admission.code, admission.reason);
        return { message() {}, error() {}, close() {} };
      }
      const connection = admission.connection(wire);
      this.track(connection, documentId, +1);
      return this.attach(connection, documentId);
    });
  }

  private attach(connection: Connection, documentId: string): WireEvents {
    let room: Room | null = null;
    const early: Uint8Array[] = [];
    // While a large document loads, the client's sync step 1 is answered from the stored state (storedAnswer.ts).
    let stored: StoredUpdates | null = null;
    let answered: Promise<void> | null = null;
    const answerEarly = (frame: Uint8Array): boolean => {
      if (!stored || answered) return false;
      let message: ClientMessage;
      try {
        message = decodeClientMessage(frame);
      } catch {
        return false; // the room rejects it
      }
      if (message.kind !== 'syncStep1') return false;
      let answer: Uint8Array;
      try {
        answer = answerFromStore(stored, message.stateVector);
      } catch (err) {
        this.options.logger.warn({ err, documentId }, 'could not answer from the stored state; the room will');
        return false;
      }
      answered = connection.sendFlushed(answer);
      wakeWaiter();
      return true;
    };
    let wakeWaiter = () => {};
    let closed = false;
    const whenClosed: (() => void)[] = [];
    const waiter: LoadWaiter = (s) => {
      if (!connection.isOpen) return;
      stored = s;
      const i = early.findIndex(answerEarly);
      if (i >= 0) early.splice(i, 1);
      if (answered) return answered;
      // The client's step 1 is on its way (sent as the socket opened): the room waits for it a little.
      return new Promise<void>((resolve) => {
        wakeWaiter = resolve;
        if (closed) resolve();
        else whenClosed.push(resolve);
      }).then(() => answered ?? undefined);
    };
    const reject = (code: number, reason: string) => {
      if (connection.close(code, reason)) this.options.logger.warn({ documentId, user: connection.user.username, code, reason }, 'closed a connection');
    };
    const events: WireEvents = {
      message: (frame, isBinary) => {
        if (!connection.isOpen) return;
        if (!isBinary) return reject(CloseCode.malformedFrame, 'text frames are not part of the protocol');
        if (!connection.takeFrame(frame[0] === MessageType.awareness)) return reject(CloseCode.rateLimited, 'too many messages');
        if (room) room.receive(connection, frame);
        else if (!answerEarly(frame)) early.push(frame);
      },
      error: (err) => {
        const tooBig = err.code === 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH';
        if (tooBig)
          this.options.logger.warn({ documentId, user: connection.user.username, code: CloseCode.messageTooLarge }, 'closed a connection: frame too large');
        else this.options.logger.info({ err: err.message, user: connection.user.username }, 'socket error');
      },
      close: () => {
        closed = true;
        for (const resolve of whenClosed.splice(0)) resolve();
        if (connection.fellBehind)
          this.options.logger.warn(
            { documentId, user: connection.user.username, code: CloseCode.tryAgainLater },
            'closed a connection whose reader fell behind',
          );
        this.track(connection, documentId, -1);
        room?.leave(connection);
      },
    };
    this.options.registry.acquire(documentId, waiter).then(
      (acquired) => {
        stored = null;
        if (!connection.isOpen) return;
        room = acquired;
        room.join(connection, answered !== null);
        for (const frame of early.splice(0)) room.receive(connection, frame);
      },
      (err) => {
        if (err instanceof DocumentNotFoundError) {
          connection.close(CloseCode.documentNotFound, 'no such document');
          return;
        }
        // Not final: the client retries, and no empty document was ever served in its place.
        this.options.logger.error({ err, documentId }, 'could not load the document');
        connection.close(CloseCode.tryAgainLater, 'document could not be loaded');
      },
    );
    return events;
  }

  private track(connection: Connection, documentId: string, delta: 1 | -1): void {
    if (delta > 0) this.connections.add(connection);
    else if (!this.connections.delete(connection)) return;
    const bump = (map: Map<string, number>, key: string) => {
      const next = (map.get(key) ?? 0) + delta;
      if (next > 0) map.set(key, next);
      else map.delete(key);
    };
    bump(this.perUser, connection.user.id);
    bump(this.perDocument, documentId);
    if (this.connections.size === 0) this.whenEmpty?.();
  }

  /**
   * Closes every socket with 1012 (rooms close theirs first) and waits, up to
   * `graceMs`, for each client to answer the close: a socket cut off while its
   * client is still sending is reset, and the reset can destroy the close frame
   * before the client reads it (it would see 1006, not "come back later").
   */
  async close(graceMs = 3_000): Promise<void> {
    clearInterval(this.heartbeat);
    for (const connection of this.connections) connection.close(CloseCode.serviceRestart, 'server restarting');
    if (this.connections.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        this.whenEmpty = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.whenEmpty = null;
    }
    for (const connection of this.connections) connection.terminate();
    this.options.transport.close();
  }
}

function refuseUpgrade(socket: Duplex, status: number, text: string): void {
  if (socket.destroyed) return;
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
