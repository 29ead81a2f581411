// The frames a bench client sends, encoded by hand as y-websocket does: a
// sync message (step 1, step 2 or an update) and a presence update in
// y-protocols' awareness format, each after what the wire puts before a
// y-protocols message (Wire.writeAddress: nothing for plain y-websocket).
import * as encoding from 'lib0/encoding';
import { Message, type Wire } from './wire.js';

/** A sync message of `step` carrying `payload`. */
export function syncFrame(wire: Wire, step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder();
  wire.writeAddress(encoder);
  encoding.writeVarUint(encoder, Message.sync);
  encoding.writeVarUint(encoder, step);
  encoding.writeVarUint8Array(encoder, payload);
  return encoding.toUint8Array(encoder);
}

/** One client's presence (a JSON string, or null) at `clock`. */
export function awarenessFrame(wire: Wire, clientID: number, clock: number, stateJson: string | null): Uint8Array {
  // y-protocols' awareness update: count, then (client id, clock, JSON state) per client.
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, 1);
  encoding.writeVarUint(update, clientID);
  encoding.writeVarUint(update, clock);
  encoding.writeVarString(update, stateJson ?? 'null');
  const encoder = encoding.createEncoder();
  wire.writeAddress(encoder);
  encoding.writeVarUint(encoder, Message.awareness);
  encoding.writeVarUint8Array(encoder, encoding.toUint8Array(update));
  return encoding.toUint8Array(encoder);
}
