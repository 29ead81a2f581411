// The outline (大纲) beside the page, as Word's navigation pane: every
// heading with its number, live as anyone edits; a click puts the caret in
// that heading and scrolls to it; the heading being read is marked. Each
// section (一、 and （一）) also shows its assignment (分工): who writes it,
// how far it is, by when, its 字数 and open comments; "我负责的" keeps only
// one's own; sections whose heading was deleted wait at the bottom.
import type { Editor } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionDto } from '../../shared/api.js';
import { headingPositions, outlineOf, sameHeadings, type OutlineItem } from './outline.js';
import { RemovedSections } from './RemovedSections.js';
import { scrollBlockToTop } from './revealPosition.js';
import type { SectionAccess } from './sectionAccess.js';
import { isAssignedTo, type OutlineSection } from './sectionOutline.js';
import { OutlineRow } from './OutlineRow.js';
import { useHeadingInView } from './useHeadingInView.js';
import { useLiveSectionList, type LiveSections } from './useSections.js';

interface OutlinePanelProps {
  editor: Editor | null;
  /** The live sections with their assignments, and those removed. */
  sections: { live: LiveSections; removed: readonly SectionDto[] };
  access: SectionAccess | null;
  /** Opens 分配 for a section. */
  onAssign: (sectionId: string) => void;
}

export function OutlinePanel({ editor, sections, access, onAssign }: OutlinePanelProps) {
  const { t } = useTranslation();
  const [items, setItems] = useState<OutlineItem[]>([]);
  /** The outline of the editor's document now (`items` is that of the last render). */
  const itemsNow = useRef<OutlineItem[]>([]);
  const [mineOnly, setMineOnly] = useState(false);
  useEffect(() => {
    if (!editor) return;
    let read: PMNode | null = null;
    const update = () => {
      const doc = editor.state.doc;
      // typing into a paragraph changes no heading: the outline stays (only where its headings are moves)
      if (read && sameHeadings(read, doc)) return;
      read = doc;
      itemsNow.current = outlineOf(doc);
      setItems(itemsNow.current);
    };
    update();
    editor.on('update', update);
    return () => {
      editor.off('update', update);
    };
  }, [editor]);
  const positionsNow = useCallback(() => (editor && !editor.isDestroyed ? headingPositions(editor.state.doc, itemsNow.current) : []), [editor]);
  // by id, else by place: the outline is read at each change and the sections a frame later, and matching by
  // position would lose every section below a keystroke for that frame
  const live = useLiveSectionList(sections.live);
  const sectionOf = useMemo(() => {
    const byId = new Map<string, OutlineSection>();
    const byBlock = new Map<number, OutlineSection>();
    for (const section of live) {
      if (section.id) byId.set(section.id, section);
      byBlock.set(section.index, section);
    }
    return (item: OutlineItem): OutlineSection | undefined => {
      if (!item.topLevel) return undefined;
      if (item.sectionId) return byId.get(item.sectionId);
      // a heading not given its id yet: the section at its place, if that has none either
      const atPlace = byBlock.get(item.block);
      return atPlace?.id === null ? atPlace : undefined;
    };
  }, [live]);
  const current = useHeadingInView(editor, positionsNow, items.length);
  const jump = useCallback(
    (index: number) => {
      const pos = positionsNow()[index];
      if (!editor || pos === undefined) return;
      editor
        .chain()
        .setTextSelection(pos + 1)
        .run();
      // near the top, as Word's navigation pane shows a heading (and the outline then marks it)
      scrollBlockToTop(editor, pos);
      // at once: Tiptap's focus() waits a frame, and keys pressed meanwhile went to this button
      editor.view.focus();
    },
    [editor, positionsNow],
  );
  if (!editor || items.length === 0) return null;
  const self = access?.self ?? '';
  const anyMine = live.some((section) => isAssignedTo(section, self));
  // each row keyed by its place among the headings: typing moves headings, and a key that moved would draw every row anew
  const rows = items.map((item, index) => ({ item, index, section: sectionOf(item) }));
  const shown = mineOnly ? rows.filter(({ section }) => section && isAssignedTo(section, self)) : rows;
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
        {shown.map(({ item, index, section }) => (
          <OutlineRow
            key={index}
            index={index}
            level={item.level}
            number={item.number}
            text={item.text}
            section={section}
            current={index === current}
            access={access}
            onJump={jump}
            onAssign={onAssign}
          />
        ))}
      </ol>
      {sections.removed.length > 0 && !mineOnly && <RemovedSections records={sections.removed} />}
    </nav>
  );
}
