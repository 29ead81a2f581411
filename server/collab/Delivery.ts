// What happens to a batch once the write pipeline has made it durable, the
// one point where stored changes take effect: told to the other instances,
// relayed in the order received (a client's change as its sender sent it,
// to everyone else), on the wire before the server integrates it, then
// applied to the room's document and acknowledged to its senders.
import type { Logger } from 'pino';
import * as Y from 'yjs';
import { CloseCode } from '../../shared/collab.js';
import type { UpdateEntry } from '../store/DocumentStore.js';
import type { AwarenessEntry } from './awarenessIdentity.js';
import type { ChangeIntake } from './ChangeIntake.js';
import type { Connection } from './Connection.js';
import { encodeAck, encodeUpdate } from './protocol.js';
import type { RoomLog } from './RoomLog.js';
import { MAX_WAITING_BYTES } from './WaitingChanges.js';
import type { Released, Step } from './WritePipeline.js';

/** The parts of a room a delivery works on. */
export interface DeliveryTarget {
  readonly documentId: string;
  readonly doc: Y.Doc;
  readonly connections: ReadonlySet<Connection>;
  readonly logger: Logger;
  readonly log: RoomLog;
  readonly intake: ChangeIntake;
  /** Sends a frame to every connection but `except`. */
  broadcast(frame: Uint8Array, except: Connection | null): void;
  /** Applies presence a connection sent (relayed to the others by the awareness). */
  applyPresence(entries: AwarenessEntry[], from: Connection): void;
  /** Entries were stored: the other instances and the observer are told. */
  changed(entries: UpdateEntry[]): void;
  /** The document turned out to be approved. */
  approved(): void;
  reject(connection: Connection, code: number, reason: string): void;
}

export class Delivery implements Released {
  constructor(private readonly room: DeliveryTarget) {}

  stored(batch: Step[], entries: UpdateEntry[]): void {
    const { room } = this;
    if (entries.length > 0) {
      room.log.stored(entries.length);
      room.changed(entries);
    }
    for (const step of batch) {
      if (step.kind === 'server') room.broadcast(encodeUpdate(step.update), null);
      else if (step.kind === 'presence') room.applyPresence(step.entries, step.from);
      else if (step.kind === 'client') room.broadcast(encodeUpdate(step.update), step.from);
    }
    for (const connection of room.connections) connection.flush();
    const acks = new Map<Connection, number>();
    for (const step of batch) {
      if (step.kind === 'client') {
        // Applied even if its sender has gone meanwhile: it is stored.
        this.apply(step.update, step.from);
        room.intake.settled(step);
      }
      if (step.kind === 'client' || step.kind === 'ackOnly') acks.set(step.from, step.frame);
    }
    this.acknowledge(acks);
    room.intake.retryWaiting();
  }

  /** The document was approved meanwhile (by another instance): the batch's frames are acknowledged as processed, not applied. */
  frozen(batch: Step[]): void {
    const { room } = this;
    room.approved();
    const acks = new Map<Connection, number>();
    for (const step of batch) {
      if (step.kind === 'presence') room.applyPresence(step.entries, step.from);
      else if (step.kind !== 'server') acks.set(step.from, step.frame);
      if (step.kind === 'client') room.intake.settled(step);
    }
    this.acknowledge(acks);
  }

  /** Presence that waited behind changes the store refuses goes on without them. */
  presenceNow(step: Extract<Step, { kind: 'presence' }>): void {
    this.room.applyPresence(step.entries, step.from);
  }

  /** Each connection's last frame of a batch (it counts every frame before it), to the connections that asked for acknowledgements. */
  private acknowledge(acks: Map<Connection, number>): void {
    for (const [connection, frame] of acks) {
      if (!connection.extended) continue;
      connection.send(encodeAck(frame));
      connection.flush();
    }
  }

  private apply(update: Uint8Array, from: Connection): void {
    const { room } = this;
    try {
      Y.applyUpdate(room.doc, update, from);
    } catch (err) {
      room.logger.error({ err, documentId: room.documentId }, 'a stored update could not be applied');
      room.reject(from, CloseCode.malformedFrame, 'update could not be applied');
      return;
    }
    // What still waits in Yjs (placed against structs of other members that were left out of the
    // change, see ChangeIntake.admit) is retried on every update: a client piling it up is cut off first.
    const pending = room.doc.store.pendingStructs;
    if (pending && pending.update.length > MAX_WAITING_BYTES) room.reject(from, CloseCode.invalidChange, 'depends on changes nobody sent');
  }
}
