import { useTranslation } from 'react-i18next';
import type { DocumentSummaryDto } from '../../shared/api.js';
import { useNow } from '../lib/useNow.js';
import { DocumentRow } from './DocumentRow.js';
import { anyProgress } from './documentProgress.js';

interface DocumentTableProps {
  documents: DocumentSummaryDto[];
  onRename: (document: DocumentSummaryDto) => void;
  onDelete: (document: DocumentSummaryDto) => void;
  onExport: (document: DocumentSummaryDto) => void;
}

export function DocumentTable({ documents, onRename, onDelete, onExport }: DocumentTableProps) {
  const { t } = useTranslation();
  const now = useNow();
  const showProgress = anyProgress(documents);
  return (
    <table className="document-table">
      <thead>
        <tr>
          <th scope="col">{t('list.columns.title')}</th>
          <th scope="col">{t('list.columns.status')}</th>
          {showProgress && <th scope="col">{t('list.columns.progress')}</th>}
          <th scope="col">{t('list.columns.role')}</th>
          <th scope="col">{t('list.columns.owner')}</th>
          <th scope="col">{t('list.columns.updatedAt')}</th>
          <th scope="col" aria-label={t('list.rowMenu')} />
        </tr>
      </thead>
      <tbody>
        {documents.map((document) => (
          <DocumentRow
            key={document.id}
            document={document}
            now={now}
            showProgress={showProgress}
            onRename={onRename}
            onDelete={onDelete}
            onExport={onExport}
          />
        ))}
      </tbody>
    </table>
  );
}
