import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { canEditBody, canRename } from '../../shared/access.js';
import { CloseCode } from '../../shared/collab.js';
import { renameDocument } from '../http/documentsApi.js';
import { notifyUnauthorized } from '../http/request.js';
import { CenteredMessage } from '../components/CenteredMessage.js';
import { Header } from '../components/Header.js';
import { Icon } from '../components/Icon.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { DocumentUnavailable } from '../editor/DocumentUnavailable.js';
import { EditorTitle } from '../editor/EditorTitle.js';
import { EditorWorkspace } from '../editor/EditorWorkspace.js';
import { PresenceAvatars } from '../editor/PresenceAvatars.js';
import { ReadonlyBanner } from '../editor/ReadonlyBanner.js';
import { ShareDialog } from '../editor/ShareDialog.js';
import { unavailabilityOf } from '../editor/unavailability.js';
import { useBeforeUnload } from '../editor/useBeforeUnload.js';
import { useCollaboration } from '../editor/useCollaboration.js';
import { useConnectionState } from '../editor/useConnectionState.js';
import { useDocumentMeta } from '../editor/useDocumentMeta.js';
import { useFinalCloseCode } from '../editor/useFinalCloseCode.js';
import { connectionProblemOf } from '../editor/connectionProblem.js';
import { ConnectionProblemBanner } from '../editor/ConnectionProblemBanner.js';
import { usePresence } from '../editor/usePresence.js';
import { useSaveState } from '../editor/useSaveState.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { Link } from '../router/Link.js';
import { useCurrentUser } from '../session/sessionContext.js';

export function EditorPage({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const user = useCurrentUser();
  const meta = useDocumentMeta(documentId);
  const collaboration = useCollaboration(documentId, user.id);
  const provider = collaboration?.provider ?? null;
  const closeCode = useFinalCloseCode(provider);
  const connection = useConnectionState(provider);
  const save = useSaveState(collaboration, connection);
  const presence = usePresence(provider, user.username);
  const [sharing, setSharing] = useState(false);

  const doc = meta.data;
  const editable = doc ? canEditBody(doc.role, doc.status) : false;
  const unavailable = unavailabilityOf(meta.error, closeCode);
  const problem = connectionProblemOf(closeCode);
  // Read-only people have nothing of their own to lose; a document that is gone cannot be saved any more.
  useBeforeUnload(editable && !unavailable && save !== 'saved');

  const title = meta.data?.title;
  useEffect(() => {
    document.title = title ? `${title} - ${t('app.name')}` : t('app.name');
  }, [title, t]);

  useEffect(() => {
    if (closeCode === CloseCode.unauthorized) notifyUnauthorized();
  }, [closeCode]);

  // No access any more, or deleted: stop retrying, and leave no copy of it on this computer.
  useEffect(() => {
    if (!unavailable || !collaboration) return;
    collaboration.provider.disconnect();
    void collaboration.persistence.clearData();
    collaboration.unsavedFlag.set(false);
  }, [unavailable, collaboration]);

  if (unavailable) return <DocumentUnavailable reason={unavailable} />;

  if (!doc) {
    if (meta.error !== undefined) {
      return (
        <CenteredMessage>
          <p>
            {t('editor.loadError')} {describeError(meta.error)}
          </p>
          <button type="button" className="button" onClick={() => void meta.reload()}>
            {t('common.retry')}
          </button>
        </CenteredMessage>
      );
    }
    return <CenteredMessage busy>{t('common.loading')}</CenteredMessage>;
  }

  const notices = (
    <>
      {!editable && <ReadonlyBanner role={doc.role} status={doc.status} />}
      {problem && provider && <ConnectionProblemBanner problem={problem} provider={provider} />}
      {!problem && editable && save === 'unsaved' && (
        <div className="banner banner--warning" data-testid="offline-banner" role="alert">
          {t('editor.offline')}
        </div>
      )}
    </>
  );

  return (
    <div className="app-shell editor-shell">
      <Header
        actions={
          <>
            <PresenceAvatars users={presence} />
            <button type="button" className="button button--primary" data-testid="share-button" onClick={() => setSharing(true)}>
              <Icon name="share" />
              {t('editor.share')}
            </button>
          </>
        }
      >
        <Link to="/" className="icon-button" aria-label={t('editor.backToList')} title={t('editor.backToList')} data-testid="back-to-list">
          <Icon name="back" />
        </Link>
        <EditorTitle
          title={doc.title}
          editable={canRename(doc.role)}
          onRename={async (next) => {
            await renameDocument(documentId, next);
            meta.setData((current) => (current ? { ...current, title: next } : current));
          }}
        />
        <StatusBadge status={doc.status} />
      </Header>

      {collaboration ? (
        <EditorWorkspace
          key={collaboration.ydoc.guid}
          collaboration={collaboration}
          user={user}
          editable={editable}
          connection={connection}
          save={editable ? save : 'readonly'}
          label={doc.title}
          notices={notices}
        />
      ) : (
        <>
          {notices}
          <div className="workspace" />
        </>
      )}

      {sharing && (
        <ShareDialog
          documentId={documentId}
          documentTitle={doc.title}
          myRole={doc.role}
          myUsername={user.username}
          onClose={() => setSharing(false)}
          onChanged={() => void meta.reload()}
        />
      )}
    </div>
  );
}
