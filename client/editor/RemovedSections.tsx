// Sections whose heading was deleted, with the assignment they had: quiet, at
// the bottom of the outline (a restore or an undo brings the heading back).
import { useTranslation } from 'react-i18next';
import type { SectionDto } from '../../shared/api.js';
import { SectionAvatars, SectionStatusChip } from './SectionBadges.js';

export function RemovedSections({ records }: { records: readonly SectionDto[] }) {
  const { t } = useTranslation();
  return (
    <section className="outline__removed" data-testid="outline-removed">
      <h3 className="outline__removed-title" title={t('sections.removedTitle')}>
        {t('sections.removedGroup')}
      </h3>
      <ul className="outline__list">
        {records.map((record) => (
          <li key={record.id} className="outline__removed-item" data-section-id={record.id}>
            <span className="outline__removed-name">
              {record.number}
              {record.title || t('outline.untitled')}
            </span>
            <span className="outline__meta">
              <SectionAvatars record={record} size={16} />
              <SectionStatusChip record={record} />
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
