import { useTranslation } from 'react-i18next';
import type { DocumentSummaryDto } from '../../shared/api.js';
import { useNow } from '../lib/useNow.js';
import { DocumentRow } from './DocumentRow.js';

interface DocumentTableProps {
  documents: DocumentSummaryDto[];
  onRename: (document: DocumentSummaryDto) => void;
  onDelete: (document: DocumentSummaryDto) => void;
  onExport: (document: DocumentSummaryDto) => void;
}

export function DocumentTable({ documents, onRename, onDelete, onExport }: DocumentTableProps) {
  const { t } = useTranslation();
  const now = useNow();
  return (
    <table className="document-table">
      <thead>
        <tr>
          <th scope="col">{t('list.columns.title')}</th>
          <th scope="col">{t('list.columns.status')}</th>
          <th scope="col">{t('list.columns.role')}</th>
          <th scope="col">{t('list.columns.owner')}</th>
          <th scope="col">{t('list.columns.updatedAt')}</th>
          <th scope="col" aria-label={t('list.rowMenu')} />
        </tr>
      </thead>
      <tbody>
        {documents.map((document) => (
          <DocumentRow key={document.id} document={document} now={now} onRename={onRename} onDelete={onDelete} onExport={onExport} />
        ))}
      </tbody>
    </table>
  );
}
