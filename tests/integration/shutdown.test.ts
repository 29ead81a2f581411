// A server on its way down says so (1012, come back later) to every client,
// even to clients that are still sending, or slow to answer, when it stops.
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { CloseCode } from '../../shared/collab.js';
import { newDocument, newUser } from '../helpers/api.js';
import { startServerProcess, type ServerProcess } from '../helpers/serverProcess.js';

let proc: ServerProcess | null = null;
afterEach(async () => {
  await proc?.stop();
  proc = null;
});

/** A query for who is online: a one-byte frame the server answers briefly. */
function awarenessQuery(): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 3);
  return encoding.toUint8Array(encoder);
}

describe('shutting down', () => {
  it('closes with 1012 the sockets of clients that are still sending and slow to answer the close', async () => {
    proc = await startServerProcess({ MESSAGES_PER_SECOND: '100000' });
    const owner = await newUser(proc.url, '关闭');
    const id = await newDocument(proc.url, owner);
    const frame = awarenessQuery();
    const clients = await Promise.all(
      Array.from({ length: 8 }, async () => {
        const ws = new WebSocket(`${proc!.wsUrl}/${id}?token=${owner.token}`);
        await once(ws, 'open');
        const result = { ws, codes: [] as number[], sent: 0 };
        ws.on('error', () => undefined);
        ws.on('close', (code) => result.codes.push(code));
        // a client that never stops sending: the server has unread frames when it closes
        const pump = () => {
          if (ws.readyState !== WebSocket.OPEN) return;
          for (let i = 0; i < 5; i++) ws.send(frame);
          result.sent += 5;
          setTimeout(pump, 2);
        };
        pump();
        return result;
      }),
    );
    await new Promise((r) => setTimeout(r, 300));
    proc.kill('SIGTERM');
    // the clients are busy for a while and cannot answer the server's close frame at once
    const busyUntil = Date.now() + 1_500;
    while (Date.now() < busyUntil) {
      /* a client whose machine is loaded */
    }
    expect(await proc.exited).toBe(0);
    await Promise.all(clients.map((c) => (c.ws.readyState === WebSocket.CLOSED ? null : once(c.ws, 'close'))));
    for (const c of clients) expect(c.sent).toBeGreaterThan(100);
    expect(clients.map((c) => c.codes)).toEqual(clients.map(() => [CloseCode.serviceRestart]));
  });
});
