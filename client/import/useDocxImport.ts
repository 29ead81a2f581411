// The import step's work: check the file picked, send it for a dry run (the
// title found, the warnings), then send it again to create the document.
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../shared/ApiError.js';
import { importDocument, isAbort, previewImport, type ImportedDocument, type ImportPreview } from '../http/importApi.js';
import { problemOfAnswer, problemOfFile, sniffFile, titleFromFileName, type FileKind, type ImportProblem } from './docxFile.js';

export type ImportPhase =
  | { step: 'pick' }
  | { step: 'checking'; file: File }
  /** Sending the file for a dry run; `progress` 0 to 1, then 1 while the server reads it. */
  | { step: 'previewing'; file: File; progress: number }
  /** The file cannot be imported (`problem`), or the request failed otherwise (`error`). */
  | { step: 'failed'; file: File; problem: ImportProblem | null; error: unknown }
  | { step: 'ready'; file: File; preview: ImportPreview }
  | { step: 'creating'; file: File; preview: ImportPreview; progress: number };

export interface DocxImport {
  phase: ImportPhase;
  /** The title field: the title found, else the file name, as the user edits it. */
  title: string;
  setTitle: (title: string) => void;
  choose: (file: File) => void;
  /** Creates the document; resolves null when it failed (the phase says why) or was given up. */
  create: (title: string) => Promise<ImportedDocument | null>;
}

export function useDocxImport(initialFile: File | undefined): DocxImport {
  const [phase, setPhase] = useState<ImportPhase>(initialFile ? { step: 'checking', file: initialFile } : { step: 'pick' });
  const [title, setTitle] = useState('');
  const controller = useRef<AbortController | null>(null);
  const kind = useRef<FileKind>('other');

  /** Starts a new request, giving up the one under way. */
  const begin = () => {
    controller.current?.abort();
    const next = new AbortController();
    controller.current = next;
    return next.signal;
  };

  const choose = useCallback(async (file: File) => {
    const signal = begin();
    setPhase({ step: 'checking', file });
    try {
      kind.current = await sniffFile(file);
      if (signal.aborted) return;
      const problem = problemOfFile(kind.current, file.size);
      if (problem) return setPhase({ step: 'failed', file, problem, error: null });
      setPhase({ step: 'previewing', file, progress: 0 });
      const preview = await previewImport(file, file.name, {
        signal,
        onProgress: (progress) => setPhase((current) => (current.step === 'previewing' && current.file === file ? { ...current, progress } : current)),
      });
      setTitle(preview.title?.trim() || titleFromFileName(file.name));
      setPhase({ step: 'ready', file, preview });
    } catch (error) {
      if (isAbort(error) || signal.aborted) return;
      setPhase({ step: 'failed', file, problem: error instanceof ApiError ? problemOfAnswer(error.code) : null, error });
    }
  }, []);

  const create = useCallback(
    async (chosenTitle: string) => {
      if (phase.step !== 'ready') return null;
      const { file, preview } = phase;
      const signal = begin();
      setPhase({ step: 'creating', file, preview, progress: 0 });
      try {
        return await importDocument(file, file.name, chosenTitle, {
          signal,
          onProgress: (progress) => setPhase((current) => (current.step === 'creating' && current.file === file ? { ...current, progress } : current)),
        });
      } catch (error) {
        if (!isAbort(error) && !signal.aborted) {
          const problem = error instanceof ApiError ? problemOfAnswer(error.code) : null;
          // A title the server refused, a lost connection: the file is fine, so it can be tried again.
          setPhase(problem ? { step: 'failed', file, problem, error } : { step: 'ready', file, preview });
          if (!problem) throw error;
        }
        return null;
      }
    },
    [phase],
  );

  useEffect(() => {
    if (initialFile) void choose(initialFile);
    return () => controller.current?.abort();
  }, [initialFile, choose]);

  return { phase, title, setTitle, choose: (file) => void choose(file), create };
}
