// 编辑 or 修订 on the editor page: decided from what the member may do to the
// body (shared/access.ts bodyAccess) and, when they may choose, their last
// choice for this document in this browser; kept on the editor's SuggestMode
// extension, and toggled with Ctrl+Shift+E as in Word and WPS.
import type { Editor } from '@tiptap/react';
import { useCallback, useEffect, useState } from 'react';
import { bodyAccess, type BodyAccess } from '../../shared/access.js';
import type { DocumentDto } from '../../shared/api.js';
import { isSuggesting } from '../editor/SuggestMode.js';
import { useShortcut } from '../editor/useShortcut.js';
import { decideSuggestMode, readPreferredMode, writePreferredMode, type SuggestModeDecision } from './suggestMode.js';

/** Word's and WPS's 修订 shortcut. */
export const SUGGEST_SHORTCUT = 'Mod-Shift-e';

export interface SuggestModeControl extends SuggestModeDecision {
  access: BodyAccess;
  /** Switches to 修订 (true) or 编辑; only when `mayChoose`. */
  choose: (suggesting: boolean) => void;
}

const browserStorage = (): Storage | undefined => {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
};

export function useSuggestMode(documentId: string, doc: DocumentDto | undefined, editor: Editor | null): SuggestModeControl {
  const [preferred, setPreferred] = useState(() => readPreferredMode(browserStorage(), documentId));
  useEffect(() => setPreferred(readPreferredMode(browserStorage(), documentId)), [documentId]);
  // suggestOnly may be missing from a server that predates it: editors edit then.
  const access: BodyAccess = doc ? bodyAccess(doc.role, doc.status, doc.suggestOnly ?? false) : 'read';
  const decision = doc ? decideSuggestMode(access, doc.role, doc.status, preferred) : { suggesting: false, mayChoose: false, lock: null };
  const { suggesting, mayChoose } = decision;

  useEffect(() => {
    if (editor && !editor.isDestroyed && isSuggesting(editor) !== suggesting) editor.commands.setSuggesting(suggesting);
  }, [editor, suggesting]);

  const choose = useCallback(
    (next: boolean) => {
      setPreferred(next);
      writePreferredMode(browserStorage(), documentId, next);
    },
    [documentId],
  );
  useShortcut(SUGGEST_SHORTCUT, () => choose(!preferred), mayChoose);

  return { ...decision, access, choose };
}
