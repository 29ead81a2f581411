// Before Hocuspocus is measured with the light client, the light client must
// speak its protocol as its own provider does: both edit one document and
// each must see the other's paragraph.
import { HocuspocusProvider } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { paragraph } from '../client/typist.js';
import type { ServerUnderTest } from '../servers/ServerUnderTest.js';
import { bodyText, connectClient, waitFor } from './common.js';

export async function checkHocuspocusWire(server: ServerUnderTest): Promise<void> {
  const [document] = await server.createDocuments(1, 1);
  const light = await connectClient(server.wire(document, 0));
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({
    url: server.wire(document, 0).url,
    name: document.id,
    document: doc,
    // The 4.x configuration types leave out the socket class, which Node (no global WebSocket in 20) needs.
    ...({ WebSocketPolyfill: WebSocket } as object),
  });
  try {
    if (!(await waitFor(() => provider.isSynced, 10_000))) throw new Error('the Hocuspocus provider did not sync');
    light.doc.getXmlFragment('default').insert(0, [paragraph('light client')]);
    doc.getXmlFragment('default').insert(0, [paragraph('provider')]);
    const both = () => {
      const text = doc.getXmlFragment('default').toString();
      return text === bodyText(light) && text.includes('light client') && text.includes('provider');
    };
    if (!(await waitFor(both, 10_000))) throw new Error('the light client and @hocuspocus/provider did not converge');
    await light.settled();
  } finally {
    provider.destroy();
    doc.destroy();
    light.destroy();
  }
}
