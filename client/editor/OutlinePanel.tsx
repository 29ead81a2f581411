// The outline (大纲) beside the page, as Word's navigation pane: every
// heading with its number, live as anyone edits; a click puts the caret in
// that heading and scrolls to it; the heading being read is marked. Each
// section (一、 and （一）) also shows its assignment (分工): who writes it,
// how far it is, by when, its 字数 and open comments; "我负责的" keeps only
// one's own; sections whose heading was deleted wait at the bottom.
import type { Editor } from '@tiptap/core';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionDto } from '../../shared/api.js';
import { outlineOf, type OutlineItem } from './outline.js';
import { RemovedSections } from './RemovedSections.js';
import { scrollBlockToTop } from './revealPosition.js';
import type { SectionAccess } from './sectionAccess.js';
import { isAssignedTo, type OutlineSection } from './sectionOutline.js';
import { SectionRowMeta } from './SectionRowMeta.js';
import { useHeadingInView } from './useHeadingInView.js';

interface OutlinePanelProps {
  editor: Editor | null;
  /** The live sections with their assignments, and those removed; null while there are none to show. */
  sections: { live: readonly OutlineSection[]; removed: readonly SectionDto[] } | null;
  access: SectionAccess | null;
  /** Opens 分配 for a section. */
  onAssign: (sectionId: string) => void;
}

export function OutlinePanel({ editor, sections, access, onAssign }: OutlinePanelProps) {
  const { t } = useTranslation();
  const [items, setItems] = useState<OutlineItem[]>([]);
  const [mineOnly, setMineOnly] = useState(false);
  useEffect(() => {
    if (!editor) return;
    const read = () => setItems(outlineOf(editor.state.doc));
    read();
    editor.on('update', read);
    return () => {
      editor.off('update', read);
    };
  }, [editor]);
  const byPos = useMemo(() => new Map((sections?.live ?? []).map((section) => [section.pos, section])), [sections?.live]);
  const current = useHeadingInView(
    editor,
    items.map((item) => item.pos),
  );
  if (!editor || items.length === 0) return null;
  const self = access?.self ?? '';
  const anyMine = (sections?.live ?? []).some((section) => isAssignedTo(section, self));
  const shown = mineOnly ? items.filter((item) => byPos.has(item.pos) && isAssignedTo(byPos.get(item.pos)!, self)) : items;
  const jump = (pos: number) => {
    editor
      .chain()
      .setTextSelection(pos + 1)
      .run();
    // near the top, as Word's navigation pane shows a heading (and the outline then marks it)
    scrollBlockToTop(editor, pos);
    // at once: Tiptap's focus() waits a frame, and keys pressed meanwhile went to this button
    editor.view.focus();
  };
  return (
    <nav className="outline" aria-label={t('outline.title')} data-testid="outline">
      <div className="outline__header">
        <h2 className="outline__title">{t('outline.title')}</h2>
        {(anyMine || mineOnly) && (
          <button
            type="button"
            className={mineOnly ? 'outline__filter outline__filter--on' : 'outline__filter'}
            aria-pressed={mineOnly}
            title={t('sections.mineTitle')}
            onClick={() => setMineOnly((on) => !on)}
            data-testid="outline-mine"
          >
            {t('sections.mine')}
          </button>
        )}
      </div>
      {mineOnly && shown.length === 0 && <p className="outline__empty">{t('sections.noneMine')}</p>}
      <ol className="outline__list">
        {shown.map((item) => {
          const section = byPos.get(item.pos);
          const classes = [`outline__item`, `outline__item--level${item.level}`];
          if (section) classes.push('outline__item--section');
          if (item.pos === current) classes.push('outline__item--current');
          return (
            <li
              key={item.pos}
              className={classes.join(' ')}
              data-testid={section ? 'outline-section' : undefined}
              data-section-id={section?.id ?? undefined}
              aria-current={item.pos === current ? 'location' : undefined}
            >
              <button type="button" className="outline__link" onClick={() => jump(item.pos)}>
                {item.number}
                {item.text || t('outline.untitled')}
              </button>
              {section && access && <SectionRowMeta section={section} access={access} onAssign={onAssign} />}
            </li>
          );
        })}
      </ol>
      {sections && sections.removed.length > 0 && !mineOnly && <RemovedSections records={sections.removed} />}
    </nav>
  );
}
