import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Connection, flushSends, Relay, relayNow, WRITE_THROUGH_RELAYS } from './Connection.js';
import { TestSocket } from './testSocket.js';

const user = { id: 'u1', username: 'alice', displayName: 'Alice', color: '#123456' };

let server: WebSocketServer | null = null;
afterEach(() => {
  server?.close();
  server = null;
});

/** A stock client connecting to a real `ws` server; `accepted` is the server's side of it. */
async function socketPair(): Promise<{ client: WebSocket; accepted: Promise<[WebSocket]> }> {
  server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
  await once(server, 'listening');
  const accepted = once(server, 'connection') as Promise<[WebSocket]>;
  return { client: new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`), accepted };
}

describe('Relay', () => {
  it('is one prebuilt frame that a stock WebSocket client reads as the payload, whatever its length', async () => {
    const { client, accepted } = await socketPair();
    const received: Buffer[] = [];
    client.on('message', (data: Buffer, isBinary: boolean) => {
      expect(isBinary).toBe(true);
      received.push(data);
    });
    const [socket] = await accepted;
    const connection = new Connection(socket, user, 'editor');
    // the three length encodings of RFC 6455 and their edges
    const lengths = [0, 1, 125, 126, 127, 65535, 65536, 70000];
    const payloads = lengths.map((n) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + n) & 0xff));
    for (const payload of payloads) connection.relay(new Relay(payload));
    connection.send(Uint8Array.of(1, 2, 3)); // framed by ws, in order with the relays
    flushSends();
    while (received.length < payloads.length + 1) await once(client, 'message');
    expect(received.map((b) => b.length)).toEqual([...lengths, 3]);
    payloads.forEach((payload, i) => expect(new Uint8Array(received[i])).toEqual(payload));
    client.close();
  });

  it('goes through the socket\'s own send where there is no raw socket under it', () => {
    const socket = new TestSocket();
    const connection = new Connection(socket, user, 'editor');
    connection.relay(new Relay(Uint8Array.of(0, 2, 1, 9)));
    expect(socket.sent).toEqual([Uint8Array.of(0, 2, 1, 9)]);
    socket.readyState = 3;
    connection.relay(new Relay(Uint8Array.of(5)));
    expect(socket.sent).toHaveLength(1);
  });
});

describe('relayNow', () => {
  /** A socket with a raw stream under it that records writes and corking, like ws over net.Socket. */
  function rawSocket() {
    const log: string[] = [];
    let corked = 0;
    const raw = {
      writableCorked: 0,
      cork() {
        corked++;
        raw.writableCorked = corked;
        log.push('cork');
      },
      uncork() {
        corked = Math.max(0, corked - 1);
        raw.writableCorked = corked;
        log.push('uncork');
      },
      write(data: Uint8Array, cb: () => void) {
        log.push(corked ? `buffered ${data.length}` : `written ${data.length}`);
        cb();
        return true;
      },
    };
    const socket = Object.assign(new TestSocket(), { _socket: raw });
    return { socket, log };
  }

  const turnEnd = () => new Promise<void>((r) => setImmediate(r));

  it("writes a turn's first relays at once, each as it comes, and corks the relays past them until the turn ends", async () => {
    const { socket, log } = rawSocket();
    const connection = new Connection(socket, user, 'editor');
    await turnEnd();
    relayNow(() => connection.relay(new Relay(new Uint8Array(3))));
    expect(log).toEqual(['written 5']);
    // A change read right behind it in the same turn (a short burst) does not wait for the turn to end.
    relayNow(() => connection.relay(new Relay(new Uint8Array(4))));
    expect(log).toEqual(['written 5', 'written 6']);
    for (let i = 2; i < WRITE_THROUGH_RELAYS; i++) relayNow(() => connection.relay(new Relay(new Uint8Array(1))));
    expect(log).toHaveLength(WRITE_THROUGH_RELAYS);
    expect(log.every((entry) => entry.startsWith('written'))).toBe(true);
    // Past those, many frames came in together (a busy server): one write per socket as the turn ends.
    relayNow(() => connection.relay(new Relay(new Uint8Array(6))));
    relayNow(() => connection.relay(new Relay(new Uint8Array(7))));
    expect(log.slice(WRITE_THROUGH_RELAYS)).toEqual(['cork', 'buffered 8', 'buffered 9']);
    await turnEnd();
    expect(log.at(-1)).toBe('uncork');
    // A new turn, however soon: its first relay is written at once again.
    relayNow(() => connection.relay(new Relay(new Uint8Array(1))));
    expect(log.at(-1)).toBe('written 3');
  });

  it('lets what was corked between two relays of a burst leave before the second, so frames to a socket keep their order', async () => {
    const { socket, log } = rawSocket();
    const connection = new Connection(socket, user, 'editor');
    await turnEnd();
    relayNow(() => connection.relay(new Relay(new Uint8Array(3))));
    connection.relay(new Relay(Uint8Array.of(1, 2))); // a caret behind the change: corked until the turn ends
    relayNow(() => connection.relay(new Relay(new Uint8Array(4))));
    expect(log).toEqual(['written 5', 'cork', 'buffered 4', 'uncork', 'written 6']);
  });

  it("writes a document's relay at once although another document's change was relayed a moment ago, in an earlier turn", async () => {
    const first = rawSocket();
    const second = rawSocket();
    const inFirst = new Connection(first.socket, user, 'editor');
    const inSecond = new Connection(second.socket, user, 'editor');
    await turnEnd();
    relayNow(() => inFirst.relay(new Relay(new Uint8Array(3))));
    await turnEnd();
    relayNow(() => inSecond.relay(new Relay(new Uint8Array(4))));
    expect(first.log).toEqual(['written 5']);
    expect(second.log).toEqual(['written 6']);
  });
});

describe('Connection.close', () => {
  it('sends its close frame at once, even when frames of this turn are still corked, so cutting the socket off afterwards keeps the code', async () => {
    const { client, accepted } = await socketPair();
    const closed = once(client, 'close') as Promise<[number, Buffer]>;
    const [socket] = await accepted;
    const connection = new Connection(socket, user, 'editor');
    connection.send(Uint8Array.of(1, 2, 3)); // corked until the end of the turn
    connection.close(1012, 'server restarting');
    connection.terminate(); // as a server on its way down does to whatever is left
    const [code] = await closed;
    expect(code).toBe(1012);
  });
});

describe('Connection rates', () => {
  it('takes a presence frame as the echo of one sent to it before counting it against the message rate', () => {
    const now = 1_000_000;
    const connection = new Connection(new TestSocket(), user, 'editor', false, { messagesPerSecond: 1, awarenessPerSecond: 1 }, now);
    for (let i = 0; i < 50; i++) connection.expectEcho();
    // fifty presence frames come back: echoes, none of them counted
    for (let i = 0; i < 50; i++) expect(connection.takeFrame(true, now)).toBe(true);
    // then the burst of 3 s at 1 a second, and no more
    expect([1, 2, 3, 4].map(() => connection.takeFrame(true, now))).toEqual([true, true, true, false]);
    // other frames never use the echoes due
    connection.expectEcho();
    expect(connection.takeFrame(false, now)).toBe(false);
    expect(connection.takeFrame(true, now)).toBe(true);
  });
});
