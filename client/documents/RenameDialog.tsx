import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Dialog } from '../components/Dialog.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { FormActions } from '../components/FormActions.js';

interface RenameDialogProps {
  initialTitle: string;
  onRename: (title: string) => Promise<void>;
  onClose: () => void;
}

export function RenameDialog({ initialTitle, onRename, onClose }: RenameDialogProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [title, setTitle] = useState(initialTitle);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return setError(t('newDocument.titleRequired'));
    setBusy(true);
    try {
      await onRename(trimmed);
      onClose();
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('list.renameTitle')} onClose={onClose} testId="rename-dialog" className="dialog--narrow">
      <form className="form" onSubmit={submit}>
        <label className="field">
          <span className="field__label">{t('list.renameLabel')}</span>
          <input
            className="input"
            name="title"
            value={title}
            maxLength={200}
            autoFocus
            onFocus={(event) => event.currentTarget.select()}
            onChange={(event) => setTitle(event.target.value)}
          />
        </label>
        <FormActions error={error} busy={busy} onCancel={onClose} submitLabel={t('common.save')} submitTestId="rename-submit" />
      </form>
    </Dialog>
  );
}
