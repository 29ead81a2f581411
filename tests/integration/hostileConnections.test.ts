// Hostile connections against a real server with small limits: floods, oversized
// presence, too many connections, presence in another's name, cross-site upgrades,
// odd document ids and slow request headers. Each is refused with its documented
// code, and the server keeps serving a canary client on another document.
import net from 'node:net';
import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/collab.js';
import { newDocument, share } from '../helpers/api.js';
import { connect, synced, until } from '../helpers/collabClient.js';
import { rawSocket, syncFrame } from '../helpers/rawSocket.js';
import { awarenessFrame, canaryDoc, canaryStillServed, clients, other, owner, srv, useHostileServer } from './hostileServer.js';

useHostileServer();

describe('hostile WebSocket input', () => {
  it('closes a connection that floods messages with 4429, and one that floods presence with 4429', async () => {
    const id = await newDocument(srv.url, owner);
    const sv = Y.encodeStateVector(new Y.Doc());
    const flood = Array.from({ length: 200 }, () => syncFrame(0, sv));
    expect((await rawSocket(`${srv.wsUrl}/${id}?token=${owner.token}`, flood)).closeCode).toBe(CloseCode.rateLimited);
    const presence = Array.from({ length: 40 }, (_, i) => awarenessFrame(777, i + 1, { cursor: i }));
    expect((await rawSocket(`${srv.wsUrl}/${id}?token=${owner.token}`, presence)).closeCode).toBe(CloseCode.rateLimited);
    await canaryStillServed();
  });

  it('refuses a presence state over the size limit with 4413', async () => {
    const id = await newDocument(srv.url, owner);
    const out = await rawSocket(`${srv.wsUrl}/${id}?token=${owner.token}`, [awarenessFrame(778, 1, { pad: 'x'.repeat(8 * 1024) })]);
    expect(out.closeCode).toBe(CloseCode.messageTooLarge);
  });

  it('refuses connections beyond the per-account and per-document limits with 4430', async () => {
    const id = await newDocument(srv.url, owner);
    const mine = Array.from({ length: 6 }, () => connect(srv.wsUrl, id, owner.token));
    clients.push(...mine);
    await Promise.all(mine.map(synced));
    expect((await rawSocket(`${srv.wsUrl}/${id}?token=${owner.token}`)).closeCode).toBe(CloseCode.tooManyConnections);
    // another account may still join, up to the document's limit of 8
    await share(srv.url, owner, id, other, 'editor');
    const theirs = [connect(srv.wsUrl, id, other.token), connect(srv.wsUrl, id, other.token)];
    clients.push(...theirs);
    await Promise.all(theirs.map(synced));
    expect((await rawSocket(`${srv.wsUrl}/${id}?token=${other.token}`)).closeCode).toBe(CloseCode.tooManyConnections);
    // closing one frees a place
    mine[0].destroy();
    await until(async () => (await rawSocket(`${srv.wsUrl}/${id}?token=${owner.token}`, [], { waitMs: 300 })).closeCode === null, 'a freed place');
  });

  it("never lets a client remove or overwrite another client's presence", async () => {
    const id = await newDocument(srv.url, owner);
    await share(srv.url, owner, id, other, 'editor');
    const a = connect(srv.wsUrl, id, owner.token);
    const b = connect(srv.wsUrl, id, other.token);
    clients.push(a, b);
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('cursor', 1);
    await until(() => b.provider.awareness.getStates().has(a.doc.clientID), "a's presence at b");
    const attacker = await rawSocket(
      `${srv.wsUrl}/${id}?token=${other.token}`,
      [awarenessFrame(a.doc.clientID, 99, null), awarenessFrame(a.doc.clientID, 100, { user: { name: '冒充' } })],
      { waitMs: 500 },
    );
    expect(attacker.closeCode).toBeNull();
    expect(b.provider.awareness.getStates().get(a.doc.clientID)?.user).toMatchObject({ username: owner.username });
  });

  it('refuses a cross-site upgrade with 403, and odd document ids with 4404', async () => {
    expect((await rawSocket(`${srv.wsUrl}/${canaryDoc}?token=${other.token}`, [], { headers: { Origin: 'https://evil.example' } })).httpStatus).toBe(403);
    for (const id of ['..%2F..%2Fetc%2Fpasswd', "x'%20OR%201%3D1--", '%E0%A4%A', 'a'.repeat(300)]) {
      expect((await rawSocket(`${srv.wsUrl}/${id}?token=${owner.token}`)).closeCode, id).toBe(CloseCode.documentNotFound);
    }
  });

  it('drops an HTTP connection that does not finish its request headers in time', async () => {
    const { port } = new URL(srv.url);
    const closed = await new Promise<boolean>((resolve) => {
      const socket = net.connect(Number(port), '127.0.0.1', () => socket.write('GET /x HTTP/1.1\r\nHost: x\r\n'));
      socket.resume(); // read, so that the server's close is seen
      socket.on('close', () => resolve(true));
      socket.on('error', () => {});
      setTimeout(() => resolve(false), 5000);
    });
    expect(closed).toBe(true);
  });
});
