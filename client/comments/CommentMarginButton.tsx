// The small 批注 button in the page's right margin, level with the selection,
// as in Google Docs: the quickest way to comment on what was just selected.
import { useEditorState, type Editor } from '@tiptap/react';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { formatShortcut, onMac } from '../editor/shortcuts.js';
import { COMMENT_SHORTCUT } from '../editor/Toolbar.js';

const isMac = onMac();

export function CommentMarginButton({ editor, onComment, hidden }: { editor: Editor | null; onComment: () => void; hidden: boolean }) {
  const { t } = useTranslation();
  const ref = useRef<HTMLButtonElement>(null);
  const [top, setTop] = useState<number | null>(null);
  const selection = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      if (!current) return null;
      const { from, to, empty } = current.state.selection;
      return empty || current.state.doc.textBetween(from, to, '').trim() === '' ? null : { from, to };
    },
  });

  useLayoutEffect(() => {
    const page = ref.current?.parentElement;
    if (!editor || !selection || !page) return setTop(null);
    try {
      const line = editor.view.coordsAtPos(selection.from);
      setTop(line.top - page.getBoundingClientRect().top);
    } catch {
      setTop(null);
    }
  }, [editor, selection]);

  const label = t('comments.add');
  return (
    <button
      ref={ref}
      type="button"
      className="comment-margin-button"
      hidden={hidden || top === null}
      style={{ top: top ?? 0 }}
      title={t('toolbar.tooltip', { label, keys: formatShortcut(COMMENT_SHORTCUT, isMac) })}
      aria-label={label}
      data-testid="comment-float-button"
      // Keep the selection: the comment is on it.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onComment}
    >
      <Icon name="addComment" />
    </button>
  );
}
