import type { Editor } from '@tiptap/react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionState } from './connectionState.js';
import type { SaveIndicator } from './saveState.js';
import { readThrottled } from './throttledReads.js';
import { settledWordCountOf } from './wordCountOf.js';

/** At most how often the 字数 is counted again while the document keeps changing (ms; readThrottled). */
const WORDS_EVERY_MS = 250;

/** The editor's 字数 (without an open composition), counted again as the document changes. */
function useWordCount(editor: Editor | null): number | null {
  const [words, setWords] = useState<number | null>(null);
  useEffect(() => {
    if (!editor) return setWords(null);
    const count = () => setWords(editor.isDestroyed ? null : settledWordCountOf(editor.view));
    count();
    return readThrottled(editor, (transaction) => transaction.docChanged, count, WORDS_EVERY_MS);
  }, [editor]);
  return words;
}

interface StatusBarProps {
  editor: Editor | null;
  connection: ConnectionState;
  save: SaveIndicator;
  /** 修订 is on: what this member types becomes a suggestion (shown as Word shows 修订 in its status bar). */
  suggesting?: boolean;
}

/** The strip at the bottom of the window, as in Word: connection, saving, 修订 mode, 字数. */
export function StatusBar({ editor, connection, save, suggesting = false }: StatusBarProps) {
  const { t } = useTranslation();
  const words = useWordCount(editor);
  return (
    <footer className="status-bar">
      <span className="status-bar__item status-bar__connection" data-testid="connection-status" data-state={connection} role="status">
        <span className="status-dot" aria-hidden="true" />
        {t(`editor.connection.${connection}`)}
      </span>
      <span className="status-bar__item" data-testid="save-status" data-state={save} role="status">
        {t(`editor.save.${save}`)}
      </span>
      {suggesting && (
        <span className="status-bar__item status-bar__mode" data-testid="suggest-status" role="status">
          {t('suggestions.suggestingStatus')}
        </span>
      )}
      <span className="status-bar__spacer" />
      {words !== null && (
        <span className="status-bar__item" data-testid="word-count">
          {t('editor.wordCount', { n: words })}
        </span>
      )}
    </footer>
  );
}
