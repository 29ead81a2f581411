// The editor proper: toolbar, the A4 page with the collaborative body, its
// comment highlights and its suggestions (修订) in their authors' colours,
// status bar.
import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor, type Editor } from '@tiptap/react';
import { useEffect, useRef, type ReactNode } from 'react';
import type { UserDto } from '../../shared/api.js';
import { BODY_FRAGMENT, schemaExtensions } from '../../shared/schema.js';
import { CommentMarginButton } from '../comments/CommentMarginButton.js';
import { renderCaret } from './caretRender.js';
import { CarriedMarks } from './CarriedMarks.js';
import { CentreShortcut } from './CentreShortcut.js';
import { CommentHighlights, setHighlights, type HighlightedPassage } from './CommentHighlights.js';
import { HeadingNumbers } from './HeadingNumbers.js';
import { SectionIds } from './SectionIds.js';
import { SignatureWithView } from './SignatureView.js';
import { CompositionHold } from './CompositionHold.js';
import type { ConnectionState } from './connectionState.js';
import { GuidanceEditing } from './GuidanceEditing.js';
import type { SaveIndicator } from './saveState.js';
import { StatusBar } from './StatusBar.js';
import { SuggestionColours } from './SuggestionColours.js';
import { SuggestMode, type SuggestRefusal } from './SuggestMode.js';
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
  /** The body is not shown yet: this copy may hold changes the server refused (see useRefusedChanges). */
  concealed?: boolean;
  comments: WorkspaceComments;
  /** Drawn over the page beside the body (the sections' assignments in the margin). */
  margin?: ReactNode;
  /** Right after the body (the card of the suggestion under the caret): Tab from the text reaches its buttons. */
  afterBody?: ReactNode;
  /** The editor once it exists (null again when it goes), for the comments pane. */
  onEditor: (editor: Editor | null) => void;
  suggest: WorkspaceSuggest;
}

/** 修订 in the workspace: the mode switch, whether it is on, and what to say when an edit cannot be a suggestion. */
export interface WorkspaceSuggest {
  /** The 编辑 | 修订 switch for the toolbar; null for those who only read. */
  toggle: ReactNode;
  suggesting: boolean;
  onRefused: (reason: SuggestRefusal) => void;
}

/** What the page shows of the comments, and what it does with them. */
export interface WorkspaceComments {
  passages: readonly HighlightedPassage[];
  activeId: string | null;
  showResolved: boolean;
  /** A click on a highlighted passage. */
  onActivate: (threadId: string) => void;
  /** Starts a comment on the selection; null for those who may not comment now. */
  onComment: (() => void) | null;
  /** A comment is being written: no margin button meanwhile. */
  composing: boolean;
}

export function EditorWorkspace({
  collaboration,
  user,
  editable,
  connection,
  save,
  label,
  notices,
  concealed = false,
  comments,
  margin,
  afterBody,
  onEditor,
  suggest,
}: EditorWorkspaceProps) {
  const { ydoc, provider } = collaboration;
  // The editor is made once per document: its click handler reads the latest callback.
  const onActivate = useRef(comments.onActivate);
  onActivate.current = comments.onActivate;
  const onRefused = useRef(suggest.onRefused);
  onRefused.current = suggest.onRefused;
  const editor = useEditor(
    {
      // Never `content`: the server seeds the body, the Y.Doc carries it.
      extensions: [
        // the signature block with its fields in place of the schema's bare node
        ...schemaExtensions.map((extension) => (extension.name === SignatureWithView.name ? SignatureWithView : extension)),
        Collaboration.configure({ document: ydoc, field: BODY_FRAGMENT }),
        // Pinyin being composed stays on this computer until it is committed.
        CompositionHold.configure({ awareness: provider.awareness }),
        CollaborationCaret.configure({
          provider,
          user: { name: user.displayName, color: user.color, username: user.username },
          render: renderCaret,
        }),
        GuidanceEditing,
        CarriedMarks,
        HeadingNumbers,
        SectionIds,
        CommentHighlights.configure({ onActivate: (threadId) => onActivate.current(threadId) }),
        // turned on and off by the page (useSuggestMode)
        SuggestMode.configure({ author: user.username, onRefused: (reason) => onRefused.current(reason) }),
        SuggestionColours,
        CentreShortcut,
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

  useEffect(() => {
    onEditor(editor);
    return () => onEditor(null);
  }, [editor, onEditor]);

  const { passages, activeId, showResolved } = comments;
  useEffect(() => {
    if (editor && !editor.isDestroyed) editor.view.dispatch(setHighlights(editor.state.tr, { passages, activeId, showResolved }));
  }, [editor, passages, activeId, showResolved]);

  return (
    <>
      {/* Keyed so that they mount afresh once the editor exists: useEditorState only
          notices a new editor at its next transaction, which may be long after. */}
      <Toolbar
        key={editor ? 'toolbar' : 'toolbar-waiting'}
        editor={editor}
        disabled={!editable}
        onComment={comments.onComment ?? undefined}
        mode={suggest.toggle}
        suggesting={suggest.suggesting}
      />
      {notices}
      <div className="workspace">
        <article className={concealed ? 'page page--concealed' : 'page'} aria-busy={concealed || undefined}>
          {margin}
          <EditorContent editor={editor} />
          {afterBody}
          {comments.onComment && <CommentMarginButton editor={editor} onComment={comments.onComment} hidden={comments.composing} />}
        </article>
      </div>
      <StatusBar key={editor ? 'status' : 'status-waiting'} editor={editor} connection={connection} save={save} suggesting={editable && suggest.suggesting} />
    </>
  );
}
