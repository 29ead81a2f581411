import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummaryDto } from '../../shared/api.js';
import { deleteDocument, listDocuments, renameDocument } from '../http/documentsApi.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { Header } from '../components/Header.js';
import { Icon } from '../components/Icon.js';
import { useToast } from '../components/useToast.js';
import { DocumentTable } from '../documents/DocumentTable.js';
import { EmptyState } from '../documents/EmptyState.js';
import { RenameDialog } from '../documents/RenameDialog.js';
import { PageDropZone, usePageDrop } from '../import/PageDropZone.js';
import { LazyDialog } from '../lazy/LazyPlaces.js';
import { ExportDialogPart, NewDocumentDialogPart } from '../lazy/parts.js';
import { sortDocuments } from '../documents/sortDocuments.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { useRefreshOnFocus } from '../lib/useRefreshOnFocus.js';
import { useResource } from '../lib/useResource.js';

const LIST_REFRESH_MS = 60_000;

type OpenDialog =
  /** With a file dropped on the page: at the import step with it (`key` new for each drop). */
  | { kind: 'new'; file?: File; key?: number }
  | { kind: 'rename'; document: DocumentSummaryDto }
  | { kind: 'delete'; document: DocumentSummaryDto }
  | { kind: 'export'; document: DocumentSummaryDto }
  | null;

export function DocumentListPage() {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const documents = useResource(listDocuments, 'documents');
  // Statuses and titles others change (a draft submitted for review) show up without a reload.
  useRefreshOnFocus(() => void documents.reload(), LIST_REFRESH_MS);
  const [dialog, setDialog] = useState<OpenDialog>(null);
  const sorted = useMemo(() => (documents.data ? sortDocuments(documents.data) : undefined), [documents.data]);

  useEffect(() => {
    document.title = `${t('list.heading')} - ${t('app.name')}`;
  }, [t]);

  const close = () => setDialog(null);
  const openNew = () => setDialog({ kind: 'new' });
  const [toast, showToast] = useToast();
  // A Word file dragged onto the page opens the import step with it (also over the new-document dialog).
  const drop = usePageDrop(
    dialog === null || dialog.kind === 'new',
    (file) => setDialog({ kind: 'new', file, key: Date.now() }),
    (why) => showToast(t(why === 'severalFiles' ? 'import.dropOne' : 'import.dropNoFile')),
  );

  return (
    <div className="app-shell">
      <Header />
      <main className="documents-page">
        <div className="documents-page__bar">
          <h1 className="documents-page__heading">{t('list.heading')}</h1>
          <button type="button" className="button button--primary" data-testid="new-document" onClick={openNew}>
            <Icon name="plus" />
            {t('list.newDocument')}
          </button>
        </div>
        <p className="muted documents-page__hint">{t('import.pageHint')}</p>

        {documents.error !== undefined && !sorted && (
          <div className="notice notice--error" role="alert">
            {t('list.loadError')} {describeError(documents.error)}
            <button type="button" className="button button--small" onClick={() => void documents.reload()}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {documents.loading && <p className="muted">{t('common.loading')}</p>}
        {sorted && sorted.length === 0 && <EmptyState onCreate={openNew} />}
        {sorted && sorted.length > 0 && (
          <DocumentTable
            documents={sorted}
            onRename={(document) => setDialog({ kind: 'rename', document })}
            onDelete={(document) => setDialog({ kind: 'delete', document })}
            onExport={(document) => setDialog({ kind: 'export', document })}
          />
        )}
      </main>

      {/* The new-document (and import) and export dialogs load when opened: the list's first paint needs neither. */}
      {dialog?.kind === 'new' && (
        <LazyDialog key={dialog.key} onClose={close}>
          <NewDocumentDialogPart.Component initialFile={dialog.file} onClose={close} />
        </LazyDialog>
      )}
      {dialog?.kind === 'rename' && (
        <RenameDialog
          initialTitle={dialog.document.title}
          onClose={close}
          onRename={async (title) => {
            await renameDocument(dialog.document.id, title);
            await documents.reload();
          }}
        />
      )}
      {dialog?.kind === 'export' && (
        <LazyDialog onClose={close}>
          <ExportDialogPart.Component documentId={dialog.document.id} title={dialog.document.title} status={dialog.document.status} onClose={close} />
        </LazyDialog>
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          title={t('list.deleteTitle')}
          confirmLabel={t('common.delete')}
          onClose={close}
          errorMessage={describeError}
          onConfirm={async () => {
            await deleteDocument(dialog.document.id);
            documents.setData((list) => list?.filter((d) => d.id !== dialog.document.id));
          }}
        >
          {t('list.deleteBody', { title: dialog.document.title })}
        </ConfirmDialog>
      )}
      {drop.over && dialog === null && <PageDropZone />}
      {toast}
    </div>
  );
}
