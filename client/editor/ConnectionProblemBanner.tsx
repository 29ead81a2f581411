import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { WebsocketProvider } from 'y-websocket';
import { retriesByItself, type ConnectionProblem } from './connectionProblem.js';

const RETRY_AFTER_MS = 10_000;

/** The server ended the connection because of a limit: say which, and offer to reconnect. */
export function ConnectionProblemBanner({ problem, provider }: { problem: ConnectionProblem; provider: WebsocketProvider }) {
  const { t } = useTranslation();
  useEffect(() => {
    if (!retriesByItself(problem)) return;
    const timer = setTimeout(() => provider.connect(), RETRY_AFTER_MS);
    return () => clearTimeout(timer);
  }, [problem, provider]);
  return (
    <div className="banner banner--warning" data-testid="connection-problem" data-problem={problem} role="alert">
      {t(`editor.problem.${problem}`)}{' '}
      <button type="button" className="link-button" onClick={() => provider.connect()}>
        {t('editor.problem.reconnect')}
      </button>
    </div>
  );
}
