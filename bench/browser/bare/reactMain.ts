// The bare stack as a team held to Yigao's own stack would start it: the same
// editor as main.ts (StarterKit and tables, Collaboration, CollaborationCaret,
// the stock y-websocket provider) on React through @tiptap/react's useEditor
// and EditorContent. The browser benchmark counts the JavaScript it loads,
// the anchor for Yigao's first load with the framework it must ship.
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { createElement, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { bareExtensions } from './extensions.js';

const params = new URLSearchParams(location.search);
const doc = new Y.Doc();
const provider = new WebsocketProvider(params.get('ws') ?? '', params.get('room') ?? '', doc);

function BareEditor() {
  const editor = useEditor({
    extensions: [
      ...bareExtensions,
      Collaboration.configure({ document: doc }),
      CollaborationCaret.configure({ provider, user: { name: params.get('name') ?? '访客', color: '#3e63dd' } }),
    ],
  });
  return createElement(EditorContent, { editor });
}

createRoot(document.getElementById('editor')!).render(createElement(StrictMode, null, createElement(BareEditor)));
