// The bare stack the browser benchmark measures Yigao against: what any team
// gets for free from Tiptap and Yjs. A vanilla Tiptap editor (no framework)
// with StarterKit and tables (extensions.ts), Collaboration on a Y.Doc,
// CollaborationCaret, and the stock y-websocket provider to the reference
// server. The query says where: ?ws=ws://host:port&room=<name>&name=<who>.
import { Editor } from '@tiptap/core';
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { bareExtensions } from './extensions.js';

const params = new URLSearchParams(location.search);
const doc = new Y.Doc();
const provider = new WebsocketProvider(params.get('ws') ?? '', params.get('room') ?? '', doc);

new Editor({
  element: document.getElementById('editor')!,
  extensions: [
    ...bareExtensions,
    Collaboration.configure({ document: doc }),
    CollaborationCaret.configure({ provider, user: { name: params.get('name') ?? '访客', color: '#3e63dd' } }),
  ],
});
