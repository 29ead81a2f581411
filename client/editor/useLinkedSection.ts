// Opened at a section (…?section=id, from an assignment's notification): once
// the body has that heading, scroll it to the top of the page and put the
// caret in it, then drop the parameter from the address.
import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import { navigate, useLocation } from '../router/navigation.js';
import { sectionOf } from '../router/routes.js';
import type { OutlineSection } from './sectionOutline.js';

/** Space left above the heading. */
const ABOVE_PX = 32;

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
    const heading = editor.view.nodeDOM(pos);
    const workspace = editor.view.dom.closest('.workspace');
    if (heading instanceof HTMLElement && workspace instanceof HTMLElement) {
      workspace.scrollTo({ top: workspace.scrollTop + heading.getBoundingClientRect().top - workspace.getBoundingClientRect().top - ABOVE_PX });
    }
    navigate(pathname, { replace: true });
    // once per link: `pos` moving as people type does not scroll again (the parameter is gone)
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor, pos === null, linked]);
}
