// 定稿: first what is unfinished (open comment threads, sections of 分工 not
// 已完成, placeholders still in the text), each a way back to it; then approving anyway, or, when nothing is
// unfinished, a plain confirmation. Pending suggestions (修订) are not a
// warning but a stop: the server refuses to approve while any are pending
// (409 pending_suggestions), so the dialog says so and leads to the 修订 pane.
import { useCallback, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalDto, ApprovalWarningsDto } from '../../shared/api.js';
import { Dialog } from '../components/Dialog.js';
import { approveDocument, getApprovalWarnings } from '../http/approvalApi.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { useResource } from '../lib/useResource.js';

interface ApprovalDialogProps {
  documentId: string;
  /** Some of the owner's own changes have not reached the server yet: they would not be in the approved version. */
  unsavedChanges: boolean;
  onApproved: (approval: ApprovalDto) => void;
  /** Go to a placeholder in the text (the dialog closes). */
  onPlaceholder: (text: string) => void;
  /** Open a thread in the comments pane (the dialog closes). */
  onThread: (threadId: string) => void;
  /** Go to a section of 分工 not yet 已完成 (the dialog closes). */
  onSection: (sectionId: string) => void;
  /** Suggestions (修订) pending in the document on screen: approving waits until each is accepted or rejected. */
  pendingSuggestions: number;
  /** Open the 修订 pane (the dialog closes). */
  onSuggestions: () => void;
  onClose: () => void;
}

const isEmpty = (warnings: ApprovalWarningsDto) => warnings.placeholders.length === 0 && warnings.openThreads.length === 0 && warnings.sections.length === 0;

export function ApprovalDialog(props: ApprovalDialogProps) {
  const { documentId, unsavedChanges, onApproved, onPlaceholder, onThread, onSection, pendingSuggestions, onSuggestions, onClose } = props;
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const loadWarnings = useCallback(() => getApprovalWarnings(documentId), [documentId]);
  const warnings = useResource(loadWarnings, documentId);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function approve() {
    setBusy(true);
    setError(null);
    try {
      onApproved(await approveDocument(documentId));
      onClose();
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  }

  const data = warnings.data;
  const clean = data !== undefined && isEmpty(data) && pendingSuggestions === 0;

  return (
    <Dialog
      title={clean ? t('approval.confirmTitle') : t('approval.warningsTitle')}
      onClose={onClose}
      testId="approval-dialog"
      className="approval-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} autoFocus data-testid="approval-back">
            {clean ? t('common.cancel') : t('approval.back')}
          </button>
          <button
            type="button"
            className="button button--primary"
            onClick={approve}
            disabled={busy || !data || pendingSuggestions > 0}
            data-testid="approve-anyway"
          >
            {busy ? t('approval.approving') : clean ? t('approval.approve') : t('approval.approveAnyway')}
          </button>
        </>
      }
    >
      {!data && warnings.error === undefined && (
        <p className="muted" aria-busy="true">
          {t('approval.checking')}
        </p>
      )}
      {!data && warnings.error !== undefined && (
        <div className="form-error approval-dialog__error" role="alert">
          {t('approval.loadError')} {describeError(warnings.error)}
          <button type="button" className="button button--small" onClick={() => void warnings.reload()}>
            {t('common.retry')}
          </button>
        </div>
      )}
      {pendingSuggestions > 0 && (
        <div className="approval-dialog__blocker" role="alert" data-testid="approval-suggestions">
          <p>{t('approval.suggestionsPending', { count: pendingSuggestions })}</p>
          <button type="button" className="button button--small" onClick={onSuggestions} data-testid="approval-open-suggestions">
            {t('approval.openSuggestions')}
          </button>
        </div>
      )}
      {clean && <p>{t('approval.confirmBody')}</p>}
      {data && !isEmpty(data) && (
        <>
          <p>{t('approval.warningsIntro')}</p>
          {/* Comments first: they are few, and they are people's objections. */}
          {data.openThreads.length > 0 && (
            <WarningGroup heading={t('approval.threads', { count: data.openThreads.length })}>
              {data.openThreads.map((thread) => (
                <li key={thread.id}>
                  <button type="button" className="approval-item" data-testid="approval-thread" data-thread-id={thread.id} onClick={() => onThread(thread.id)}>
                    <span className={thread.orphaned ? 'approval-item__quote approval-item__quote--orphaned' : 'approval-item__quote'}>{thread.quote}</span>
                    {thread.orphaned && <span className="approval-item__note">{t('approval.threadOrphaned')}</span>}
                    <span className="approval-item__body">
                      <strong>{t('approval.threadBy', { name: thread.author.displayName })}</strong>
                      {thread.body}
                    </span>
                  </button>
                </li>
              ))}
            </WarningGroup>
          )}
          {data.sections.length > 0 && (
            <WarningGroup heading={t('approval.sections', { count: data.sections.length })}>
              {data.sections.map((section) => (
                <li key={section.id}>
                  <button
                    type="button"
                    className="approval-item approval-item--section"
                    data-testid="approval-section"
                    data-section-id={section.id}
                    onClick={() => onSection(section.id)}
                  >
                    <span className="approval-item__section-title">{sectionLabel(section) || t('approval.sectionUntitled')}</span>
                    <span className="approval-item__section-meta">
                      <span className={`approval-item__status approval-item__status--${section.status}`}>{t(`approval.sectionStatus.${section.status}`)}</span>
                      <span className="approval-item__assignees">
                        {section.people.length > 0
                          ? section.people.map((person) => person.displayName).join(t('versions.separator'))
                          : t('approval.sectionUnassigned')}
                      </span>
                    </span>
                  </button>
                </li>
              ))}
            </WarningGroup>
          )}
          {data.placeholders.length > 0 && (
            <WarningGroup
              heading={t('approval.placeholders', { count: data.placeholders.length })}
              listClassName="approval-dialog__list approval-dialog__list--chips"
            >
              {data.placeholders.map((text) => (
                <li key={text}>
                  <button
                    type="button"
                    className="approval-item approval-item--placeholder"
                    data-testid="approval-placeholder"
                    title={t('approval.placeholderHint')}
                    onClick={() => onPlaceholder(text)}
                  >
                    <span className="guidance">{text}</span>
                  </button>
                </li>
              ))}
            </WarningGroup>
          )}
        </>
      )}
      {unsavedChanges && (
        <p className="approval-dialog__unsaved" role="alert">
          {t('approval.unsaved')}
        </p>
      )}
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}

/** 二、参政议政更主动: the number as shown, then the title. */
function sectionLabel(section: Pick<ApprovalWarningsDto['sections'][number], 'number' | 'title'>): string {
  return `${section.number}${section.title}`.trim();
}

/** One kind of unfinished work: its heading and its items. */
function WarningGroup({ heading, listClassName = 'approval-dialog__list', children }: { heading: string; listClassName?: string; children: ReactNode }) {
  return (
    <section className="approval-dialog__section">
      <h3 className="approval-dialog__heading">{heading}</h3>
      <ul className={listClassName}>{children}</ul>
    </section>
  );
}
