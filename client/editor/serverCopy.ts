// The server's copy of a document, read once over a socket of its own into a
// Y.Doc of its own: what this computer's copy can be compared with. No
// presence is announced and nothing is shared with other tabs.
import * as Y from 'yjs';
import { isFinalCloseCode } from '../../shared/collab.js';
import { QuietProvider } from './quietProvider.js';
import { collabUrl } from './useCollaboration.js';

const READ_TIMEOUT_MS = 15_000;

/** Resolves with the server's state (the caller destroys the doc); rejects when it cannot be read now. */
export function readServerCopy(documentId: string, signal?: AbortSignal): Promise<Y.Doc> {
  const doc = new Y.Doc();
  // No BroadcastChannel: other tabs' copies (this one's too) would flow into it.
  const provider = new QuietProvider(collabUrl(), documentId, doc, { connect: false, disableBc: true });
  provider.awareness.setLocalState(null);

  return new Promise<Y.Doc>((resolve, reject) => {
    let done = false;
    const finish = (error: Error | null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
      provider.destroy();
      if (error) {
        doc.destroy();
        reject(error);
      } else {
        resolve(doc);
      }
    };
    const onAbort = () => finish(new Error('aborted'));
    const timer = setTimeout(() => finish(new Error('the server did not answer in time')), READ_TIMEOUT_MS);
    provider.on('sync', (synced: boolean) => {
      if (synced) finish(null);
    });
    provider.on('connection-close', (event: CloseEvent | null) => {
      if (event && isFinalCloseCode(event.code)) finish(new Error(`closed with ${event.code}`));
    });
    if (signal?.aborted) return onAbort();
    signal?.addEventListener('abort', onAbort);
    provider.connect();
  });
}
