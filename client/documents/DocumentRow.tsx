import { useTranslation } from 'react-i18next';
import type { DocumentSummaryDto } from '../../shared/api.js';
import { canDelete, canRename } from '../../shared/access.js';
import { DropdownMenu, type MenuItem } from '../components/DropdownMenu.js';
import { Icon } from '../components/Icon.js';
import { RelativeTime } from '../components/RelativeTime.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Link } from '../router/Link.js';
import { navigate } from '../router/navigation.js';
import { documentPath } from '../router/routes.js';
import { DocumentProgress } from './DocumentProgress.js';

interface DocumentRowProps {
  document: DocumentSummaryDto;
  now: Date;
  /** Whether the list has the 分工 column (some document uses it). */
  showProgress: boolean;
  onRename: (document: DocumentSummaryDto) => void;
  onDelete: (document: DocumentSummaryDto) => void;
  onExport: (document: DocumentSummaryDto) => void;
}

export function DocumentRow({ document, now, showProgress, onRename, onDelete, onExport }: DocumentRowProps) {
  const { t } = useTranslation();
  const path = documentPath(document.id);
  // Every member may export, viewers too.
  const items: MenuItem[] = [{ label: t('list.export'), onSelect: () => onExport(document), testId: 'export-document' }];
  if (canRename(document.role)) {
    items.push({ label: t('list.rename'), onSelect: () => onRename(document), testId: 'rename-document' });
  }
  if (canDelete(document.role)) {
    items.push({ label: t('list.delete'), onSelect: () => onDelete(document), danger: true, testId: 'delete-document' });
  }

  return (
    <tr className="document-row" data-testid="document-row" data-document-id={document.id} onClick={() => navigate(path)}>
      <td className="document-row__title">
        <span className="document-row__title-inner">
          <Icon name="document" />
          <Link to={path} onClick={(event) => event.stopPropagation()} title={document.title}>
            {document.title}
          </Link>
        </span>
      </td>
      <td>
        <StatusBadge status={document.status} />
      </td>
      {showProgress && (
        <td className="document-row__progress">
          <DocumentProgress progress={document.progress} />
        </td>
      )}
      <td>{t(`role.${document.role}`)}</td>
      <td>{document.owner.displayName}</td>
      <td className="document-row__time">
        <RelativeTime iso={document.updatedAt} now={now} />
      </td>
      <td className="document-row__menu">
        <DropdownMenu label={t('list.rowMenu')} trigger={<Icon name="more" />} items={items} triggerTestId="row-menu" />
      </td>
    </tr>
  );
}
