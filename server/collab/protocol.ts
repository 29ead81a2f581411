// The y-websocket wire format: decoding a client's frame into a message, and
// encoding what the server sends. A table keyed by message type; anything that
// does not decode is a ProtocolError, which closes that one connection.
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { MessageType, type DocumentEvent } from '../../shared/collab.js';
import { scanUpdate, type UpdateShape } from './scanUpdate.js';

const SyncStep = { step1: 0, step2: 1, update: 2 } as const;

export type ClientMessage =
  | { kind: 'syncStep1'; stateVector: Uint8Array }
  /** A document change: a sync step 2 (reply to our step 1) or a live update; null when it carries nothing. */
  | { kind: 'update'; update: Uint8Array | null; attribution: UpdateAttribution }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'queryAwareness' }
  /** Known messages the server has no use for (the unused auth message). */
  | { kind: 'ignored' };

export class ProtocolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProtocolError';
  }
}

function readPayload(decoder: decoding.Decoder): Uint8Array {
  const length = decoding.readVarUint(decoder);
  if (length > decoder.arr.length - decoder.pos) throw new ProtocolError('payload longer than the frame');
  return decoding.readUint8Array(decoder, length);
}

const readers: Record<number, (decoder: decoding.Decoder) => ClientMessage> = {
  [MessageType.sync]: (decoder) => {
    const step = decoding.readVarUint(decoder);
    const payload = readPayload(decoder);
    switch (step) {
      case SyncStep.step1:
        try {
          Y.decodeStateVector(payload);
        } catch {
          throw new ProtocolError('malformed state vector');
        }
        return { kind: 'syncStep1', stateVector: payload };
      case SyncStep.step2:
      case SyncStep.update: {
        const attribution = inspectUpdate(payload);
        return { kind: 'update', update: attribution.empty ? null : payload, attribution };
      }
      default:
        throw new ProtocolError(`unknown sync step ${step}`);
    }
  },
  [MessageType.awareness]: (decoder) => ({ kind: 'awareness', update: readPayload(decoder) }),
  [MessageType.queryAwareness]: () => ({ kind: 'queryAwareness' }),
  [MessageType.auth]: () => ({ kind: 'ignored' }),
};

/** What an update touches, for attributing it to the account that sent it. */
export interface UpdateAttribution {
  /** Nothing in it (a client's step 2 with nothing new). */
  empty: boolean;
  /** The Yjs client ids whose insertions it carries. */
  clients: number[];
  /** What it deletes, encoded as a snapshot with an empty state vector; null when nothing. */
  deletes: Uint8Array | null;
  /** What it writes (updateRules.ts, placement.ts). */
  shape: UpdateShape;
}

/**
 * Reads every struct and the delete set, so a truncated or garbled update
 * fails here, before anything is stored, relayed or applied to the live
 * document: one pass without building the structs (scanUpdate), which Yjs
 * would (a Y.Doc for each sub-document).
 */
export function inspectUpdate(update: Uint8Array): UpdateAttribution {
  try {
    return scanUpdate(update);
  } catch {
    throw new ProtocolError('malformed document update');
  }
}

/** The same answer (but the shape) from Yjs's own decoder, which builds every struct: the oracle scanUpdate is tested against. */
export function inspectWithYjs(update: Uint8Array): Omit<UpdateAttribution, 'shape'> {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    throw new ProtocolError('malformed document update');
  }
  const clients = new Set<number>();
  for (const struct of decoded.structs) if (!(struct instanceof Y.Skip)) clients.add(struct.id.client);
  const hasDeletes = decoded.ds.clients.size > 0;
  return {
    empty: decoded.structs.length === 0 && !hasDeletes,
    clients: [...clients],
    deletes: hasDeletes ? Y.encodeSnapshot(Y.createSnapshot(decoded.ds, new Map())) : null,
  };
}

export function decodeClientMessage(frame: Uint8Array): ClientMessage {
  const decoder = decoding.createDecoder(frame);
  try {
    const type = decoding.readVarUint(decoder);
    const read = readers[type];
    if (!read) throw new ProtocolError(`unknown message type ${type}`);
    return read(decoder);
  } catch (err) {
    if (err instanceof ProtocolError) throw err;
    throw new ProtocolError('truncated frame');
  }
}

function syncMessage(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

export function encodeSyncStep1(doc: Y.Doc): Uint8Array {
  return syncMessage(SyncStep.step1, Y.encodeStateVector(doc));
}

export function encodeSyncStep2(doc: Y.Doc, stateVector: Uint8Array): Uint8Array {
  return syncMessage(SyncStep.step2, Y.encodeStateAsUpdate(doc, stateVector));
}

/** A sync step 2 carrying an update computed elsewhere (the stored state). */
export function encodeSyncStep2Of(update: Uint8Array): Uint8Array {
  return syncMessage(SyncStep.step2, update);
}

export function encodeUpdate(update: Uint8Array): Uint8Array {
  return syncMessage(SyncStep.update, update);
}

export { encodeAck } from '../../shared/ackTracker.js';

export function encodeEvent(event: DocumentEvent): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.event);
  encoding.writeVarString(encoder, JSON.stringify(event));
  return encoding.toUint8Array(encoder);
}

export function encodeAwareness(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.awareness);
  encoding.writeVarUint8Array(encoder, update);
  return encoding.toUint8Array(encoder);
}
