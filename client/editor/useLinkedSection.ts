// Opened at a section (…?section=id, from an assignment's notification): once
// the body has that heading, scroll it to the top of the page and put the
// caret in it, then drop the parameter from the address.
import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import { navigate, useLocation } from '../router/navigation.js';
import { sectionOf } from '../router/routes.js';
import { scrollBlockToTop } from './revealPosition.js';
import type { OutlineSection } from './sectionOutline.js';

export function useLinkedSection(editor: Editor | null, sections: readonly OutlineSection[], onShow: () => void): void {
  const { pathname, search } = useLocation();
  const linked = sectionOf(search);
  const target = linked ? sections.find((section) => section.id === linked) : undefined;
  const pos = target?.pos ?? null;
  useEffect(() => {
    if (!editor || editor.isDestroyed || pos === null) return;
    onShow();
    editor
      .chain()
      .setTextSelection(pos + 1)
      .run();
    editor.view.focus();
    scrollBlockToTop(editor, pos);
    navigate(pathname, { replace: true });
    // once per link: `pos` moving as people type does not scroll again (the parameter is gone)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, pos === null, linked]);
}
