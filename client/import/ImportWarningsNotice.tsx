// Above the editor of a document just imported: what the import could not
// carry over, once (the warnings the dialog kept; 知道了 or a reload ends it).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeWarning, forgetWarningsFor, keptWarningsFor, type ImportWarningDto } from './importWarnings.js';

/**
 * The warnings kept for this document, read when the page opens and then
 * forgotten: shown neither after a reload nor in another tab. Called where
 * the page mounts once (the notice itself moves when the editor connects).
 */
export function useImportWarnings(documentId: string): [warnings: ImportWarningDto[], dismiss: () => void] {
  const [warnings, setWarnings] = useState(() => keptWarningsFor(documentId));
  useEffect(() => forgetWarningsFor(documentId), [documentId]);
  return [warnings, () => setWarnings([])];
}

export function ImportWarningsNotice({ warnings, onDismiss }: { warnings: readonly ImportWarningDto[]; onDismiss: () => void }) {
  const { t } = useTranslation();
  if (warnings.length === 0) return null;
  return (
    <div className="banner banner--warning import-notice" role="status" data-testid="import-notice">
      <div>
        <span>{t('import.notice.heading')}</span>
        <ul>
          {warnings.map((warning) => (
            <li key={warning.code}>{describeWarning(warning, (key, options) => t(key, options))}</li>
          ))}
        </ul>
      </div>
      <button type="button" className="button button--small" onClick={onDismiss} data-testid="import-notice-dismiss">
        {t('import.notice.dismiss')}
      </button>
    </div>
  );
}
