// Selects a placeholder the approval check found (〔…〕 left to fill in): the
// next one after the selection, scrolled into view, or a toast if there is
// none any more. It runs after the approval dialog has closed (and given the
// focus back), so that the selection keeps the focus.
import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nextPlaceholderRange } from '../approval/placeholderSearch.js';
import { revealPosition } from './revealPosition.js';

/** Returns select(text). */
export function usePlaceholderSelection(editor: Editor | null, showToast: (message: string) => void): (text: string) => void {
  const { t } = useTranslation();
  // An object, so that choosing the same placeholder again selects the next one.
  const [placeholder, setPlaceholder] = useState<{ text: string } | null>(null);
  useEffect(() => {
    if (!placeholder || !editor || editor.isDestroyed) return;
    setPlaceholder(null);
    const range = nextPlaceholderRange(editor.state.doc, placeholder.text, editor.state.selection);
    if (!range) return showToast(t('approval.placeholderGone', { text: placeholder.text }));
    editor.chain().focus(undefined, { scrollIntoView: false }).setTextSelection(range).run();
    revealPosition(editor, range.from);
  }, [placeholder, editor, t, showToast]);
  return (text: string) => setPlaceholder({ text });
}
