// Under a section in the outline: its assignees, status and due date, its 字数
// and open comments, and 分配 for those who may change something. Drawn again
// only when its section or what its reader may do changed: the outline is read
// a frame after every keystroke, and drawing every row each time (their
// translated labels) cost more than the keystroke itself in a long document.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { mayOpenAssign, type SectionAccess } from './sectionAccess.js';
import { SectionAvatars, SectionDue, SectionStatusChip } from './SectionBadges.js';
import type { OutlineSection } from './sectionOutline.js';

interface SectionRowMetaProps {
  section: OutlineSection;
  access: SectionAccess;
  onAssign: (sectionId: string) => void;
}

function SectionRowMetaRow({ section, access, onAssign }: SectionRowMetaProps) {
  const { t } = useTranslation();
  const record = section.record;
  const assigned = record && (record.assignees.length > 0 || record.status !== 'todo' || record.due);
  const id = section.id;
  return (
    <div className="outline__meta">
      {assigned && (
        <>
          <SectionAvatars record={record} size={18} />
          <SectionStatusChip record={record} />
          <SectionDue record={record} />
        </>
      )}
      <span className="outline__count" data-testid="section-chars">
        {t('sections.chars', { count: section.chars })}
      </span>
      {section.openThreads > 0 && (
        <span className="outline__threads" title={t('sections.openThreads', { count: section.openThreads })} data-testid="section-threads">
          <Icon name="comment" size={11} />
          {section.openThreads}
        </span>
      )}
      {id && mayOpenAssign(access, record) && (
        <button type="button" className="outline__assign" onClick={() => onAssign(id)} data-testid="section-assign">
          {t('sections.assign')}
        </button>
      )}
    </div>
  );
}

// What the row shows of its section (not where it is: a keystroke above it moves it); and the page
// makes a new `access` at every render, equal when it allows the same for this section.
export const sameSectionRow = (a: OutlineSection, aAccess: SectionAccess, b: OutlineSection, bAccess: SectionAccess): boolean =>
  a.id === b.id &&
  a.record === b.record &&
  a.chars === b.chars &&
  a.openThreads === b.openThreads &&
  aAccess.self === bAccess.self &&
  aAccess.mayAssign === bAccess.mayAssign &&
  aAccess.mayChangeStatus(a.record) === bAccess.mayChangeStatus(b.record);

const sameRow = (a: SectionRowMetaProps, b: SectionRowMetaProps): boolean =>
  a.onAssign === b.onAssign && sameSectionRow(a.section, a.access, b.section, b.access);

export const SectionRowMeta = memo(SectionRowMetaRow, sameRow);
