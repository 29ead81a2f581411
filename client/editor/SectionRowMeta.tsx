// Under a section in the outline: its assignees, status and due date, its 字数
// and open comments, and 分配 for those who may change something.
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { mayOpenAssign, type SectionAccess } from './sectionAccess.js';
import { SectionAvatars, SectionDue, SectionStatusChip } from './SectionBadges.js';
import type { OutlineSection } from './sectionOutline.js';

export function SectionRowMeta({ section, access, onAssign }: { section: OutlineSection; access: SectionAccess; onAssign: (sectionId: string) => void }) {
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
