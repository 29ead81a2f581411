// The editor page's dialogs, each shown while useEditorDialogs has it open:
// save a version, submit for review, approve, reopen, export and share. What
// they change in the document comes back through onDocument, and what they
// did is told in a toast. Each but the two confirmations is loaded when first
// opened (client/lazy/parts.ts): opening the document needs none of them.
import { useTranslation } from 'react-i18next';
import type { DocumentDto, VersionDto } from '../../shared/api.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { reopenDocument } from '../http/approvalApi.js';
import { submitForReview } from '../http/documentsApi.js';
import { LazyDialog } from '../lazy/LazyPlaces.js';
import { ApprovalDialogPart, ExportDialogPart, SaveVersionDialogPart, ShareDialogPart } from '../lazy/parts.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { navigate } from '../router/navigation.js';
import { sectionPath } from '../router/routes.js';
import type { EditorDialogs as Dialogs } from './useEditorDialogs.js';

interface EditorDialogsProps {
  documentId: string;
  doc: DocumentDto;
  dialogs: Dialogs;
  myUsername: string;
  /** Changes not yet on the server: the approval dialog warns of them. */
  unsavedChanges: boolean;
  /** The version shown instead of the editor, if any: the export offers it. */
  viewingVersionId: string | null;
  /** The document as the server has it after a submission, an approval or a reopening. */
  onDocument: (doc: DocumentDto) => void;
  /** The members or roles changed (share dialog): the document is fetched again. */
  onMembersChanged: () => void;
  onVersionSaved: (version: VersionDto) => void;
  /** From the approval check: a placeholder to select, a thread to show (the dialog has closed). */
  onPlaceholder: (text: string) => void;
  onThread: (threadId: string) => void;
  /** Suggestions (修订) pending in the document: approval waits for them. */
  pendingSuggestions: number;
  onSuggestions: () => void;
  showToast: (message: string) => void;
}

export function EditorDialogs(props: EditorDialogsProps) {
  const { documentId, doc, dialogs, onDocument, showToast } = props;
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  return (
    <>
      {dialogs.isOpen('saveVersion') && (
        <LazyDialog onClose={() => dialogs.close('saveVersion')}>
          <SaveVersionDialogPart.Component
            documentId={documentId}
            onClose={() => dialogs.close('saveVersion')}
            onSaved={(version) => {
              showToast(t('versions.saved', { name: version.name ?? '' }));
              props.onVersionSaved(version);
            }}
          />
        </LazyDialog>
      )}
      {dialogs.isOpen('submit') && (
        <ConfirmDialog
          title={t('review.submitTitle')}
          confirmLabel={t('review.submit')}
          tone="primary"
          errorMessage={describeError}
          onClose={() => dialogs.close('submit')}
          onConfirm={async () => {
            onDocument(await submitForReview(documentId));
            showToast(t('review.submitted'));
          }}
        >
          {t('review.submitBody')}
        </ConfirmDialog>
      )}
      {dialogs.isOpen('approve') && (
        <LazyDialog onClose={() => dialogs.close('approve')}>
          <ApprovalDialogPart.Component
            documentId={documentId}
            unsavedChanges={props.unsavedChanges}
            onClose={() => dialogs.close('approve')}
            onApproved={(approval) => {
              onDocument(approval.document);
              showToast(t('approval.approved'));
            }}
            onPlaceholder={(text) => {
              dialogs.close('approve');
              props.onPlaceholder(text);
            }}
            onThread={(threadId) => {
              dialogs.close('approve');
              props.onThread(threadId);
            }}
            pendingSuggestions={props.pendingSuggestions}
            onSuggestions={() => {
              dialogs.close('approve');
              props.onSuggestions();
            }}
            onSection={(sectionId) => {
              dialogs.close('approve');
              // The page opened at the section (?section=), as from a notification.
              navigate(sectionPath(documentId, sectionId));
            }}
          />
        </LazyDialog>
      )}
      {dialogs.isOpen('reopen') && (
        <ConfirmDialog
          title={t('approval.reopenTitle')}
          confirmLabel={t('approval.reopen')}
          tone="primary"
          errorMessage={describeError}
          onClose={() => dialogs.close('reopen')}
          onConfirm={async () => {
            onDocument(await reopenDocument(documentId));
            showToast(t('approval.reopened'));
          }}
        >
          {t('approval.reopenBody')}
        </ConfirmDialog>
      )}
      {dialogs.isOpen('export') && (
        <LazyDialog onClose={() => dialogs.close('export')}>
          <ExportDialogPart.Component
            documentId={documentId}
            title={doc.title}
            status={doc.status}
            viewingVersionId={props.viewingVersionId}
            onClose={() => dialogs.close('export')}
          />
        </LazyDialog>
      )}
      {dialogs.isOpen('share') && (
        <LazyDialog onClose={() => dialogs.close('share')}>
          <ShareDialogPart.Component
            documentId={documentId}
            documentTitle={doc.title}
            myRole={doc.role}
            myUsername={props.myUsername}
            onClose={() => dialogs.close('share')}
            onChanged={props.onMembersChanged}
          />
        </LazyDialog>
      )}
    </>
  );
}
