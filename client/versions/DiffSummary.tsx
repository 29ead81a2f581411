import { useTranslation } from 'react-i18next';
import type { DiffDto, DiffSideDto } from '../../shared/api.js';
import { changedBlockCount, hasChanges } from './diffView.js';
import { formatVersionTime, labelWords, nameOf } from './versionLabel.js';

/** What is compared with what, how much changed, and whose colour is whose. */
export function DiffSummary({ diff }: { diff: DiffDto }) {
  const { t } = useTranslation();
  const side = (s: DiffSideDto) => {
    if (s.kind === 'current') return t('versions.sideCurrent');
    const name = nameOf({ ...s, kind: s.kind }, labelWords(t));
    if (name !== null) return t('versions.sideNamed', { name });
    return t('versions.sideAuto', { time: s.createdAt ? formatVersionTime(new Date(s.createdAt)) : '' });
  };
  const { stats } = diff;
  // the key shows how pending 修订 are drawn only where there are some
  const suggested = diff.blocks.some((block) => block.segments.some((segment) => segment.suggestion !== null));
  return (
    <div className="diff-summary" data-testid="diff-summary">
      <p className="diff-summary__stats">
        {t('versions.direction', { from: side(diff.from), to: side(diff.to) })}
        {hasChanges(stats)
          ? t('versions.stats', { inserted: stats.insertedChars, deleted: stats.deletedChars, blocks: changedBlockCount(stats) })
          : t('versions.noChanges')}
        {stats.newSuggestions > 0 && t('versions.newSuggestions', { count: stats.newSuggestions })}
      </p>
      {diff.authors.length > 0 && (
        <ul className="diff-legend" aria-label={t('versions.legend')} data-testid="diff-legend">
          <li className="diff-legend__label">{t('versions.legend')}</li>
          {diff.authors.map((person) => (
            <li key={person.username} className="diff-legend__person">
              <span className="diff-legend__swatch" style={{ backgroundColor: person.color }} aria-hidden="true" />
              {person.displayName}
            </li>
          ))}
          <li className="diff-legend__key" aria-hidden="true">
            <ins className="diff-run">{t('versions.inserted')}</ins>
            <del className="diff-run">{t('versions.deleted')}</del>
            {suggested && (
              <>
                <ins className="suggestion-run">{t('versions.suggestedInsert')}</ins>
                <del className="suggestion-run">{t('versions.suggestedDelete')}</del>
              </>
            )}
          </li>
        </ul>
      )}
    </div>
  );
}
