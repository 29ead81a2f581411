import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionDto } from '../../shared/api.js';
import { canEditBody, canRename, canRestoreVersion, canSaveVersion } from '../../shared/access.js';
import { CloseCode } from '../../shared/collab.js';
import { renameDocument } from '../http/documentsApi.js';
import { notifyUnauthorized } from '../http/request.js';
import { CenteredMessage } from '../components/CenteredMessage.js';
import { Header } from '../components/Header.js';
import { Icon } from '../components/Icon.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { Toast } from '../components/Toast.js';
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
import { formatShortcut, onMac } from '../editor/shortcuts.js';
import { useShortcut } from '../editor/useShortcut.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { Link } from '../router/Link.js';
import { useCurrentUser } from '../session/sessionContext.js';
import { HistoryPanel } from '../versions/HistoryPanel.js';
import { SaveVersionDialog } from '../versions/SaveVersionDialog.js';
import { useVersionHistory } from '../versions/useVersionHistory.js';
import { labelOf } from '../versions/versionLabel.js';
import { VersionView } from '../versions/VersionView.js';

const SAVE_VERSION_SHORTCUT = 'Mod-Alt-s';
const isMac = onMac();

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
  const [historyOpen, setHistoryOpen] = useState(false);
  /** The version shown read-only instead of the editor. */
  const [viewing, setViewing] = useState<VersionDto | null>(null);
  const [savingVersion, setSavingVersion] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const history = useVersionHistory(documentId, historyOpen);

  const doc = meta.data;
  const editable = doc ? canEditBody(doc.role, doc.status) : false;
  const unavailable = unavailabilityOf(meta.error, closeCode);
  const problem = connectionProblemOf(closeCode);
  // Read-only people have nothing of their own to lose; a document that is gone cannot be saved any more.
  useBeforeUnload(editable && !unavailable && save !== 'saved');
  const mayNameVersions = doc ? canSaveVersion(doc.role) : false;
  useShortcut(SAVE_VERSION_SHORTCUT, () => setSavingVersion(true), mayNameVersions && !unavailable);

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
            {mayNameVersions && (
              <button
                type="button"
                className="button header-button"
                data-testid="save-version-button"
                title={t('toolbar.tooltip', { label: t('versions.save'), keys: formatShortcut(SAVE_VERSION_SHORTCUT, isMac) })}
                onClick={() => setSavingVersion(true)}
              >
                <Icon name="bookmark" />
                <span className="header-button__label">{t('versions.save')}</span>
              </button>
            )}
            <button
              type="button"
              className="button header-button"
              data-testid="history-button"
              aria-pressed={historyOpen}
              title={t('versions.history')}
              onClick={() => setHistoryOpen((open) => !open)}
            >
              <Icon name="history" />
              <span className="header-button__label">{t('versions.history')}</span>
            </button>
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

      <div className="editor-body">
        {/* Hidden, not unmounted, while a version is shown: the live editor keeps its state and keeps syncing. */}
        <div className="editor-main" hidden={viewing !== null}>
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
        </div>
        {viewing && (
          <VersionView
            key={viewing.id}
            documentId={documentId}
            version={viewing}
            versions={history.versions}
            canRestore={canRestoreVersion(doc.role, doc.status)}
            onBack={() => setViewing(null)}
            onRestored={() => {
              const { name, time } = labelOf(viewing, t('versions.approvedName'));
              setViewing(null);
              setToast(t('versions.restored', { name: name ?? time }));
              void history.refresh();
            }}
          />
        )}
        {historyOpen && (
          <HistoryPanel
            documentId={documentId}
            history={history}
            selectedId={viewing?.id ?? null}
            onSelect={setViewing}
            onShowCurrent={() => setViewing(null)}
            onClose={() => setHistoryOpen(false)}
          />
        )}
      </div>

      {savingVersion && (
        <SaveVersionDialog
          documentId={documentId}
          onClose={() => setSavingVersion(false)}
          onSaved={(version) => {
            setToast(t('versions.saved', { name: version.name ?? '' }));
            if (historyOpen) void history.refresh();
          }}
        />
      )}
      {toast && <Toast message={toast} onDone={() => setToast(null)} />}

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
