// Hostile input against a real server with small limits: every breach closes
// only the offending connection with its documented code, the server keeps
// serving a canary client on another document, and nothing stored changes.
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/collab.js';
import { api, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { appendParagraph, connect, saved, synced, until, type CollabClient } from '../helpers/collabClient.js';
import { type Outcome, rawSocket, syncFrame } from '../helpers/rawSocket.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

let srv: TestServer;
let owner: TestUser;
let other: TestUser;
let canaryDoc: string;
let canary: CollabClient;
const clients: CollabClient[] = [];

const LIMITS = {
  MAX_FRAME_BYTES: String(64 * 1024),
  MAX_DOCUMENT_BYTES: String(200 * 1024),
  MAX_AWARENESS_BYTES: String(4 * 1024),
  AWARENESS_PER_SECOND: '5',
  MESSAGES_PER_SECOND: '20',
  MAX_CONNECTIONS_PER_USER: '6',
  MAX_CONNECTIONS_PER_DOCUMENT: '8',
  HANDSHAKE_TIMEOUT_SECONDS: '1',
};

function awarenessFrame(clientId: number, clock: number, state: unknown): Uint8Array {
  const inner = encoding.createEncoder();
  encoding.writeVarUint(inner, 1);
  encoding.writeVarUint(inner, clientId);
  encoding.writeVarUint(inner, clock);
  encoding.writeVarString(inner, JSON.stringify(state));
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1);
  encoding.writeVarUint8Array(e, encoding.toUint8Array(inner));
  return encoding.toUint8Array(e);
}

function paragraphUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment('default').insert(0, [p]);
  return Y.encodeStateAsUpdate(doc);
}

const storedLog = async (id: string) => (await srv.server.storage.documents.load(id)).updates.map((u) => Buffer.from(u).toString('base64'));

/** The server still serves: the canary on another document stores an edit. */
async function canaryStillServed(): Promise<void> {
  appendParagraph(canary, `金丝雀${Date.now()}${Math.random()}`);
  await saved(canary);
  expect(canary.closeCodes).toEqual([]);
  expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
}

beforeAll(async () => {
  srv = await startTestServer(LIMITS);
  owner = await newUser(srv.url, '张丽');
  other = await newUser(srv.url, '王明');
  canaryDoc = await newDocument(srv.url, other);
  canary = connect(srv.wsUrl, canaryDoc, other.token);
  await synced(canary);
});

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

afterAll(async () => {
  canary.destroy();
  await srv.stop();
});

