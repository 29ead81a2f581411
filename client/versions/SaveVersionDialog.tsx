import { useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VersionDto } from '../../shared/api.js';
import { Dialog } from '../components/Dialog.js';
import { saveVersion } from '../http/versionsApi.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { FormActions } from '../components/FormActions.js';

/** The committee's rounds of a draft, offered as names with one click. */
const ROUNDS = ['first', 'consultation', 'review', 'final'] as const;

/** The server's limit is 100 characters; the input counts UTF-16 units, which is never more lenient. */
const MAX_NAME_LENGTH = 100;

interface SaveVersionDialogProps {
  documentId: string;
  onSaved: (version: VersionDto) => void;
  onClose: () => void;
}

export function SaveVersionDialog({ documentId, onSaved, onClose }: SaveVersionDialogProps) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const roundsId = useId();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setError(t('versions.nameRequired'));
    setBusy(true);
    setError(null);
    try {
      const saved = await saveVersion(documentId, trimmed);
      onSaved(saved);
      onClose();
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  }

  return (
    <Dialog title={t('versions.saveTitle')} onClose={onClose} testId="save-version-dialog" className="dialog--narrow">
      <form className="form" onSubmit={submit}>
        <p className="muted save-version__hint">{t('versions.saveHint')}</p>
        <label className="field">
          <span className="field__label">{t('versions.nameLabel')}</span>
          <input
            ref={inputRef}
            className="input"
            name="version-name"
            value={name}
            maxLength={MAX_NAME_LENGTH}
            placeholder={t('versions.namePlaceholder')}
            autoComplete="off"
            autoFocus
            onChange={(event) => setName(event.target.value)}
          />
        </label>
        <div className="field">
          <span className="field__label" id={roundsId}>
            {t('versions.suggestions')}
          </span>
          <div className="save-version__rounds" role="group" aria-labelledby={roundsId}>
            {ROUNDS.map((round) => {
              const label = t(`versions.rounds.${round}`);
              return (
                <button
                  key={round}
                  type="button"
                  className="chip"
                  aria-pressed={name.trim() === label}
                  data-testid={`version-round-${round}`}
                  onClick={() => {
                    setName(label);
                    setError(null);
                    inputRef.current?.focus();
                  }}
                >
                  {label}
                </button>
              );
            })}
          </div>
        </div>
        <FormActions
          error={error}
          busy={busy}
          onCancel={onClose}
          submitLabel={busy ? t('versions.saving') : t('common.save')}
          submitTestId="save-version-submit"
        />
      </form>
    </Dialog>
  );
}
