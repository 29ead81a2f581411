// A committee in one document: stock y-websocket providers (as the editor
// connects, acknowledgements on), one account each, every one typing into a
// paragraph of its own and moving its caret with every keystroke as Tiptap's
// CollaborationCaret does. Each keeps what it typed, to check nothing is lost.
import * as Y from 'yjs';
import { newUser, share, type TestUser } from './api.js';
import { connect, synced, until, type CollabClient } from './collabClient.js';

export interface Typist {
  user: TestUser;
  client: CollabClient;
  /** The marker its paragraph starts with, then everything it typed. */
  typed: string;
  paragraph: Y.XmlText;
}

const HANZI = '政协委员履职调研协商监督民生议政建言乡镇联络';

/** Registers `count` accounts and shares the document with each as an editor. */
export async function committee(baseUrl: string, owner: TestUser, documentId: string, count: number): Promise<TestUser[]> {
  const members: TestUser[] = [];
  // A few at a time: each registration hashes a password (scrypt) on the server.
  for (let i = 0; i < count; i += 5) {
    const batch = await Promise.all(Array.from({ length: Math.min(5, count - i) }, (_, j) => newUser(baseUrl, `委员${i + j + 1}`)));
    await Promise.all(batch.map((m) => share(baseUrl, owner, documentId, m, 'editor')));
    members.push(...batch);
  }
  return members;
}

/** Connects a member, waits for the sync, and gives them a paragraph starting with `marker`. */
export async function seat(wsUrl: string, documentId: string, user: TestUser, marker: string): Promise<Typist> {
  const client = connect(wsUrl, documentId, user.token);
  await synced(client);
  client.provider.awareness.setLocalStateField('user', { name: user.displayName, color: '#3e63dd' });
  const paragraph = new Y.XmlText(marker);
  const element = new Y.XmlElement('paragraph');
  element.insert(0, [paragraph]);
  client.fragment.insert(client.fragment.length, [element]);
  return { user, client, typed: marker, paragraph };
}

/** One keystroke at the end of the typist's paragraph, and the caret moved behind it. */
export function keystroke(typist: Typist, n: number): void {
  const char = HANZI[n % HANZI.length];
  typist.paragraph.insert(typist.paragraph.length, char);
  typist.typed += char;
  const at = Y.relativePositionToJSON(Y.createRelativePositionFromTypeIndex(typist.paragraph, typist.paragraph.length));
  typist.client.provider.awareness.setLocalStateField('cursor', { anchor: at, head: at });
}

/**
 * Everyone types `perSecond` keystrokes a second for `seconds`, at staggered
 * moments; resolves when the last keystroke is made.
 */
export async function typeTogether(typists: Typist[], perSecond: number, seconds: number, stop: () => boolean = () => false): Promise<void> {
  const interval = 1000 / perSecond;
  const rounds = Math.round(perSecond * seconds);
  await Promise.all(
    typists.map(async (typist, i) => {
      await new Promise((r) => setTimeout(r, (interval * i) / typists.length));
      for (let n = 0; n < rounds && !stop(); n++) {
        if (typist.client.provider.wsconnected) keystroke(typist, n);
        await new Promise((r) => setTimeout(r, interval));
      }
    }),
  );
}

/** Waits until every typist's changes are acknowledged as stored. */
export async function allSaved(typists: Typist[], timeoutMs = 30_000): Promise<void> {
  await until(() => typists.every((t) => t.client.acks.current === 'saved'), "every typist's changes to be stored", timeoutMs);
}
