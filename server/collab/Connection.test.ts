import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { Connection } from './Connection.js';
import { TestSocket } from './testSocket.js';
import { Transport, type Wire } from './transport.js';

const user = { id: 'u1', username: 'alice', displayName: 'Alice', color: '#123456' };

const servers: http.Server[] = [];
afterEach(() => {
  for (const server of servers.splice(0)) server.close();
});

/** A stock client connected through `transport`; `accepted` is the server's side of it and the TCP socket under it. */
async function socketPair(transport = new Transport({ maxFrameBytes: 1 << 20 })) {
  const server = http.createServer();
  servers.push(server);
  const accepted = new Promise<{ wire: Wire; tcp: Duplex }>((resolve) => {
    server.on('upgrade', (req, tcp: Duplex, head: Buffer) => {
      transport.accept(req, tcp, head, (wire) => {
        resolve({ wire, tcp });
        return { message() {}, error() {}, close() {} };
      });
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  const received: number[][] = [];
  client.on('message', (data: Buffer) => received.push([...data]));
  await once(client, 'open');
  return { client, received, transport, ...(await accepted) };
}

const turnEnd = () => new Promise<void>((r) => setImmediate(r));

describe('Transport', () => {
  it("holds a turn's frames to a socket back and sends them in one write as the turn ends", async () => {
    const { client, received, wire, tcp } = await socketPair();
    await turnEnd();
    for (const n of [1, 2, 3]) wire.send(Uint8Array.of(n));
    expect(tcp.writableCorked).toBe(1);
    expect(tcp.writableLength).toBeGreaterThan(0);
    await turnEnd();
    expect(tcp.writableCorked).toBe(0);
    while (received.length < 3) await once(client, 'message');
    expect(received).toEqual([[1], [2], [3]]);
    client.close();
  });

  it('sends what a socket holds at once when flushed, before the turn ends', async () => {
    const { client, wire, tcp } = await socketPair();
    wire.send(Uint8Array.of(7));
    wire.flush();
    expect(tcp.writableCorked).toBe(0);
    client.close();
  });

  it('keeps its sockets to itself: two server instances in one process do not flush each other', async () => {
    const a = await socketPair();
    const b = await socketPair();
    a.wire.send(Uint8Array.of(1));
    b.wire.send(Uint8Array.of(2));
    b.transport.flushAll();
    expect(b.tcp.writableCorked).toBe(0);
    expect(a.tcp.writableCorked).toBe(1);
    await turnEnd();
    expect(a.tcp.writableCorked).toBe(0);
    a.client.close();
    b.client.close();
  });
});

describe('Connection.close', () => {
  it('sends its close frame at once, even when frames of this turn are still held back, so cutting the socket off afterwards keeps the code', async () => {
    const { client, wire } = await socketPair();
    const closed = once(client, 'close') as Promise<[number, Buffer]>;
    const connection = new Connection(wire, user, 'editor');
    connection.send(Uint8Array.of(1, 2, 3)); // held back until the end of the turn
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
