// 从 Word 导入 (API.md "Import from Word"): the .docx goes as the raw body, by
// XMLHttpRequest rather than fetch() so that the upload's progress can be shown.
import type { DocumentDto } from '../../shared/api.js';
import { ApiError } from '../../shared/ApiError.js';
import { DOCX_MIME } from '../import/docxFile.js';
import type { ImportWarningDto } from '../import/importWarnings.js';
import { notifyUnauthorized } from './request.js';

/** What a dry run found: the title (null when none) and what would not be carried over. */
export interface ImportPreview {
  title: string | null;
  warnings: ImportWarningDto[];
}

export type ImportedDocument = DocumentDto & { warnings: ImportWarningDto[] };

export interface UploadOptions {
  /** Upload progress, 0 to 1 (the body sent; the server still reads it after). */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

function upload<T>(file: Blob, fileName: string, query: URLSearchParams, options: UploadOptions): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const { signal, onProgress } = options;
    if (signal?.aborted) return reject(new DOMException('Aborted', 'AbortError'));
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort, { once: true });
    xhr.open('POST', `/api/documents/import?${query}`);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Content-Type', DOCX_MIME);
    xhr.setRequestHeader('X-File-Name', encodeURIComponent(fileName));
    if (onProgress) {
      xhr.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
      };
      xhr.upload.onload = () => onProgress(1);
    }
    xhr.onload = () => {
      signal?.removeEventListener('abort', abort);
      let data: unknown;
      try {
        data = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(data as T);
      if (xhr.status === 401) notifyUnauthorized();
      const error = (data as { error?: { code?: unknown; message?: unknown } } | undefined)?.error;
      if (error && typeof error.code === 'string') reject(new ApiError(xhr.status, error.code, typeof error.message === 'string' ? error.message : ''));
      // A proxy in front of the server may refuse a large body with its own page.
      else if (xhr.status === 413) reject(new ApiError(413, 'too_large', xhr.statusText));
      else reject(new ApiError(xhr.status, 'http_error', xhr.statusText || `HTTP ${xhr.status}`));
    };
    xhr.onerror = () => {
      signal?.removeEventListener('abort', abort);
      reject(new ApiError(0, 'network_error', 'The upload failed'));
    };
    xhr.onabort = () => reject(new DOMException('Aborted', 'AbortError'));
    xhr.send(file);
  });
}

/** Reads the file without creating anything: the title found and the warnings. */
export function previewImport(file: Blob, fileName: string, options: UploadOptions = {}): Promise<ImportPreview> {
  return upload<ImportPreview>(file, fileName, new URLSearchParams({ dryRun: '1' }), options);
}

/** Creates a document from the file, the user its owner. */
export function importDocument(file: Blob, fileName: string, title: string, options: UploadOptions = {}): Promise<ImportedDocument> {
  return upload<ImportedDocument>(file, fileName, new URLSearchParams({ title }), options);
}

export const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';