describe('hostile WebSocket input', () => {
  it('refuses a frame over the size limit with 4413, before reading it, and stores nothing', async () => {
    const id = await newDocument(srv.url, owner);
    const before = await storedLog(id);
    const out = await rawSocket(`${srv.wsUrl}/${id}?token=${owner.token}`, [syncFrame(2, paragraphUpdate('大'.repeat(40_000)))]);
    expect(out.closeCode).toBe(CloseCode.messageTooLarge);
    expect(await storedLog(id)).toEqual(before);
    await canaryStillServed();
  });

  it('closes random and malformed frames with 4400 and stores nothing', async () => {
    const id = await newDocument(srv.url, owner);
    const before = await storedLog(id);
    const good = paragraphUpdate('正常内容');
    const frames: [string, Uint8Array][] = [
      ['random bytes', randomBytes(64)],
      ['unknown message type', Uint8Array.from([42, 1, 2])],
      ['a length longer than the frame', Uint8Array.from([0, 2, 250, 250, 250, 250, 1])],
      ['a truncated update', syncFrame(2, good.subarray(0, good.length - 4))],
      ['garbage inside an update', syncFrame(2, Uint8Array.from([1, 1, 200, 1, 0, 77, 77, 77, 77]))],
      ['a malformed state vector', syncFrame(0, Uint8Array.from([5, 1]))],
      ['a malformed awareness update', Uint8Array.from([1, 3, 1, 1, 200])],
      ['a text frame', Buffer.from('hello')],
    ];
    for (const [what, frame] of frames) {
      const out = await new Promise<Outcome>((resolve) => {
        const ws = new WebSocket(`${srv.wsUrl}/${id}?token=${owner.token}`);
        ws.on('open', () => ws.send(frame, { binary: what !== 'a text frame' }));
        ws.on('close', (code) => resolve({ httpStatus: null, closeCode: code }));
        ws.on('error', () => {});
      });
      expect(out.closeCode, what).toBe(CloseCode.malformedFrame);
    }
    // random frames from many seeds: each closes with 4400 or is harmless; the server never falls over
    for (let i = 0; i < 30; i++) {
      const out = await rawSocket(`${srv.wsUrl}/${id}?token=${owner.token}`, [randomBytes(1 + ((i * 37) % 300))], { waitMs: 300 });
      expect([null, CloseCode.malformedFrame]).toContain(out.closeCode);
    }
    expect(await storedLog(id)).toEqual(before);
    await canaryStillServed();
  });

  it('refuses an update that would grow the document past its limit with 4414, keeping what was stored', async () => {
    const id = await newDocument(srv.url, owner);
    const writer = connect(srv.wsUrl, id, owner.token);
    clients.push(writer);
    await synced(writer);
    appendParagraph(writer, '限额之内');
    await saved(writer);
    const before = await storedLog(id);
    // 50 KB frames stay under the frame limit; the fourth crosses the document limit
    const frames = [1, 2, 3, 4, 5].map((n) => syncFrame(2, paragraphUpdate(`${n}`.repeat(50_000))));
    const out = await rawSocket(`${srv.wsUrl}/${id}?token=${owner.token}`, frames);
    expect(out.closeCode).toBe(CloseCode.documentTooLarge);
    const after = await storedLog(id);
    expect(after.slice(0, before.length)).toEqual(before);
    expect(after.length).toBeLessThanOrEqual(before.length + 3);
    await canaryStillServed();
  });

  it('refuses well-formed changes that would break the document with 4422: nothing stored, the document and its exports still served', async () => {
    const id = await newDocument(srv.url, owner);
    const writer = connect(srv.wsUrl, id, owner.token);
    clients.push(writer);
    await synced(writer);
    appendParagraph(writer, '正常的一段');
    await saved(writer);
    const before = await storedLog(id);
    const change = (make: (doc: Y.Doc) => void) => {
      const doc = new Y.Doc();
      doc.transact(() => make(doc));
      return Y.encodeStateAsUpdate(doc);
    };
    let nested: unknown = 1;
    for (let i = 0; i < 1_000; i++) nested = [nested];
    const hostile: [string, Uint8Array][] = [
      [
        'a value nested 1,000 deep',
        change((doc) => {
          const p = new Y.XmlElement('paragraph');
          const t = new Y.XmlText();
          doc.getXmlFragment('default').insert(0, [p]);
          p.insert(0, [t]);
          t.insert(0, '深', { bold: nested });
        }),
      ],
      ['a Y.Map beside the body', change((doc) => doc.getMap('extra').set('k', 'v'))],
      [
        'a Y.Array in the body',
        change((doc) => {
          const p = new Y.XmlElement('paragraph');
          doc.getXmlFragment('default').insert(0, [p]);
          p.insert(0, [new Y.Array() as unknown as Y.XmlText]);
        }),
      ],
      [
        'a sub-document in the body',
        change((doc) => {
          const p = new Y.XmlElement('paragraph');
          doc.getXmlFragment('default').insert(0, [p]);
          p.insert(0, [new Y.Doc() as unknown as Y.XmlText]);
        }),
      ],
      [
        'a mark the schema does not have',
        change((doc) => {
          const p = new Y.XmlElement('paragraph');
          const t = new Y.XmlText();
          doc.getXmlFragment('default').insert(0, [p]);
          p.insert(0, [t]);
          t.insert(0, '闪', { blink: true });
        }),
      ],
      ['an element the schema does not have', change((doc) => doc.getXmlFragment('default').insert(0, [new Y.XmlElement('iframe')]))],
      [
        'an attribute no node has',
        change((doc) => {
          const p = new Y.XmlElement('paragraph');
          p.setAttribute('onclick', 'alert(1)');
          doc.getXmlFragment('default').insert(0, [p]);
        }),
      ],
      [
        'deletions of 5,000 things the document does not have',
        (() => {
          const elsewhere = new Y.Doc();
          const text = elsewhere.getText('t');
          text.insert(0, '一'.repeat(10_000));
          const all = Y.encodeStateVector(elsewhere);
          for (let i = 9_998; i >= 0; i -= 2) text.delete(i, 1);
          return Y.encodeStateAsUpdate(elsewhere, all); // the delete set alone
        })(),
      ],
    ];
    for (const [what, update] of hostile) {
      const out = await rawSocket(`${srv.wsUrl}/${id}?token=${owner.token}`, [syncFrame(2, update)]);
      expect(out.closeCode, what).toBe(CloseCode.invalidChange);
    }
    expect(await storedLog(id)).toEqual(before);
    // the document opens for a fresh client with its content, and every rendering answers
    const fresh = connect(srv.wsUrl, id, owner.token);
    clients.push(fresh);
    await synced(fresh);
    expect(fresh.fragment.toString()).toContain('正常的一段');
    for (const path of ['content', 'export?format=docx&version=current', 'export?format=md&version=current', 'export?format=html&version=current']) {
      expect((await api(srv.url, 'GET', `/api/documents/${id}/${path}`, { token: owner.token })).status, path).toBe(200);
    }
    await canaryStillServed();
  });

  it('renders and exports in time whatever attributes a log already holds: a heading of level 1e9, a cell spanning a million columns', async () => {
    // a document nobody has opened yet, written as a server before these rules could have stored it
    const id = await newDocument(srv.url, owner);
    const odd = new Y.Doc();
    odd.transact(() => {
      const heading = new Y.XmlElement('heading');
      heading.setAttribute('level', 1e9 as unknown as string);
      heading.insert(0, [new Y.XmlText('奇怪的标题')]);
      const cell = new Y.XmlElement('tableCell');
      cell.setAttribute('colspan', 1e6 as unknown as string);
      cell.setAttribute('colwidth', Array.from({ length: 1000 }, () => 50) as unknown as string);
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('宽单元格')]);
      cell.insert(0, [p]);
      const row = new Y.XmlElement('tableRow');
      row.insert(0, [cell]);
      const table = new Y.XmlElement('table');
      table.insert(0, [row]);
      odd.getXmlFragment('default').insert(0, [heading, table]);
    });
    await srv.server.storage.documents.append(id, [{ update: Y.encodeStateAsUpdate(odd), userId: null }]);
    for (const path of ['content', 'export?format=md&version=current', 'export?format=html&version=current', 'export?format=docx&version=current']) {
      // (a renderer that walks every spanned column would hang here past the test's time-out)
      expect((await api(srv.url, 'GET', `/api/documents/${id}/${path}`, { token: owner.token })).status, path).toBe(200);
    }
    const md = (await api(srv.url, 'GET', `/api/documents/${id}/export?format=md&version=current`, { token: owner.token })).body as string;
    expect(md).toContain('#### 奇怪的标题');
    expect(md).toContain('宽单元格');
    await canaryStillServed();
  });

  it('serves a document whose log already holds what the rules now refuse: content, exports and versions answer, the good text kept', async () => {
    // a document nobody has opened yet: its log is read afresh by the next reader
    const id = await newDocument(srv.url, owner);
    // written into the log directly, as a server before these rules could have stored them
    const odd = new Y.Doc();
    Y.applyUpdate(odd, Y.encodeStateAsUpdate(new Y.Doc()));
    odd.transact(() => {
      const fragment = odd.getXmlFragment('default');
      // nested one integrated level at a time (Yjs itself recurses through nested new types)
      let parent: Y.XmlFragment | Y.XmlElement = fragment;
      for (let i = 0; i < 5_000; i++) {
        const quote: Y.XmlElement = new Y.XmlElement('blockquote');
        parent.insert(0, [quote]);
        parent = quote;
      }
      const deepest = new Y.XmlElement('paragraph');
      parent.insert(0, [deepest]);
      deepest.insert(0, [new Y.XmlText('深处的字')]);
      const confused = new Y.XmlElement('paragraph');
      fragment.insert(fragment.length, [confused]);
      confused.insert(0, [new Y.Array() as unknown as Y.XmlText]);
    });
    await srv.server.storage.documents.append(id, [{ update: Y.encodeStateAsUpdate(odd), userId: null }]);
    for (const path of ['content', 'export?format=md&version=current', 'export?format=html&version=current', 'export?format=docx&version=current']) {
      expect((await api(srv.url, 'GET', `/api/documents/${id}/${path}`, { token: owner.token })).status, path).toBe(200);
    }
    expect((await api(srv.url, 'GET', `/api/documents/${id}/content`, { token: owner.token })).body.text).toContain('参政议政更主动');
    expect((await api(srv.url, 'POST', `/api/documents/${id}/versions`, { token: owner.token, body: { name: '检查' } })).status).toBe(201);
  });

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

