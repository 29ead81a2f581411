// 导出: the format, which content (the approved version, the current draft or a
// version from the history), comments, whether unfilled 〔…〕 guidance is marked
// or left out, and for Word a signature and its date.
// The file comes from a plain link, so the browser's own download shows the
// server's file name (the document's title).
import { useCallback, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentStatus } from '../../shared/api.js';
import { Dialog } from '../components/Dialog.js';
import { exportUrl } from '../http/exportApi.js';
import { latestApprovedVersion } from '../http/versionsApi.js';
import { useResource } from '../lib/useResource.js';
import { useVersionHistory } from '../versions/useVersionHistory.js';
import { formatVersionTime, labelOf, labelWords } from '../versions/versionLabel.js';
import {
  contentOfExport,
  defaultExportSource,
  EXPORT_FORMATS,
  isDraftExport,
  isoDay,
  isValidDay,
  type ExportFormat,
  type ExportSource,
} from './exportChoice.js';
import { useExportedContent } from './useExportedContent.js';

interface ExportDialogProps {
  documentId: string;
  title: string;
  status: DocumentStatus;
  /** The version being looked at in the editor, offered first. */
  viewingVersionId?: string | null;
  onClose: () => void;
}

export function ExportDialog({ documentId, title, status, viewingVersionId = null, onClose }: ExportDialogProps) {
  const { t } = useTranslation();
  const loadApproved = useCallback(() => latestApprovedVersion(documentId), [documentId]);
  const approved = useResource(loadApproved, documentId);
  const history = useVersionHistory(documentId, true);
  const [format, setFormat] = useState<ExportFormat>('docx');
  const [chosen, setChosen] = useState<ExportSource | null>(null);
  const [withComments, setWithComments] = useState(false);
  const [omitGuidance, setOmitGuidance] = useState(false);
  const [issuer, setIssuer] = useState('');
  const [date, setDate] = useState(() => isoDay(new Date()));
  const markId = useId();

  // Whether there is an approved version: null until looked up; should that fail, the status tells for an approved document.
  const hasApproved = approved.data !== undefined ? approved.data !== null : approved.error !== undefined ? status === 'approved' : null;
  const source = chosen ?? (hasApproved === null ? null : defaultExportSource(hasApproved, viewingVersionId));
  const draft = source !== null && isDraftExport(source, history.versions);
  const exported = useExportedContent(documentId, source === null ? null : contentOfExport(source, approved.data?.id));
  const guidanceCount = exported?.guidanceCount;
  const hasGuidance = guidanceCount !== undefined && guidanceCount > 0;
  // the document's own signature block is printed instead of one typed here: never two
  const ownSignature = exported?.signature ?? null;
  const signing = format === 'docx' && ownSignature === null && issuer.trim() !== '';
  const dateInvalid = signing && !isValidDay(date);
  const url =
    source !== null && !dateInvalid ? exportUrl(documentId, { format, source, withComments, issuer, date, omitGuidance: omitGuidance && hasGuidance }) : null;

  const approvedVersion = approved.data;
  const approvedWho = approvedVersion?.creator?.displayName ?? approvedVersion?.createdBy;
  const approvedLabel =
    approvedVersion && approvedWho
      ? t('exporting.approvedVersion', { name: approvedWho, time: formatVersionTime(new Date(approvedVersion.createdAt)) })
      : hasApproved
        ? t('versions.approvedName')
        : t('exporting.approvedVersionNone');

  return (
    <Dialog
      title={t('exporting.title', { title })}
      onClose={onClose}
      testId="export-dialog"
      className="export-dialog"
      footer={
        <>
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          {url ? (
            <a
              className="button button--primary"
              href={url}
              download
              data-testid="export-download"
              // Closed after the click has started the download, not during it.
              onClick={() => setTimeout(onClose)}
            >
              {t('exporting.download')}
            </a>
          ) : (
            <button type="button" className="button button--primary" disabled data-testid="export-download">
              {t('exporting.download')}
            </button>
          )}
        </>
      }
    >
      {/* The count as a data attribute too, so that a test knows when it is in (and 0). */}
      <div className="form" data-guidance-count={guidanceCount}>
        <fieldset className="field">
          <legend className="field__label">{t('exporting.format')}</legend>
          <div className="choice-cards export-dialog__formats" role="radiogroup" aria-label={t('exporting.format')}>
            {EXPORT_FORMATS.map((option) => (
              <label key={option} className="choice-card" data-selected={option === format}>
                <input
                  type="radio"
                  name="export-format"
                  value={option}
                  checked={option === format}
                  onChange={() => setFormat(option)}
                  className="choice-card__radio"
                />
                <span className="choice-card__name">{t(`exporting.formats.${option}`)}</span>
                <span className="choice-card__description">{t(`exporting.formatHints.${option}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>

        <label className="field">
          <span className="field__label">{t('exporting.content')}</span>
          <select
            className="select"
            name="export-version"
            value={source ?? ''}
            disabled={source === null}
            aria-describedby={markId}
            onChange={(event) => setChosen(event.target.value)}
          >
            {source === null && <option value="">{t('common.loading')}</option>}
            <option value="approved" disabled={!hasApproved}>
              {approvedLabel}
            </option>
            <option value="current">{t('exporting.currentDraft')}</option>
            {history.versions.length > 0 && (
              <optgroup label={t('exporting.history')}>
                {history.versions.map((version) => {
                  const { name, time } = labelOf(version, labelWords(t));
                  return (
                    <option key={version.id} value={version.id}>
                      {name ? t('versions.optionNamed', { name, time }) : t('versions.optionAuto', { time })}
                    </option>
                  );
                })}
              </optgroup>
            )}
          </select>
          {source !== null && (
            <span
              id={markId}
              className={draft ? 'field__hint export-dialog__mark export-dialog__mark--draft' : 'field__hint export-dialog__mark'}
              data-testid="export-mark"
            >
              {draft ? t('exporting.draftMark') : t('exporting.approvedMark')}
            </span>
          )}
          {history.error !== undefined && <span className="field__hint">{t('exporting.loadError')}</span>}
        </label>
        {history.hasMore && (
          <button type="button" className="link-button export-dialog__more" onClick={() => void history.loadMore()} disabled={history.loading}>
            {t('exporting.loadMore')}
          </button>
        )}

        {hasGuidance && (
          <div className="export-dialog__guidance" data-testid="export-guidance">
            <p className="export-dialog__guidance-count">{t('exporting.guidanceLeft', { count: guidanceCount })}</p>
            <label className="checkbox">
              <input type="checkbox" name="export-omit-guidance" checked={omitGuidance} onChange={(event) => setOmitGuidance(event.target.checked)} />
              <span>
                {t('exporting.omitGuidance')}
                <span className="field__hint">{omitGuidance ? t('exporting.omitGuidanceHint') : t('exporting.markGuidanceHint')}</span>
              </span>
            </label>
          </div>
        )}

        <label className="checkbox">
          <input type="checkbox" name="export-comments" checked={withComments} onChange={(event) => setWithComments(event.target.checked)} />
          <span>
            {t('exporting.comments')}
            <span className="field__hint">{t('exporting.commentsHint')}</span>
          </span>
        </label>

        {format === 'docx' && ownSignature !== null && (
          <p className="field__hint export-dialog__own-signature" data-testid="export-own-signature">
            {t('exporting.ownSignature', { signature: [ownSignature.issuer, ownSignature.date].filter(Boolean).join(' · ') })}
          </p>
        )}
        {format === 'docx' && ownSignature === null && (
          <div className="export-dialog__signature">
            <label className="field export-dialog__issuer">
              <span className="field__label">{t('exporting.signature')}</span>
              <input
                className="input"
                name="export-signature"
                value={issuer}
                maxLength={100}
                placeholder={t('exporting.signaturePlaceholder')}
                autoComplete="organization"
                onChange={(event) => setIssuer(event.target.value)}
              />
            </label>
            <label className="field">
              <span className="field__label">{t('exporting.date')}</span>
              <input
                className="input"
                type="date"
                name="export-date"
                value={date}
                onChange={(event) => setDate(event.target.value)}
                aria-invalid={dateInvalid || undefined}
              />
            </label>
            <p className="field__hint export-dialog__signature-hint">{dateInvalid ? t('exporting.dateInvalid') : t('exporting.signatureHint')}</p>
          </div>
        )}
      </div>
    </Dialog>
  );
}
