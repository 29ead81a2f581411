import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../lib/useErrorMessage.js';

interface EditorTitleProps {
  title: string;
  editable: boolean;
  onRename: (title: string) => Promise<void>;
}

/** The document's name in the top bar; owners and editors rename it in place (saved on Enter or leaving the field). */
export function EditorTitle({ title, editable, onRename }: EditorTitleProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [draft, setDraft] = useState(title);
  const [error, setError] = useState<string | null>(null);
  const editing = useRef(false);

  // A rename by someone else shows up, unless the user is typing a new name.
  useEffect(() => {
    if (!editing.current) setDraft(title);
  }, [title]);

  async function commit() {
    editing.current = false;
    const next = draft.trim();
    if (!next || next === title) {
      setDraft(title);
      return;
    }
    try {
      setError(null);
      await onRename(next);
    } catch (caught) {
      setDraft(title);
      setError(describeError(caught));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter') {
      event.preventDefault();
      event.currentTarget.blur();
    } else if (event.key === 'Escape') {
      editing.current = false;
      setDraft(title);
      // Blur after the reset has rendered, so commit() sees nothing to save.
      const input = event.currentTarget;
      requestAnimationFrame(() => input.blur());
    }
  }

  if (!editable) {
    return (
      <h1 className="editor-title editor-title--static" data-testid="document-title" title={title}>
        {title}
      </h1>
    );
  }
  return (
    <span className="editor-title__wrap">
      <input
        className="editor-title"
        name="document-title"
        data-testid="document-title"
        aria-label={t('editor.titleLabel')}
        title={error ?? title}
        aria-invalid={error ? true : undefined}
        value={draft}
        maxLength={200}
        onFocus={() => {
          editing.current = true;
        }}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={onKeyDown}
      />
      {error && (
        <span className="editor-title__error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
