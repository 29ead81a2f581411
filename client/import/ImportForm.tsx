// The 从 Word 导入 step of the new-document dialog: pick (or drop) a .docx, see
// the title found and what will not be carried over, then 创建.
import { useRef, useState, type DragEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';
import { useErrorMessage } from '../lib/useErrorMessage.js';
import { navigate } from '../router/navigation.js';
import { documentPath } from '../router/routes.js';
import { DOCX_ACCEPT, formatSize } from './docxFile.js';
import { describeWarning, keepWarningsFor, warningsToShow, type ImportWarningDto } from './importWarnings.js';
import { useDocxImport, type ImportPhase } from './useDocxImport.js';

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

export function ImportForm({ initialFile, onClose }: { initialFile?: File; onClose: () => void }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  const { phase, title, setTitle, choose, create } = useDocxImport(initialFile);
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const pick = () => input.current?.click();
  const take = (files: FileList | null) => {
    setError(null);
    if (!files || files.length === 0) return;
    if (files.length > 1) return setError(t('import.dropOne'));
    choose(files[0]);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const trimmed = title.trim();
    if (!trimmed) return setError(t('newDocument.titleRequired'));
    setError(null);
    try {
      const created = await create(trimmed);
      if (!created) return;
      keepWarningsFor(created.id, created.warnings ?? []);
      navigate(documentPath(created.id));
    } catch (caught) {
      setError(describeError(caught));
    }
  }

  const file = phase.step === 'pick' ? null : phase.file;
  const busy = phase.step === 'checking' || phase.step === 'previewing' || phase.step === 'creating';

  return (
    <form className="form" onSubmit={submit} data-testid="import-form">
      <input
        ref={input}
        type="file"
        accept={DOCX_ACCEPT}
        hidden
        data-testid="import-file"
        onChange={(event) => {
          take(event.target.files);
          // Picking the same file again (after saving it anew in Word) reads it again.
          event.target.value = '';
        }}
      />
      <div
        className="import-drop"
        data-dragging={dragging}
        data-testid="import-drop"
        onDragOver={(event) => {
          if (!hasFiles(event)) return;
          event.preventDefault();
          event.stopPropagation();
          event.dataTransfer.dropEffect = 'copy';
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(event) => {
          event.preventDefault();
          event.stopPropagation();
          setDragging(false);
          if (busy && phase.step === 'creating') return;
          take(event.dataTransfer.files);
        }}
      >
        {file ? (
          <div className="import-file">
            <Icon name="document" size={28} />
            <div className="import-file__about">
              <span className="import-file__name" data-testid="import-file-name">
                {file.name}
              </span>
              <span className="muted">{formatSize(file.size)}</span>
            </div>
            <button type="button" className="button button--small" onClick={pick} disabled={phase.step === 'creating'}>
              {t('import.pickAnother')}
            </button>
          </div>
        ) : (
          <>
            <button type="button" className="button button--primary" onClick={pick} data-testid="import-pick" autoFocus>
              <Icon name="document" />
              {t('import.pick')}
            </button>
            <p className="muted import-drop__hint">{t('import.pickHint')}</p>
          </>
        )}
      </div>

      <PhaseStatus phase={phase} onRetry={() => file && choose(file)} />

      {(phase.step === 'ready' || phase.step === 'creating') && (
        <>
          <label className="field">
            <span className="field__label">{t('newDocument.titleLabel')}</span>
            <input
              className="input"
              name="title"
              value={title}
              maxLength={200}
              autoFocus
              data-testid="import-title"
              readOnly={phase.step === 'creating'}
              onChange={(event) => setTitle(event.target.value)}
            />
            <span className="field__hint" data-testid="import-found-title">
              {phase.preview.title ? t('import.foundTitle', { title: phase.preview.title }) : t('import.noTitle')}
            </span>
          </label>
          <Warnings warnings={phase.preview.warnings} />
        </>
      )}

      {error && (
        <p className="form-error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      <div className="form__actions">
        <button type="button" className="button" onClick={onClose}>
          {t('common.cancel')}
        </button>
        {(phase.step === 'ready' || phase.step === 'creating') && (
          <button type="submit" className="button button--primary" disabled={phase.step === 'creating'} data-testid="import-create">
            {phase.step === 'creating' ? t('import.creating') : t('import.create')}
          </button>
        )}
      </div>
    </form>
  );
}

function PhaseStatus({ phase, onRetry }: { phase: ImportPhase; onRetry: () => void }) {
  const { t } = useTranslation();
  const describeError = useErrorMessage();
  switch (phase.step) {
    case 'checking':
      return <Progress label={t('import.checking')} />;
    case 'previewing':
    case 'creating':
      return phase.progress < 1 ? (
        <Progress label={t('import.uploading', { percent: Math.round(phase.progress * 100) })} value={phase.progress} />
      ) : (
        <Progress label={phase.step === 'creating' ? t('import.creating') : t('import.reading')} />
      );
    case 'failed':
      return (
        <div className="import-problem" role="alert" data-testid="import-problem" data-problem={phase.problem ?? 'request'}>
          <p>{phase.problem ? t(`import.problems.${phase.problem}`, { size: formatSize(phase.file.size) }) : describeError(phase.error)}</p>
          {!phase.problem && (
            <button type="button" className="button button--small" onClick={onRetry}>
              {t('common.retry')}
            </button>
          )}
        </div>
      );
    default:
      return null;
  }
}

function Progress({ label, value }: { label: string; value?: number }) {
  return (
    <div className="import-progress" role="status" data-testid="import-progress">
      <progress max={1} value={value} aria-label={label} />
      <span className="muted">{label}</span>
    </div>
  );
}

function Warnings({ warnings }: { warnings: readonly ImportWarningDto[] }) {
  const { t } = useTranslation();
  const shown = warningsToShow(warnings);
  if (shown.length === 0) return <p className="import-all">{t('import.allImported')}</p>;
  return (
    <div className="import-warnings" data-testid="import-warnings">
      <p className="import-warnings__heading">{t('import.warningsHeading')}</p>
      <ul>
        {shown.map((warning) => (
          <li key={warning.code}>{describeWarning(warning, (key, options) => t(key, options))}</li>
        ))}
      </ul>
      <p className="muted">{t('import.warningsNote')}</p>
    </div>
  );
}
