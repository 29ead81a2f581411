// In the page's left margin, level with each assigned section's heading: its
// assignees' avatars and its status, quietly (分工). Drawn over the page, not
// in the document: nothing in the text, the caret or an input method's
// composition changes for it. Beside the heading that holds the caret, those
// who may assign find 分配.
import { useEditorState, type Editor } from '@tiptap/react';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayOpenAssign, type SectionAccess } from './sectionAccess.js';
import { readWhenSettled } from './throttledReads.js';
import { SectionAvatars, SectionStatusChip } from './SectionBadges.js';
import type { OutlineSection } from './sectionOutline.js';
import { useLiveSectionList, type LiveSections } from './useSections.js';

interface SectionMarginProps {
  editor: Editor | null;
  sections: LiveSections;
  access: SectionAccess;
  onAssign: (sectionId: string) => void;
}

const isAssigned = (section: OutlineSection) => !!section.record && (section.record.assignees.length > 0 || section.record.status !== 'todo');

const sameTops = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean =>
  a.size === b.size && [...a].every(([id, top]) => b.get(id) === top);

export function SectionMargin({ editor, sections: live, access, onAssign }: SectionMarginProps) {
  const sections = useLiveSectionList(live);
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  /** Each mark's top (by section id). */
  const [tops, setTops] = useState<ReadonlyMap<string, number>>(new Map());
  /** The section heading the caret is in, if any. */
  const caretHeading = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      if (!current) return null;
      const { $from } = current.state.selection;
      return $from.depth >= 1 && $from.node(1).type.name === 'heading' ? $from.before(1) : null;
    },
  });
  const shown = sections.filter((section) => section.id && (isAssigned(section) || (section.pos === caretHeading && access.mayAssign)));
  const key = shown.map((section) => section.id).join(',');

  // Measured again when which sections have marks changes (`key`), not when they move: a keystroke above a
  // mark moves its heading in the document but seldom on the page, and a measurement makes the browser lay
  // out the whole page there and then. Text that grows or shrinks above a mark changes the body's height,
  // which the observer sees.
  useLayoutEffect(() => {
    const layer = ref.current;
    if (!editor || editor.isDestroyed || !layer) return;
    // Nothing to place: no measuring either.
    if (!key) {
      setTops((current) => (current.size === 0 ? current : new Map()));
      return;
    }
    const measure = () => {
      if (editor.isDestroyed) return;
      const origin = layer.getBoundingClientRect().top;
      const next = new Map<string, number>();
      // found by id: the sections are read a moment after each change, so their positions may be some keystrokes old here
      for (const id of key.split(',')) {
        const dom = editor.view.dom.querySelector(`:scope > [data-section-id="${CSS.escape(id)}"]`);
        if (dom instanceof HTMLElement) next.set(id, dom.getBoundingClientRect().top - origin + dom.offsetHeight / 2);
      }
      setTops((current) => (sameTops(current, next) ? current : next));
    };
    measure();
    // text above a heading that grows or shrinks moves it
    const observer = new ResizeObserver(measure);
    observer.observe(editor.view.dom);
    // and a block moved from above a heading to below it does not change the height: measured once typing pauses
    const stopSettled = readWhenSettled(editor, measure);
    return () => {
      observer.disconnect();
      stopSettled();
    };
  }, [editor, key]);

  return (
    <div ref={ref} className="section-margin" aria-hidden={shown.length === 0 || undefined}>
      {shown.map((section) => {
        if (!section.id) return null;
        const top = tops.get(section.id);
        if (top === undefined) return null;
        const record = section.record;
        const names = record?.people.map((person) => person.displayName).join('、') ?? '';
        const label =
          record && isAssigned(section)
            ? t('sections.marginLabel', { names: names || t('sections.unassigned'), status: t(`sections.statuses.${record.status}`) })
            : t('sections.assign');
        const id = section.id;
        const content =
          record && isAssigned(section) ? (
            <>
              <SectionAvatars record={record} size={18} />
              <SectionStatusChip record={record} />
            </>
          ) : (
            <span className="section-mark__assign">{t('sections.assign')}</span>
          );
        return mayOpenAssign(access, record) ? (
          <button
            key={id}
            type="button"
            className="section-mark"
            style={{ top }}
            title={label}
            aria-label={label}
            data-testid="section-mark"
            data-section-id={id}
            // the caret stays where it was
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => onAssign(id)}
          >
            {content}
          </button>
        ) : (
          <span key={id} className="section-mark" style={{ top }} title={label} data-testid="section-mark" data-section-id={id}>
            {content}
          </span>
        );
      })}
    </div>
  );
}
