// The comments of the open document as the editor page uses them: the threads,
// which one is active, the comment being written, and where each passage is in
// the editor (from its highlight), so that the pane can follow the document.
import { TextSelection } from '@tiptap/pm/state';
import { useEditorState, type Editor } from '@tiptap/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { bindingOf, anchorOfRange, textRangeOf, type PassageAnchor } from '../editor/commentAnchors.js';
import { commentHighlightsKey, DRAFT_PASSAGE_ID, type HighlightedPassage } from '../editor/CommentHighlights.js';
import { revealPosition } from '../editor/revealPosition.js';
import { createThread, replyToThread, setThreadResolved } from '../http/commentsApi.js';
import type { DraftComment } from './CommentsPanel.js';
import { samePlaces } from './samePlaces.js';
import { openCount } from './threadOrder.js';
import { useThreads, type Threads } from './useThreads.js';

/**
 * How long after the last change to a commented passage the threads are asked
 * for again: the server finds words a split or a join moved (and takes the new
 * quote of words typed into) when it lists them.
 */
const ANCHOR_FOLLOW_MS = 1500;

interface Draft {
  anchor: PassageAnchor;
  quote: string;
  /** Where the selection started when the comment was begun (until its highlight says where it is now). */
  start: number;
}

export interface Comments {
  threads: Threads;
  open: boolean;
  setOpen: (open: boolean | ((open: boolean) => boolean)) => void;
  activeId: string | null;
  showResolved: boolean;
  setShowResolved: (show: boolean) => void;
  /** What the editor highlights. */
  passages: readonly HighlightedPassage[];
  startOf: (threadId: string) => number | null;
  draft: DraftComment | null;
  /** Begins a comment on the editor's selection; false when nothing is selected. */
  startComment: () => boolean;
  sendDraft: (body: string) => Promise<void>;
  cancelDraft: () => void;
  /** Makes a thread the active one and opens the pane; `reveal` scrolls the editor to its passage once it can place it. */
  activate: (threadId: string, reveal: boolean) => void;
  reply: (threadId: string, body: string) => Promise<void>;
  setResolved: (threadId: string, resolved: boolean) => Promise<void>;
  openCount: number;
}

