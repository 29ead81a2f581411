// Dragging a Word file onto the document list: a drop zone covers the page
// ("松开鼠标，从 Word 导入"), and dropping hands the file to the import dialog.
// Whatever is dropped, the browser never opens it in place of the app.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../components/Icon.js';

const carriesFiles = (event: DragEvent) => event.dataTransfer?.types.includes('Files') ?? false;
/** Text or a link dragged into a dialog's field is the field's. */
const inDialog = (event: DragEvent) => event.target instanceof Element && event.target.closest('dialog') !== null;

export type DropRefusal = 'noFile' | 'severalFiles';

interface PageDrop {
  /** A file is being dragged over the page. */
  over: boolean;
}

/**
 * Listens on the window for files dragged in: `onFile` with the one dropped,
 * `onRefused` for several files or something not a file (a text, a link).
 * While `active` is false (another dialog is open), drops are only kept from
 * the browser.
 */
export function usePageDrop(active: boolean, onFile: (file: File) => void, onRefused: (why: DropRefusal) => void): PageDrop {
  const [over, setOver] = useState(false);
  const handlers = useRef({ active, onFile, onRefused });
  handlers.current = { active, onFile, onRefused };

  useEffect(() => {
    // dragenter and dragleave come for every element crossed: count them.
    let depth = 0;
    const reset = () => {
      depth = 0;
      setOver(false);
    };
    const enter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth++;
      if (handlers.current.active) setOver(true);
    };
    const leave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setOver(false);
    };
    const dragOver = (event: DragEvent) => {
      if (!carriesFiles(event) && (inDialog(event) || !handlers.current.active)) return;
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = handlers.current.active ? 'copy' : 'none';
    };
    const drop = (event: DragEvent) => {
      const files = event.dataTransfer?.files;
      const withFiles = carriesFiles(event) || (files?.length ?? 0) > 0;
      if (!withFiles && (inDialog(event) || !handlers.current.active)) return;
      event.preventDefault();
      reset();
      if (!handlers.current.active) return;
      if (!files || files.length === 0) return handlers.current.onRefused('noFile');
      if (files.length > 1) return handlers.current.onRefused('severalFiles');
      handlers.current.onFile(files[0]);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragleave', leave);
    window.addEventListener('dragover', dragOver);
    window.addEventListener('drop', drop);
    // A drop the dialog's own drop area takes never reaches the window's bubbling listener: end the drag here too.
    window.addEventListener('drop', reset, true);
    window.addEventListener('dragend', reset);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('dragover', dragOver);
      window.removeEventListener('drop', drop);
      window.removeEventListener('drop', reset, true);
      window.removeEventListener('dragend', reset);
    };
  }, []);

  return { over: over && active };
}

export function PageDropZone() {
  const { t } = useTranslation();
  return (
    <div className="page-drop-zone" data-testid="page-drop-zone" aria-hidden="true">
      <Icon name="document" size={48} />
      <span className="page-drop-zone__title">{t('import.dropHere')}</span>
      <span className="page-drop-zone__hint">{t('import.dropHint')}</span>
    </div>
  );
}
