// The editor proper: toolbar, the A4 page with the collaborative body, status bar.
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import { useEffect, type ReactNode } from 'react';
import type { UserDto } from '../../shared/api.js';
import { BODY_FRAGMENT, schemaExtensions } from '../../shared/schema.js';
import { renderCaret } from './caretRender.js';
import type { ConnectionState } from './connectionState.js';
import { GuidanceEditing } from './GuidanceEditing.js';
import type { SaveIndicator } from './saveState.js';
import { StatusBar } from './StatusBar.js';
import { Toolbar } from './Toolbar.js';
import type { Collaboration as LiveDocument } from './useCollaboration.js';

interface EditorWorkspaceProps {
  collaboration: LiveDocument;
  user: UserDto;
  editable: boolean;
  connection: ConnectionState;
  save: SaveIndicator;
  label: string;
  /** Banners shown under the toolbar (read-only, offline), where they don't push the toolbar around. */
  notices?: ReactNode;
}

export function EditorWorkspace({ collaboration, user, editable, connection, save, label, notices }: EditorWorkspaceProps) {
  const { ydoc, provider } = collaboration;
  const editor = useEditor(
    {
      // Never `content`: the server seeds the body, the Y.Doc carries it.
      extensions: [
        ...schemaExtensions,
        Collaboration.configure({ document: ydoc, field: BODY_FRAGMENT }),
        CollaborationCaret.configure({
          provider,
          user: { name: user.displayName, color: user.color, username: user.username },
          render: renderCaret,
        }),
        GuidanceEditing,
      ],
      editable,
      // Created in an effect, not during render: creating it announces the caret on the
      // awareness, which updates other components (presence) and must not happen mid-render.
      immediatelyRender: false,
      editorProps: {
        attributes: { class: 'page__body', 'aria-label': label, 'aria-multiline': 'true', 'data-testid': 'editor', spellcheck: 'false' },
      },
    },
    [ydoc, provider],
  );

  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
  }, [editor, editable]);

  return (
    <>
      {/* Keyed so that they mount afresh once the editor exists: useEditorState only
          notices a new editor at its next transaction, which may be long after. */}
      <Toolbar key={editor ? 'toolbar' : 'toolbar-waiting'} editor={editor} disabled={!editable} />
      {notices}
      <div className="workspace">
        <article className="page">
          <EditorContent editor={editor} />
        </article>
      </div>
      <StatusBar key={editor ? 'status' : 'status-waiting'} editor={editor} connection={connection} save={save} />
    </>
  );
}