export function useComments(documentId: string, editor: Editor | null): Comments {
  const threads = useThreads(documentId);
  const { merge } = threads;
  const [open, setOpen] = useState(false);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [showResolved, setShowResolved] = useState(false);
  const [draft, setDraft] = useState<Draft | null>(null);
  /** A thread to scroll to once its passage can be placed. */
  const [pendingReveal, setPendingReveal] = useState<string | null>(null);

  // kept while only moved (samePlaces): the page draws again when the panel's order or a passage's words change
  const ranges = useEditorState({
    editor,
    selector: ({ editor: current }) => (current ? (commentHighlightsKey.getState(current.state)?.ranges ?? null) : null),
    equalityFn: samePlaces,
  });
  /** Where the passage is in the editor now (`ranges` may be some keystrokes old). */
  const rangeNow = useCallback(
    (id: string) => (editor && !editor.isDestroyed ? commentHighlightsKey.getState(editor.state)?.ranges.get(id) : undefined),
    [editor],
  );
  const startOf = useCallback((threadId: string) => ranges?.get(threadId)?.from ?? null, [ranges]);

  const list = threads.data;
  const passages = useMemo(() => {
    const shown: HighlightedPassage[] = (list ?? []).flatMap((thread) =>
      thread.anchor && !thread.orphaned ? [{ id: thread.id, anchor: thread.anchor, resolved: thread.resolved }] : [],
    );
    if (draft) shown.push({ id: DRAFT_PASSAGE_ID, anchor: draft.anchor, resolved: false });
    return shown;
  }, [list, draft]);

  // A passage that no longer reads as its quote (typed into, split, joined, deleted): ask the server where it is now, once per change.
  const requestedFor = useRef('');
  const { reload } = threads;
  useEffect(() => {
    if (!editor || editor.isDestroyed || !list || !ranges) return;
    // The ranges of this render may be of another document by now (the local copy rebuilt from the
    // server after an approval refused changes): the passages are read where the editor is now.
    const { state } = editor;
    const { doc } = state;
    const current = commentHighlightsKey.getState(state)?.ranges;
    if (!current) return;
    const drifted = list.flatMap((thread) => {
      if (!thread.anchor || thread.orphaned) return [];
      const range = current.get(thread.id);
      const text = range && range.to <= doc.content.size ? doc.textBetween(range.from, range.to, '\n') : null;
      return text === thread.quote ? [] : [JSON.stringify([thread.id, thread.quote, text])];
    });
    const signature = drifted.join();
    if (!signature) requestedFor.current = '';
    if (!signature || signature === requestedFor.current) return;
    const timer = setTimeout(() => {
      requestedFor.current = signature;
      void reload();
    }, ANCHOR_FOLLOW_MS);
    return () => clearTimeout(timer);
  }, [editor, list, ranges, reload]);

  const activate = useCallback((threadId: string, reveal: boolean) => {
    setActiveId(threadId);
    setOpen(true);
    if (reveal) setPendingReveal(threadId);
  }, []);

  // Scrolls once the passage is placed and drawn (after a version view gave the editor its place back, after a sync).
  useEffect(() => {
    if (!pendingReveal || !list) return;
    const thread = list.find((t) => t.id === pendingReveal);
    if (!thread || thread.orphaned) return setPendingReveal(null);
    // Resolved threads are folded away: a link to one shows them.
    if (thread.resolved) setShowResolved(true);
    const from = ranges?.has(thread.id) ? rangeNow(thread.id)?.from : undefined;
    if (editor && from !== undefined) {
      revealPosition(editor, from);
      setPendingReveal(null);
    }
  }, [pendingReveal, list, ranges, editor, rangeNow]);

  const startComment = useCallback(() => {
    if (!editor) return false;
    const { state } = editor;
    const range = textRangeOf(state.doc, state.selection.from, state.selection.to);
    const binding = bindingOf(state);
    const anchor = range && binding ? anchorOfRange(binding, range) : null;
    if (!range || !anchor) return false;
    setDraft({ anchor, quote: state.doc.textBetween(range.from, range.to, '\n'), start: range.from });
    setActiveId(null);
    setOpen(true);
    return true;
  }, [editor]);

  const sendDraft = useCallback(
    async (body: string) => {
      if (!draft) return;
      const thread = await createThread(documentId, body, draft.anchor);
      merge(thread);
      setDraft(null);
      setActiveId(thread.id);
      // Done with the words: the selection (and the margin button beside it) goes, the caret stays after them.
      const range = rangeNow(DRAFT_PASSAGE_ID);
      if (editor && !editor.isDestroyed && range) {
        const { selection, doc } = editor.state;
        const covered = textRangeOf(doc, selection.from, selection.to);
        if (covered?.from === range.from && covered.to === range.to)
          editor.view.dispatch(editor.state.tr.setSelection(TextSelection.create(doc, selection.to)));
      }
    },
    [documentId, draft, merge, editor, rangeNow],
  );

  const reply = useCallback(async (threadId: string, body: string) => merge(await replyToThread(documentId, threadId, body)), [documentId, merge]);
  const setResolved = useCallback(
    async (threadId: string, resolved: boolean) => merge(await setThreadResolved(documentId, threadId, resolved)),
    [documentId, merge],
  );

  const draftView = useMemo<DraftComment | null>(
    () => (draft ? { quote: draft.quote, start: ranges?.get(DRAFT_PASSAGE_ID)?.from ?? draft.start } : null),
    [draft, ranges],
  );

  return {
    threads,
    open,
    setOpen,
    activeId,
    showResolved,
    setShowResolved,
    passages,
    startOf,
    draft: draftView,
    startComment,
    sendDraft,
    cancelDraft: useCallback(() => setDraft(null), []),
    activate,
    reply,
    setResolved,
    openCount: openCount(list ?? []),
  };
}
