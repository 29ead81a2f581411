import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TemplateId } from '../../shared/templates.js';
import { createDocument, listTemplates } from '../http/documentsApi.js';
import { Dialog } from '../components/Dialog.js';
import { ImportForm } from '../import/ImportForm.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { useResource } from '../lib/useResource.js';
import { navigate } from '../router/navigation.js';
import { documentPath } from '../router/routes.js';
import { FormActions } from '../components/FormActions.js';

const DEFAULT_TEMPLATE: TemplateId = 'year-end-summary';

type Mode = 'template' | 'import';

/**
 * A new document from a template (a title and a template) or from a Word file
 * (ImportForm); opens it in the editor once created. Given a file (dropped on
 * the list), it opens at the import step with it.
 */
export function NewDocumentDialog({ onClose, initialFile }: { onClose: () => void; initialFile?: File }) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<Mode>(initialFile ? 'import' : 'template');
  const modes: { id: Mode; name: string; hint: string }[] = [
    { id: 'template', name: t('import.fromTemplate'), hint: t('import.fromTemplateHint') },
    { id: 'import', name: t('import.fromWord'), hint: t('import.fromWordHint') },
  ];
  return (
    <Dialog title={t('newDocument.title')} onClose={onClose} testId="new-document-dialog">
      <div className="choice-cards new-document-modes" role="radiogroup" aria-label={t('import.modeLabel')}>
        {modes.map((choice) => (
          <label key={choice.id} className="choice-card" data-testid={`new-from-${choice.id}`} data-selected={choice.id === mode}>
            <input
              type="radio"
              name="new-document-mode"
              value={choice.id}
              checked={choice.id === mode}
              onChange={() => setMode(choice.id)}
              className="choice-card__radio"
            />
            <span className="choice-card__name">{choice.name}</span>
            <span className="choice-card__description">{choice.hint}</span>
          </label>
        ))}
      </div>
      {mode === 'template' ? <TemplateForm onClose={onClose} /> : <ImportForm initialFile={initialFile} onClose={onClose} />}
    </Dialog>
  );
}

/** Title and template for a new document. */
function TemplateForm({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const templates = useResource(listTemplates, 'templates');
  const [title, setTitle] = useState(() => t('newDocument.defaultTitle', { year: new Date().getFullYear() }));
  const [template, setTemplate] = useState<TemplateId>(DEFAULT_TEMPLATE);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return setError(t('newDocument.titleRequired'));
    setBusy(true);
    setError(null);
    try {
      const created = await createDocument(trimmed, template);
      navigate(documentPath(created.id));
    } catch (caught) {
      setError(describeError(caught));
      setBusy(false);
    }
  }

  return (
    <form className="form" onSubmit={submit}>
      <label className="field">
        <span className="field__label">{t('newDocument.titleLabel')}</span>
        <input className="input" name="title" value={title} maxLength={200} autoFocus onChange={(event) => setTitle(event.target.value)} />
      </label>
      <fieldset className="field template-picker">
        <legend className="field__label">{t('newDocument.templateLabel')}</legend>
        {templates.error !== undefined && <p className="form-error">{t('newDocument.templatesError')}</p>}
        {templates.loading && <p className="muted">{t('common.loading')}</p>}
        <div className="choice-cards" role="radiogroup" aria-label={t('newDocument.templateLabel')}>
          {templates.data?.map((info) => (
            <label key={info.id} className="choice-card" data-testid={`template-${info.id}`} data-selected={info.id === template}>
              <input
                type="radio"
                name="template"
                value={info.id}
                checked={info.id === template}
                onChange={() => setTemplate(info.id)}
                className="choice-card__radio"
              />
              <span className="choice-card__name">{info.name}</span>
              <span className="choice-card__description">{info.description}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <FormActions
        error={error}
        busy={busy}
        onCancel={onClose}
        submitLabel={busy ? t('newDocument.creating') : t('newDocument.create')}
        submitTestId="create-document"
      />
    </form>
  );
}
