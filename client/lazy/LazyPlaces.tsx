// A lazy part (lazyPart.tsx) in each kind of place it can appear, loading and
// failing in the shape of what it will be: a page, a dialog, a side panel.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CenteredMessage } from '../components/CenteredMessage.js';
import { Dialog } from '../components/Dialog.js';
import { LazyBoundary } from './LazyBoundary.js';

function RetryButton({ onRetry }: { onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="button button--small" onClick={onRetry} data-testid="lazy-retry">
      {t('common.retry')}
    </button>
  );
}

/** A whole page (the route's page). */
export function LazyPage({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <LazyBoundary
      loading={<CenteredMessage busy>{t('app.loading')}</CenteredMessage>}
      failed={(retry) => (
        <CenteredMessage>
          <p role="alert">{t('lazy.failed')}</p>
          <RetryButton onRetry={retry} />
        </CenteredMessage>
      )}
    >
      {children}
    </LazyBoundary>
  );
}

/** A dialog: a small one says 加载中… (or why not) and closes like the real one would. */
export function LazyDialog({ onClose, children }: { onClose: () => void; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <LazyBoundary
      loading={
        <Dialog title={t('common.loading')} onClose={onClose} testId="lazy-loading">
          <span className="spinner" aria-hidden="true" />
        </Dialog>
      }
      failed={(retry) => (
        <Dialog title={t('lazy.failedTitle')} onClose={onClose} testId="lazy-failed" footer={<RetryButton onRetry={retry} />}>
          <p className="form-error" role="alert">
            {t('lazy.failed')}
          </p>
        </Dialog>
      )}
    >
      {children}
    </LazyBoundary>
  );
}

/**
 * A panel beside the editor (or, with className="version-view", the version
 * shown in the editor's place): an empty one with the message. Its header
 * button still closes it.
 */
export function LazyPanel({ className = 'side-panel', children }: { className?: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <LazyBoundary
      loading={
        <aside className={className} aria-busy="true" data-testid="lazy-loading">
          <p className="side-panel__empty muted">{t('common.loading')}</p>
        </aside>
      }
      failed={(retry) => (
        <aside className={className} data-testid="lazy-failed">
          <div className="lazy-part__error">
            <p className="form-error" role="alert">
              {t('lazy.failed')}
            </p>
            <RetryButton onRetry={retry} />
          </div>
        </aside>
      )}
    >
      {children}
    </LazyBoundary>
  );
}
