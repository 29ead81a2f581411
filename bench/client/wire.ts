// How one server frames the y-protocols messages on its socket. Yigao and
// the reference server speak plain y-websocket (a frame is a message);
// Hocuspocus prefixes every frame with the document's name and wants an
// authentication message before anything else.
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

export const Message = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
  /** Hocuspocus: the server applied (or refused) one update of ours. */
  hocuspocusSyncStatus: 8,
  /** Yigao: the first n update frames of this socket are stored. */
  yigaoAck: 100,
  /** Yigao: refresh something over HTTP. */
  yigaoEvent: 101,
} as const;

export const SyncStep = { step1: 0, step2: 1, update: 2 } as const;

/** How a server confirms that it has processed our update frames, if it does. */
export type Confirmation =
  /** Yigao's durable acknowledgement (message 100, cumulative count). */
  | 'ack'
  /** Hocuspocus's sync status (message 8, one per update applied). */
  | 'syncStatus'
  /** None: a sync step 1 answered after our updates proves they were applied (the reference server is synchronous). */
  | 'none';

export interface Wire {
  readonly url: string;
  readonly confirmation: Confirmation;
  /** Frames sent as soon as the socket opens, before sync step 1. */
  hello(): Uint8Array[];
  /** Writes what precedes a y-protocols message in a frame (nothing, or Hocuspocus's document name). */
  writeAddress(encoder: encoding.Encoder): void;
  /** Reads past it in a received frame. */
  skipAddress(decoder: decoding.Decoder): void;
}

export function yWebsocketWire(url: string, confirmation: 'ack' | 'none'): Wire {
  return {
    url,
    confirmation,
    hello: () => [],
    writeAddress: () => undefined,
    skipAddress: () => undefined,
  };
}

/** Hocuspocus 4's framing (see @hocuspocus/provider's OutgoingMessages). */
export function hocuspocusWire(url: string, documentName: string, token = ''): Wire {
  const AUTH_TOKEN = 0;
  const PROVIDER_VERSION = '4.7.0';
  return {
    url,
    confirmation: 'syncStatus',
    hello() {
      const encoder = encoding.createEncoder();
      encoding.writeVarString(encoder, documentName);
      encoding.writeVarUint(encoder, Message.auth);
      encoding.writeVarUint(encoder, AUTH_TOKEN);
      encoding.writeVarString(encoder, token);
      encoding.writeVarString(encoder, PROVIDER_VERSION);
      return [encoding.toUint8Array(encoder)];
    },
    writeAddress: (encoder) => encoding.writeVarString(encoder, documentName),
    skipAddress: (decoder) => void decoding.readVarString(decoder),
  };
}
