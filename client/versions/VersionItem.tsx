import { useTranslation } from 'react-i18next';
import type { VersionDto } from '../../shared/api.js';
import { Avatar } from '../components/Avatar.js';
import { authorNames, labelOf, labelWords } from './versionLabel.js';

const MAX_AVATARS = 3;

interface VersionItemProps {
  version: VersionDto;
  selected: boolean;
  /** The display name of whoever saved it, from its username. */
  nameOf: (username: string) => string;
  onSelect: () => void;
}

/** One entry of the timeline: a named version stands out, an automatic one stays quiet. */
export function VersionItem({ version, selected, nameOf, onSelect }: VersionItemProps) {
  const { t } = useTranslation();
  const label = labelOf(version, labelWords(t));
  const names = authorNames(version.authors, {
    separator: t('versions.separator'),
    andOthers: (list, count) => t('versions.andOthers', { names: list, count }),
  });
  return (
    <button
      type="button"
      className={label.prominent ? 'version-item version-item--named' : 'version-item version-item--auto'}
      data-testid="version-item"
      data-version-id={version.id}
      data-kind={version.kind}
      aria-current={selected || undefined}
      onClick={onSelect}
    >
      <span className="version-item__dot" aria-hidden="true" />
      <span className="version-item__head">
        {label.name !== null ? (
          <span className="version-item__name">{label.name}</span>
        ) : (
          <time className="version-item__time" dateTime={version.createdAt} title={label.time}>
            {label.clock}
          </time>
        )}
        {version.kind === 'approved' && <span className="badge badge--approved">{t('versions.approvedBadge')}</span>}
      </span>
      <span className="version-item__meta">
        {label.name !== null ? (
          <>
            <time dateTime={version.createdAt} title={label.time}>
              {label.clock}
            </time>
            {version.createdBy && ` · ${t('versions.savedBy', { name: nameOf(version.createdBy) })}`}
          </>
        ) : (
          t('versions.auto')
        )}
      </span>
      {version.authors.length > 0 && (
        <span className="version-item__authors">
          <span className="version-item__avatars" aria-hidden="true">
            {version.authors.slice(0, MAX_AVATARS).map((author) => (
              <Avatar key={author.username} name={author.displayName} color={author.color} size={18} />
            ))}
          </span>
          <span className="version-item__author-names">{t('versions.authors', { names })}</span>
        </span>
      )}
    </button>
  );
}
