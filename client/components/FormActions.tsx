// The end of a dialog's form: what went wrong (if anything), then 取消 and
// the form's own submit button.
import { useTranslation } from 'react-i18next';

export function FormActions({
  error,
  busy,
  onCancel,
  submitLabel,
  submitTestId,
}: {
  error: string | null;
  busy: boolean;
  onCancel: () => void;
  submitLabel: string;
  submitTestId: string;
}) {
  const { t } = useTranslation();
  return (
    <>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onCancel}>
          {t('common.cancel')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy} data-testid={submitTestId}>
          {submitLabel}
        </button>
      </div>
    </>
  );
}
