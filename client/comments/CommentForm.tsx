// Writing a comment or a reply: the box, send and cancel, and what went wrong.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonDto } from '../../shared/api.js';
import { formatShortcut, onMac } from '../editor/shortcuts.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { MAX_COMMENT_CHARS, MentionTextarea } from './MentionTextarea.js';

const isMac = onMac();

interface CommentFormProps {
  kind: 'comment' | 'reply';
  /** A new comment's words, shown above the box. */
  quote?: string;
  /** Resolves once sent; a thrown error is shown and the text kept. */
  onSend: (body: string) => Promise<void>;
  onCancel?: () => void;
  people: readonly PersonDto[];
  self: string;
  autoFocus?: boolean;
}

export function CommentForm({ kind, quote, onSend, onCancel, people, self, autoFocus }: CommentFormProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const comment = kind === 'comment';
  const empty = body.trim() === '';

  async function send(event?: FormEvent) {
    event?.preventDefault();
    if (empty || busy) return;
    if ([...body.trim()].length > MAX_COMMENT_CHARS) return setError(t('comments.tooLong', { max: MAX_COMMENT_CHARS }));
    setBusy(true);
    setError(null);
    try {
      await onSend(body.trim());
      setBody('');
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className={`comment-form comment-form--${kind}`} data-testid={comment ? 'comment-composer' : 'reply-box'} onSubmit={send}>
      {quote !== undefined && (
        <p className="thread__quote thread__quote--static" aria-label={`${t('comments.quoteLabel')}：${quote}`}>
          {quote}
        </p>
      )}
      <MentionTextarea
        name={comment ? 'comment-body' : 'reply-body'}
        label={comment ? t('comments.bodyLabel') : t('comments.replyLabel')}
        placeholder={comment ? t('comments.placeholder') : t('comments.replyPlaceholder')}
        value={body}
        onChange={(next) => {
          setBody(next);
          setError(null);
        }}
        onSubmit={() => void send()}
        onCancel={onCancel}
        people={people}
        self={self}
        autoFocus={autoFocus}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {(comment || !empty) && (
        <div className="comment-form__actions">
          <span className="comment-form__hint">{t('comments.sendHint', { keys: formatShortcut('Mod-Enter', isMac) })}</span>
          {onCancel && (
            <button type="button" className="button button--small" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
          <button
            type="submit"
            className="button button--small button--primary"
            disabled={empty || busy}
            data-testid={comment ? 'comment-submit' : 'reply-submit'}
          >
            {busy ? t('comments.sending') : comment ? t('comments.send') : t('comments.reply')}
          </button>
        </div>
      )}
    </form>
  );
}
