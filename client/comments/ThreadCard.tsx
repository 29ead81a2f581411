// One thread in the comments pane: the passage it is about, the comment and
// its replies, a reply box while it is the active one, resolve and reopen.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentDto, PersonDto, ThreadDto } from '../../shared/api.js';
import { Avatar } from '../components/Avatar.js';
import { Icon } from '../components/Icon.js';
import { RelativeTime } from '../components/RelativeTime.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { CommentForm } from './CommentForm.js';
import { CommentText } from './CommentText.js';

interface ThreadCardProps {
  thread: ThreadDto;
  active: boolean;
  /** Reply, resolve and reopen (owners, editors, commenters). */
  canWrite: boolean;
  /** Its passage cannot be shown in the editor just now (not synced yet, or being moved). */
  unplaced: boolean;
  people: readonly PersonDto[];
  self: string;
  now: Date;
  onActivate: () => void;
  onReply: (body: string) => Promise<void>;
  onResolve: (resolved: boolean) => Promise<void>;
}

function Comment({
  comment,
  people,
  now,
  testId,
  children,
}: {
  comment: CommentDto;
  people: readonly PersonDto[];
  now: Date;
  testId: string;
  children?: ReactNode;
}) {
  return (
    <div className="comment">
      <div className="comment__head">
        <Avatar name={comment.author.displayName} color={comment.author.color} size={24} />
        <span className="comment__author">{comment.author.displayName}</span>
        <span className="comment__time">
          <RelativeTime iso={comment.createdAt} now={now} />
        </span>
        {children}
      </div>
      <CommentText body={comment.body} people={people} testId={testId} />
    </div>
  );
}

export function ThreadCard({ thread, active, canWrite, unplaced, people, self, now, onActivate, onReply, onResolve }: ThreadCardProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function setResolved(resolved: boolean) {
    setBusy(true);
    setError(null);
    try {
      await onResolve(resolved);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  const classes = ['thread'];
  if (active) classes.push('thread--active');
  if (thread.resolved) classes.push('thread--resolved');
  if (thread.orphaned) classes.push('thread--orphaned');

  return (
    <article
      className={classes.join(' ')}
      data-testid="thread"
      data-thread-id={thread.id}
      data-resolved={thread.resolved}
      data-orphaned={thread.orphaned}
      aria-current={active || undefined}
      aria-label={t('comments.threadLabel', { name: thread.author.displayName })}
      tabIndex={-1}
      onClick={(event) => {
        // Writing a reply or pressing a button is not a request to go to the passage.
        if (event.target instanceof Element && event.target.closest('button, textarea, form, a')) return;
        onActivate();
      }}
    >
      <button
        type="button"
        className="thread__quote"
        data-testid="thread-quote"
        aria-label={`${t('comments.quoteLabel')}：${thread.quote}`}
        title={unplaced ? t('comments.unplaced') : undefined}
        onClick={onActivate}
      >
        {thread.orphaned ? <del>{thread.quote}</del> : thread.quote}
      </button>

      <Comment comment={thread} people={people} now={now} testId="thread-body">
        {canWrite && !thread.resolved && (
          <button
            type="button"
            className="icon-button thread__resolve"
            data-testid="resolve-thread"
            aria-label={t('comments.resolve')}
            title={t('comments.resolveHint')}
            disabled={busy}
            onClick={(event) => {
              event.stopPropagation();
              void setResolved(true);
            }}
          >
            <Icon name="check" />
          </button>
        )}
      </Comment>

      {thread.replies.map((reply) => (
        <Comment key={reply.id} comment={reply} people={people} now={now} testId="reply-body" />
      ))}

      {thread.resolved && (
        <div className="thread__resolved">
          <span>
            <Icon name="check" size={14} />
            {t('comments.resolvedBy', { name: thread.resolvedBy?.displayName ?? '' })}
            {thread.resolvedAt && (
              <>
                {' · '}
                <RelativeTime iso={thread.resolvedAt} now={now} />
              </>
            )}
          </span>
          {canWrite && (
            <button
              type="button"
              className="button button--small"
              data-testid="reopen-thread"
              disabled={busy}
              onClick={(event) => {
                event.stopPropagation();
                void setResolved(false);
              }}
            >
              {t('comments.reopen')}
            </button>
          )}
        </div>
      )}

      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}

      {active && canWrite && !thread.resolved && <CommentForm kind="reply" onSend={onReply} people={people} self={self} />}
    </article>
  );
}
