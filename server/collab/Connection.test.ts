import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket, WebSocketServer } from 'ws';
import { Connection, flushSends, Relay } from './Connection.js';
import { TestSocket } from './testSocket.js';

const user = { id: 'u1', username: 'alice', displayName: 'Alice', color: '#123456' };

describe('Relay', () => {
  let server: WebSocketServer | null = null;
  afterEach(async () => {
    server?.close();
    server = null;
  });

  it('is one prebuilt frame that a stock WebSocket client reads as the payload, whatever its length', async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1', perMessageDeflate: false });
    await once(server, 'listening');
    const accepted = once(server, 'connection') as Promise<[WebSocket]>;
    const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
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
