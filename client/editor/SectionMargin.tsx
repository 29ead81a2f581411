// In the page's left margin, level with each assigned section's heading: its
// assignees' avatars and its status, quietly (分工). Drawn over the page, not
// in the document: nothing in the text, the caret or an input method's
// composition changes for it. Beside the heading that holds the caret, those
// who may assign find 分配.
import { useEditorState, type Editor } from '@tiptap/react';
import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mayOpenAssign, type SectionAccess } from './sectionAccess.js';
import { SectionAvatars, SectionStatusChip } from './SectionBadges.js';
import type { OutlineSection } from './sectionOutline.js';

interface SectionMarginProps {
  editor: Editor | null;
  sections: readonly OutlineSection[];
  access: SectionAccess;
  onAssign: (sectionId: string) => void;
}

const isAssigned = (section: OutlineSection) => !!section.record && (section.record.assignees.length > 0 || section.record.status !== 'todo');

export function SectionMargin({ editor, sections, access, onAssign }: SectionMarginProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);
  const [tops, setTops] = useState<ReadonlyMap<number, number>>(new Map());
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
  const key = shown.map((section) => section.pos).join(',');

  // Measured again when the marks' places change (`key`), not at every new copy of the sections (a frame
  // after every keystroke): text that grows or shrinks above a mark changes the body's height, which the observer sees.
  useLayoutEffect(() => {
    const layer = ref.current;
    if (!editor || editor.isDestroyed || !layer) return;
    const positions = key ? key.split(',').map(Number) : [];
    // Nothing to place: no measuring either (a measurement makes the browser lay out the whole page there and then).
    if (positions.length === 0) {
      setTops((current) => (current.size === 0 ? current : new Map()));
      return;
    }
    const measure = () => {
      if (editor.isDestroyed) return;
      const origin = layer.getBoundingClientRect().top;
      const next = new Map<number, number>();
      for (const pos of positions) {
        const dom = editor.view.nodeDOM(pos);
        if (dom instanceof HTMLElement) next.set(pos, dom.getBoundingClientRect().top - origin + dom.offsetHeight / 2);
      }
      setTops(next);
    };
    measure();
    // text above a heading that grows or shrinks moves it
    const observer = new ResizeObserver(measure);
    observer.observe(editor.view.dom);
    return () => observer.disconnect();
  }, [editor, key]);

  return (
    <div ref={ref} className="section-margin" aria-hidden={shown.length === 0 || undefined}>
      {shown.map((section) => {
        const top = tops.get(section.pos);
        if (top === undefined || !section.id) return null;
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
            key={section.pos}
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
          <span key={section.pos} className="section-mark" style={{ top }} title={label} data-testid="section-mark" data-section-id={id}>
            {content}
          </span>
        );
      })}
    </div>
  );
}
