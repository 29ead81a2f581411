// The owner's 要求所有人以修订方式修改 (PUT /api/documents/:id/review): while on,
// editors' changes to the body become suggestions too. Waits for the server,
// and says so when it refuses.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../lib/useErrorMessage.js';

export function SuggestOnlySwitch({ on, set }: { on: boolean; set: (on: boolean) => Promise<void> }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function change(next: boolean) {
    setBusy(true);
    setError(null);
    try {
      await set(next);
    } catch (caught) {
      setError(describeError(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <label className="switch" title={t('suggestions.suggestOnlyHint')}>
        <input
          type="checkbox"
          role="switch"
          checked={on}
          disabled={busy}
          onChange={(event) => void change(event.target.checked)}
          data-testid="suggest-only-switch"
        />
        <span className="switch__track" aria-hidden="true" />
        {t('suggestions.suggestOnly')}
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
