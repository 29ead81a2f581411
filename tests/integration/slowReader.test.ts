// A member whose computer stops reading (a frozen tab, a dead network that
// has not timed out yet) while the others type: the server does not hold
// everything for it. Past MAX_SEND_BUFFER_BYTES waiting to be sent, its
// connection is closed with 1013, which the stock provider reconnects after,
// and it catches up by syncing; the others are not held up.
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '../../shared/collab.js';
import { contentText, newDocument, newUser, share, type TestUser } from '../helpers/api.js';
import { appendParagraph, connect, saved, synced, until } from '../helpers/collabClient.js';
import { startTestServer, type TestServer } from '../helpers/testServer.js';

const LIMIT = 256 * 1024;

let srv: TestServer;
let owner: TestUser;
let reader: TestUser;

beforeAll(async () => {
  srv = await startTestServer({ MAX_SEND_BUFFER_BYTES: String(LIMIT) });
  [owner, reader] = await Promise.all([newUser(srv.url, '张丽'), newUser(srv.url, '王明')]);
});
afterAll(async () => {
  await srv?.stop();
});

describe('a reader that stops reading', () => {
  it('is closed with 1013 once more than the limit waits for it, and catches up when it comes back', async () => {
    const id = await newDocument(srv.url, owner);
    await share(srv.url, owner, id, reader, 'editor');
    // a raw socket that reads its first frames, then nothing more
    const stalled = new WebSocket(`${srv.wsUrl}/${id}?token=${reader.token}`);
    await new Promise((resolve, reject) => {
      stalled.once('message', resolve);
      stalled.once('error', reject);
    });
    // ws's own pause stops reading the TCP socket under it
    stalled.pause();
    let closeCode: number | null = null;
    stalled.on('close', (code) => (closeCode = code));

    const writer = connect(srv.wsUrl, id, owner.token);
    try {
      await synced(writer);
      // 17 MB of typing: more than the kernel buffers on both sides take, and far past the limit
      for (let i = 0; i < 160; i++) {
        appendParagraph(writer, `第${i}段 ${'委员深入基层调研，形成意见建议。'.repeat(2200)}`);
        await saved(writer, 10_000);
      }
      // the writer was never held up, and everything is stored
      expect(writer.closeCodes).toEqual([]);
      expect(await contentText(srv.url, owner, id)).toContain('第159段');

      // back: it reads what was on its way, then the close
      stalled.resume();
      await until(() => closeCode !== null, 'the stalled socket to be closed', 10_000);
      expect([CloseCode.tryAgainLater, 1006]).toContain(closeCode);

      // a stock provider for the same person syncs everything
      const back = connect(srv.wsUrl, id, reader.token);
      try {
        await synced(back);
        expect(back.fragment.toString()).toContain('第159段');
      } finally {
        back.destroy();
      }
    } finally {
      writer.destroy();
      stalled.terminate();
    }
  }, 60_000);
});
