import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from './Dialog.js';

interface ConfirmDialogProps {
  title: ReactNode;
  children: ReactNode;
  confirmLabel: string;
  /** Resolves when done; a thrown error is shown in the dialog. */
  onConfirm: () => Promise<void>;
  onClose: () => void;
  errorMessage: (error: unknown) => string;
  /** A step forward rather than a loss (submitting for review): the confirm button is not red. */
  tone?: 'danger' | 'primary';
}

/** "Are you sure?" for actions that cannot be undone; the cautious choice has the focus. */
export function ConfirmDialog({ title, children, confirmLabel, onConfirm, onClose, errorMessage, tone = 'danger' }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function confirm() {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
      onClose();
    } catch (caught) {
      setError(errorMessage(caught));
      setBusy(false);
    }
  }

  return (
    <Dialog
      title={title}
      onClose={onClose}
      testId="confirm-dialog"
      className="dialog--narrow"
      footer={
        <>
          <button type="button" className="button" onClick={onClose} autoFocus>
            {t('common.cancel')}
          </button>
          <button type="button" className={`button button--${tone}`} onClick={confirm} disabled={busy} data-testid="confirm-ok">
            {confirmLabel}
          </button>
        </>
      }
    >
      <p>{children}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </Dialog>
  );
}
