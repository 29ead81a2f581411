// The outline (大纲) beside the page, as Word's navigation pane: every
// heading with its number, live as anyone edits; a click puts the caret in
// that heading and scrolls to it.
import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { outlineOf, type OutlineItem } from './outline.js';

export function OutlinePanel({ editor }: { editor: Editor | null }) {
  const { t } = useTranslation();
  const [items, setItems] = useState<OutlineItem[]>([]);
  useEffect(() => {
    if (!editor) return;
    const read = () => setItems(outlineOf(editor.state.doc));
    read();
    editor.on('update', read);
    return () => {
      editor.off('update', read);
    };
  }, [editor]);
  if (!editor || items.length === 0) return null;
  return (
    <nav className="outline" aria-label={t('outline.title')} data-testid="outline">
      <h2 className="outline__title">{t('outline.title')}</h2>
      <ol className="outline__list">
        {items.map((item) => (
          <li key={item.pos} className={`outline__item outline__item--level${item.level}`}>
            <button
              type="button"
              className="outline__link"
              onClick={() => {
                editor
                  .chain()
                  .setTextSelection(item.pos + 1)
                  .scrollIntoView()
                  .run();
                // at once: Tiptap's focus() waits a frame, and keys pressed meanwhile went to this button
                editor.view.focus();
              }}
            >
              {item.number}
              {item.text || t('outline.untitled')}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
