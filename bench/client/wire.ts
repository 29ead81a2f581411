// How a server frames the y-protocols messages on its socket. Yigao and
// the reference server both speak plain y-websocket (a frame is a message).
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';

export const Message = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
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
  /** None: a sync step 1 answered after our updates proves they were applied (the reference server is synchronous). */
  | 'none';

export interface Wire {
  readonly url: string;
  readonly confirmation: Confirmation;
  /** Frames sent as soon as the socket opens, before sync step 1. */
  hello(): Uint8Array[];
  /** Writes what precedes a y-protocols message in a frame (nothing for plain y-websocket). */
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
