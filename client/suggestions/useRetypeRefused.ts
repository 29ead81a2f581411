// After the server refused this copy's changes and the copy was rebuilt from
// the server's (useRefusedChanges), the refused words are typed again in the
// new editor as the member's suggestions (refusedEdits.ts), once it has the
// server's document. What cannot be a suggestion (a new paragraph break, a
// heading's level) is counted, so the member is told what was not kept.
import type { Node } from '@tiptap/pm/model';
import type { Editor } from '@tiptap/react';
import { initProseMirrorDoc } from '@tiptap/y-tiptap';
import { useCallback, useEffect, useRef, useState } from 'react';
import * as Y from 'yjs';
import { BODY_FRAGMENT } from '../../shared/schema.js';
import type { RefusedChanges } from '../approval/useRefusedChanges.js';
import type { Collaboration } from '../editor/useCollaboration.js';
import { refusedReplacements } from './refusedEdits.js';

/** How the refused words came back: `made` stretches as suggestions, `lost` ones that could not be. */
export interface Retyped {
  made: number;
  lost: number;
}

export interface RetypeRefused {
  /** Keeps the copy's document before it is thrown away. */
  keep: () => void;
  /** What became of the last kept copy's words; null until retyped. */
  retyped: Retyped | null;
}

const editsDocument = (editor: Editor, collaboration: Collaboration): boolean =>
  editor.extensionManager.extensions.some((extension) => extension.name === 'collaboration' && extension.options.document === collaboration.ydoc);

/**
 * The server's document with only the refused copy's own changes in it: the
 * server's state (the new copy's) merged with what the refused copy had that
 * the server does not, by Yjs. Comparing with the refused copy itself would
 * read others' words typed since as words this member deleted.
 */
function withRefusedChanges(editor: Editor, collaboration: Collaboration, kept: Uint8Array): Node {
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(collaboration.ydoc));
  Y.applyUpdate(scratch, kept);
  // In the editor's own schema: nodes of another schema instance never compare equal.
  const doc = initProseMirrorDoc(scratch.getXmlFragment(BODY_FRAGMENT), editor.schema).doc;
  scratch.destroy();
  return doc;
}

function retype(editor: Editor, copy: Node): Retyped {
  const result: Retyped = { made: 0, lost: 0 };
  for (const { from, to, content } of refusedReplacements(editor.state.doc, copy)) {
    // 修订 mode for each: the member may only suggest now (the page's mode follows once the document is read again).
    editor.commands.setSuggesting(true);
    const before = editor.state.doc;
    editor.view.dispatch(editor.state.tr.replaceWith(from, to, content));
    if (editor.state.doc.eq(before)) result.lost++;
    else result.made++;
  }
  return result;
}

export function useRetypeRefused(editor: Editor | null, collaboration: Collaboration | null): RetypeRefused {
  const [kept, setKept] = useState<{ update: Uint8Array; from: Collaboration } | null>(null);
  const [retyped, setRetyped] = useState<Retyped | null>(null);

  // Every refused frame is told, and the copy is rebuilt more than once when refusals arrive after the first
  // rebuild began: only the first copy, the one that holds the words, is kept until they are typed again.
  const pending = useRef(false);
  const keep = useCallback(() => {
    if (!collaboration || pending.current) return;
    pending.current = true;
    setRetyped(null);
    setKept({ update: Y.encodeStateAsUpdate(collaboration.ydoc), from: collaboration });
  }, [collaboration]);

  useEffect(() => {
    // The new copy, its editor, and the server's document in it.
    if (!kept || !editor || editor.isDestroyed || !collaboration || collaboration === kept.from || !editsDocument(editor, collaboration)) return;
    const { provider } = collaboration;
    const run = () => {
      setRetyped(retype(editor, withRefusedChanges(editor, collaboration, kept.update)));
      setKept(null);
      pending.current = false;
    };
    if (provider.synced) {
      run();
      return;
    }
    const onSync = (synced: boolean) => {
      if (synced) run();
    };
    provider.on('sync', onSync);
    return () => provider.off('sync', onSync);
  }, [kept, editor, collaboration]);

  return { keep, retyped };
}

/**
 * The page's answer to a `refused` event: the words kept first, then the copy
 * that holds them rebuilt from the server's (useRefusedChanges), then the
 * words typed again as suggestions.
 */
export function useRefusedEdits(refused: RefusedChanges, editor: Editor | null, collaboration: Collaboration | null) {
  const { keep, retyped } = useRetypeRefused(editor, collaboration);
  const { discardRefused } = refused;
  const onRefused = useCallback(() => {
    keep();
    discardRefused();
  }, [keep, discardRefused]);
  return { onRefused, retyped };
}
