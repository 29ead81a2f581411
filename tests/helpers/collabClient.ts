// Stock y-websocket clients in Node, as API.md promises they work.
import { afterEach } from 'vitest';
import { WebsocketProvider } from 'y-websocket';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { AckTracker, countingWebSocket } from '../../shared/ackTracker.js';
import type { DocumentEvent } from '../../shared/collab.js';
import { listenToEvents } from '../../shared/documentEvents.js';

// Every Node provider adds a process 'exit' listener; tests open dozens.
process.setMaxListeners(200);

export interface CollabClient {
  doc: Y.Doc;
  provider: WebsocketProvider;
  fragment: Y.XmlFragment;
  closeCodes: number[];
  /** Whether every local change is durably stored (the server's acknowledgements). */
  acks: AckTracker;
  /** Events the server sent (comments changed, document changed…). */
  events: DocumentEvent[];
  destroy(): void;
}

/** What a test may fix about a client: its Yjs client id, and the socket class its provider uses (seededNetwork.ts). */
export interface ConnectOptions {
  clientID?: number;
  socketClass?: typeof globalThis.WebSocket;
}

export function connect(wsUrl: string, documentId: string, token?: string, headers?: Record<string, string>, options: ConnectOptions = {}): CollabClient {
  const doc = new Y.Doc();
  // Before the provider exists: its awareness takes the id too.
  if (options.clientID !== undefined) doc.clientID = options.clientID;
  const Polyfill = options.socketClass
    ? (options.socketClass as unknown as typeof WebSocket)
    : headers
      ? class extends WebSocket {
          constructor(url: string, protocols?: string | string[]) {
            super(url, protocols, { headers });
          }
        }
      : WebSocket;
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    WebSocketPolyfill: countingWebSocket(Polyfill) as unknown as typeof globalThis.WebSocket,
    params: token ? { token, ack: '1' } : { ack: '1' },
    disableBc: true,
  });
  const acks = new AckTracker(provider);
  const events: DocumentEvent[] = [];
  listenToEvents(provider, (event) => events.push(event));
  const closeCodes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closeCodes.push(event.code);
  });
  return {
    doc,
    provider,
    fragment: doc.getXmlFragment('default'),
    closeCodes,
    acks,
    events,
    destroy() {
      acks.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Resolves when the predicate holds; polls briefly, fails with a message after the timeout. */
export async function until(predicate: () => boolean | Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await predicate())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export async function synced(client: CollabClient): Promise<void> {
  await until(() => client.provider.synced, 'the initial sync');
}

/** Resolves once the server has acknowledged every local change of the client as stored. */
export async function saved(client: CollabClient, timeoutMs = 5000): Promise<void> {
  await until(() => client.acks.current === 'saved', 'the acknowledgement', timeoutMs);
}

export function appendParagraph(client: CollabClient, text: string): void {
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  client.fragment.insert(client.fragment.length, [p]);
}

export const occurrences = (haystack: string, needle: string) => haystack.split(needle).length - 1;

/**
 * For a test file: `open(documentId, user)` connects a stock client to the
 * server `server()` gives (known once the file's beforeAll has run); every
 * client a test opened is destroyed after it.
 */
export function clientsPerTest(server: () => { wsUrl: string }): (documentId: string, user: { token: string }) => CollabClient {
  const clients: CollabClient[] = [];
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy();
  });
  return (documentId, user) => {
    const c = connect(server().wsUrl, documentId, user.token);
    clients.push(c);
    return c;
  };
}
