// 分工 in the list: how many of a document's assigned sections are done, with a
// small bar, and how many are overdue in red. Nothing while 分工 is not used.
import { useTranslation } from 'react-i18next';
import type { SectionProgressDto } from '../../shared/api.js';
import { progressShare } from './documentProgress.js';

export function DocumentProgress({ progress }: { progress: SectionProgressDto | null }) {
  const { t } = useTranslation();
  if (!progress || progress.total === 0) return null;
  const label = t('list.progress', { done: progress.done, total: progress.total });
  return (
    <span className="document-progress" data-testid="document-progress">
      <span className="document-progress__label">{label}</span>
      <span className="document-progress__bar" aria-hidden="true">
        <span
          className={progress.done === progress.total ? 'document-progress__fill document-progress__fill--done' : 'document-progress__fill'}
          style={{ width: `${progressShare(progress) * 100}%` }}
        />
      </span>
      {progress.overdue > 0 && (
        <span className="document-progress__overdue" data-testid="document-overdue">
          {t('list.overdue', { count: progress.overdue })}
        </span>
      )}
    </span>
  );
}
