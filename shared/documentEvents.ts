// Client side of Yigao's event message: the server tells open editors to
// refresh something (comments, the document's status, notifications).
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { MessageType, type DocumentEvent } from './collab.js';

/** Calls `listener` with every event the server sends on this provider's socket (connect with `?ack=1`). */
export function listenToEvents(provider: WebsocketProvider, listener: (event: DocumentEvent) => void): () => void {
  const previous = provider.messageHandlers[MessageType.event];
  provider.messageHandlers[MessageType.event] = (encoder, decoder, ...rest) => {
    const start = decoder.pos;
    try {
      listener(JSON.parse(decoding.readVarString(decoder)) as DocumentEvent);
    } catch {
      // an event this client does not understand is ignored
    }
    if (previous) {
      decoder.pos = start;
      previous(encoder, decoder, ...rest);
    }
  };
  return () => {
    provider.messageHandlers[MessageType.event] = previous;
  };
}