describe('hostile HTTP input', () => {
  it('refuses writes from another site, and sends security headers', async () => {
    const res = await api(srv.url, 'POST', '/api/documents', {
      token: owner.token,
      body: { title: 'x', template: 'blank' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('cross_origin');
    const page = await fetch(`${srv.url}/api/me`, { headers: { authorization: `Bearer ${owner.token}` } });
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(page.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
  });

  it('keeps markup in titles as text: stored and returned exactly, never interpreted', async () => {
    const title = '<img src=x onerror=alert(1)>"\'&';
    const id = await newDocument(srv.url, owner, 'year-end-summary', title);
    const meta = await api(srv.url, 'GET', `/api/documents/${id}`, { token: owner.token });
    expect(meta.headers.get('content-type')).toMatch(/application\/json/);
    expect(meta.body.title).toBe(title);
    const content = await api(srv.url, 'GET', `/api/documents/${id}/content`, { token: owner.token });
    expect(content.body.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(content.body.html).not.toContain('<img');
  });

  it('slows down password guessing: failures for one account are limited, successes are not', async () => {
    const limited = await startTestServer({ LOGIN_FAILURES_PER_15_MIN: '3', REGISTRATIONS_PER_HOUR: '4' });
    try {
      const victim = await newUser(limited.url, '受害者');
      for (let i = 0; i < 3; i++) {
        expect((await api(limited.url, 'POST', '/api/auth/login', { body: { username: victim.username, password: 'guess-' + i } })).status).toBe(401);
      }
      const blocked = await api(limited.url, 'POST', '/api/auth/login', { body: { username: victim.username, password: victim.password } });
      expect(blocked.status).toBe(429);
      expect(blocked.body.error.code).toBe('rate_limited');
      // another account from the same address is not affected
      const bystander = await newUser(limited.url, '旁人');
      for (let i = 0; i < 5; i++) {
        expect((await api(limited.url, 'POST', '/api/auth/login', { body: { username: bystander.username, password: bystander.password } })).status).toBe(200);
      }
      // registrations per address: two more are allowed (two were used above), then 429
      await newUser(limited.url);
      await newUser(limited.url);
      const tooMany = await api(limited.url, 'POST', '/api/auth/register', { body: { username: 'onemore', password: 'long-enough-1' } });
      expect(tooMany.status).toBe(429);
    } finally {
      await limited.stop();
    }
  });
});

describe('registration by invitation', () => {
  it('lets the first account in as administrator, then only people with a valid invitation', async () => {
    const closed = await startTestServer({ REGISTRATION: 'invite' });
    try {
      expect((await api(closed.url, 'GET', '/api/auth/registration')).body).toEqual({ mode: 'invite', firstAccount: true });
      const admin = await newUser(closed.url, '管理员');
      expect((await api(closed.url, 'GET', '/api/me', { token: admin.token })).body.user.isAdmin).toBe(true);
      expect((await api(closed.url, 'GET', '/api/auth/registration')).body).toEqual({ mode: 'invite', firstAccount: false });
      const refused = await api(closed.url, 'POST', '/api/auth/register', { body: { username: 'uninvited', password: 'long-enough-1' } });
      expect([refused.status, refused.body.error.code]).toEqual([403, 'registration_closed']);
      const invite = await api(closed.url, 'POST', '/api/invites', { token: admin.token });
      expect(invite.status).toBe(201);
      const joined = await api(closed.url, 'POST', '/api/auth/register', {
        body: { username: 'invited', password: 'long-enough-1', inviteCode: invite.body.code },
      });
      expect(joined.status).toBe(201);
      expect(joined.body.user.isAdmin).toBe(false);
      const reused = await api(closed.url, 'POST', '/api/auth/register', {
        body: { username: 'invited2', password: 'long-enough-1', inviteCode: invite.body.code },
      });
      expect([reused.status, reused.body.error.code]).toEqual([400, 'invalid_invite']);
      const list = await api(closed.url, 'GET', '/api/invites', { token: admin.token });
      expect(list.body.find((i: { code: string }) => i.code === invite.body.code)?.usedBy).toBe('invited');
      const login = await api(closed.url, 'POST', '/api/auth/login', { body: { username: 'invited', password: 'long-enough-1' } });
      expect((await api(closed.url, 'POST', '/api/invites', { token: login.body.token })).status).toBe(403);
    } finally {
      await closed.stop();
    }
  });
});
