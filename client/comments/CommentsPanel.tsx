// The comments pane beside the page, like Word's 批注 pane: the threads in the
// order of their passages, the comment being written at its place among them,
// threads on deleted text apart at the end, resolved ones folded away.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDto, ThreadDto } from '../../shared/api.js';
import { SidePanelHeader } from '../components/SidePanelHeader.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { useNow } from '../lib/useNow.js';
import { CommentForm } from './CommentForm.js';
import { insertionIndex, layoutThreads } from './threadOrder.js';
import { ThreadCard } from './ThreadCard.js';

/** The comment being written: the words it is on, and where they start in the editor. */
export interface DraftComment {
  quote: string;
  start: number;
}

interface CommentsPanelProps {
  threads: ThreadDto[] | undefined;
  loadError: unknown;
  onRetry: () => void;
  /** Where a thread's passage starts in the editor now, null when it cannot be placed. */
  startOf: (threadId: string) => number | null;
  activeId: string | null;
  onActivate: (threadId: string) => void;
  showResolved: boolean;
  onShowResolved: (show: boolean) => void;
  draft: DraftComment | null;
  onSendDraft: (body: string) => Promise<void>;
  onCancelDraft: () => void;
  /** Reply, resolve, reopen. */
  canWrite: boolean;
  /** Why this member cannot write here (a viewer; an approved document for new comments). */
  note: string | null;
  people: readonly PersonDto[];
  self: string;
  onReply: (threadId: string, body: string) => Promise<void>;
  onResolve: (threadId: string, resolved: boolean) => Promise<void>;
  onClose: () => void;
}

export function CommentsPanel(props: CommentsPanelProps) {
  const { threads, loadError, onRetry, startOf, activeId, onActivate, showResolved, onShowResolved, draft, canWrite, note, people, self, onClose } = props;
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const now = useNow(30_000);
  const titleId = useId();
  const scrollRef = useRef<HTMLDivElement>(null);
  const layout = layoutThreads(threads ?? [], startOf, showResolved);

  useEffect(() => {
    if (!activeId) return;
    scrollRef.current?.querySelector(`[data-thread-id="${CSS.escape(activeId)}"]`)?.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  }, [activeId]);

  useEffect(() => {
    if (draft) scrollRef.current?.querySelector('[data-testid="comment-composer"]')?.scrollIntoView({ block: 'nearest' });
  }, [draft]);

  const card = (thread: ThreadDto) => (
    <li key={thread.id}>
      <ThreadCard
        thread={thread}
        active={thread.id === activeId}
        canWrite={canWrite}
        unplaced={!thread.orphaned && startOf(thread.id) === null}
        people={people}
        self={self}
        now={now}
        onActivate={() => onActivate(thread.id)}
        onReply={(body) => props.onReply(thread.id, body)}
        onResolve={(resolved) => props.onResolve(thread.id, resolved)}
      />
    </li>
  );

  const placed: ReactNode[] = layout.placed.map(card);
  if (draft) {
    placed.splice(
      insertionIndex(layout.placed, startOf, draft.start),
      0,
      <li key="draft" className="thread thread--draft">
        <CommentForm kind="comment" quote={draft.quote} onSend={props.onSendDraft} onCancel={props.onCancelDraft} people={people} self={self} autoFocus />
      </li>,
    );
  }

  return (
    <aside className="side-panel comments-panel" data-testid="comments-panel" aria-labelledby={titleId}>
      <SidePanelHeader
        titleId={titleId}
        title={t('comments.pane')}
        count={layout.openCount}
        closeLabel={t('comments.close')}
        closeTestId="close-comments"
        onClose={onClose}
      />
      <label className="switch side-panel__filter">
        <input type="checkbox" role="switch" checked={showResolved} onChange={(event) => onShowResolved(event.target.checked)} data-testid="show-resolved" />
        <span className="switch__track" aria-hidden="true" />
        {t('comments.showResolved', { count: layout.resolvedCount })}
      </label>

      <div className="side-panel__scroll comments-panel__scroll" ref={scrollRef}>
        {note && <p className="comments-panel__note">{note}</p>}
        {threads === undefined && loadError === undefined && <p className="side-panel__empty muted">{t('common.loading')}</p>}
        {loadError !== undefined && (
          <div className="side-panel__error">
            <p className="form-error" role="alert">
              {t('comments.loadError')} {describeError(loadError)}
            </p>
            <button type="button" className="button button--small" onClick={onRetry}>
              {t('common.retry')}
            </button>
          </div>
        )}
        {threads !== undefined && placed.length === 0 && layout.orphaned.length === 0 && (
          <p className="side-panel__empty muted">{canWrite ? t('comments.empty') : t('comments.emptyReadOnly')}</p>
        )}
        {placed.length > 0 && <ol className="thread-list">{placed}</ol>}
        {layout.orphaned.length > 0 && (
          <section className="thread-section" data-testid="orphaned-threads">
            <h3 className="thread-section__title">{t('comments.orphaned')}</h3>
            <p className="thread-section__hint">{t('comments.orphanedHint')}</p>
            <ol className="thread-list">{layout.orphaned.map(card)}</ol>
          </section>
        )}
      </div>
    </aside>
  );
}
