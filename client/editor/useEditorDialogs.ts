// Which of the editor page's dialogs are open. Each opens and closes on its
// own: opening one leaves the others as they are.
import { useCallback, useMemo, useState } from 'react';

export type EditorDialog = 'share' | 'saveVersion' | 'submit' | 'approve' | 'reopen' | 'export';

export interface EditorDialogs {
  isOpen: (dialog: EditorDialog) => boolean;
  open: (dialog: EditorDialog) => void;
  close: (dialog: EditorDialog) => void;
}

export function useEditorDialogs(): EditorDialogs {
  const [shown, setShown] = useState<ReadonlySet<EditorDialog>>(() => new Set());
  const open = useCallback((dialog: EditorDialog) => setShown((current) => (current.has(dialog) ? current : new Set(current).add(dialog))), []);
  const close = useCallback(
    (dialog: EditorDialog) =>
      setShown((current) => {
        if (!current.has(dialog)) return current;
        const next = new Set(current);
        next.delete(dialog);
        return next;
      }),
    [],
  );
  return useMemo(() => ({ isOpen: (dialog: EditorDialog) => shown.has(dialog), open, close }), [shown, open, close]);
}
