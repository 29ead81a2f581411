// A section's assignment in a few quiet marks (分工): the assignees' avatars,
// the status as a small chip, the due date (red once overdue).
import { useTranslation } from 'react-i18next';
import type { SectionDto } from '../../shared/api.js';
import { Avatar } from '../components/Avatar.js';

/** 2026-12-31 → 12月31日 (or 12/31): the year is nearly always this one. */
export function shortDate(date: string, lang: string): string {
  const [, month, day] = date.split('-').map(Number);
  return lang.startsWith('zh') ? `${month}月${day}日` : `${month}/${day}`;
}

export function SectionAvatars({ record, size = 20 }: { record: Pick<SectionDto, 'people'>; size?: number }) {
  if (record.people.length === 0) return null;
  return (
    <span className="section-avatars" data-testid="section-avatars">
      {record.people.map((person) => (
        <Avatar key={person.username} name={person.displayName} color={person.color} size={size} />
      ))}
    </span>
  );
}

export function SectionStatusChip({ record }: { record: Pick<SectionDto, 'status'> }) {
  const { t } = useTranslation();
  return (
    <span className={`section-status section-status--${record.status}`} data-testid="section-status" data-status={record.status}>
      {t(`sections.statuses.${record.status}`)}
    </span>
  );
}

export function SectionDue({ record }: { record: Pick<SectionDto, 'due' | 'overdue'> }) {
  const { t, i18n } = useTranslation();
  if (!record.due) return null;
  const date = shortDate(record.due, i18n.language);
  return (
    <span
      className={record.overdue ? 'section-due section-due--overdue' : 'section-due'}
      title={record.overdue ? t('sections.overdue', { date: record.due }) : t('sections.dueOn', { date: record.due })}
      data-testid="section-due"
    >
      {t('sections.dueOn', { date })}
    </span>
  );
}
