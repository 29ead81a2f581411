// The comment threads whose words are in a version: listed above the page, each
// a click away from its words, which are marked in the page.
import { useTranslation } from 'react-i18next';
import type { QuotedComment } from './useQuoteHighlights.js';

interface VersionCommentsProps {
  comments: readonly QuotedComment[];
  activeId: string | null;
  /** Threads whose words are not in what is shown (e.g. only in the other side of a comparison). */
  missing: ReadonlySet<string>;
  onSelect: (threadId: string) => void;
}

export function VersionComments({ comments, activeId, missing, onSelect }: VersionCommentsProps) {
  const { t } = useTranslation();
  return (
    <section className="version-comments" data-testid="version-comments" aria-label={t('versions.commentsTitle')}>
      <h3 className="version-comments__title">{t('versions.commentsTitle')}</h3>
      {comments.length === 0 ? (
        <p className="version-comments__empty muted">{t('versions.commentsEmpty')}</p>
      ) : (
        <ul className="version-comments__list">
          {comments.map((comment) => (
            <li key={comment.threadId}>
              <button
                type="button"
                className="version-comment"
                aria-pressed={comment.threadId === activeId}
                disabled={missing.has(comment.threadId)}
                title={missing.has(comment.threadId) ? t('versions.commentNotShown') : comment.quote}
                data-testid="version-comment"
                data-thread-id={comment.threadId}
                data-resolved={comment.resolved}
                onClick={() => onSelect(comment.threadId)}
              >
                <span className="version-comment__quote">{comment.quote}</span>
                {comment.resolved && <span className="version-comment__badge">{t('versions.commentResolved')}</span>}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
