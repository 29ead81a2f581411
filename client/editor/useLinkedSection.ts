// Opened at a section (…?section=id, from an assignment's notification): once
// the body has that heading, scroll it to the top of the page and put the
// caret in it, then drop the parameter from the address.
import type { Editor } from '@tiptap/core';
import { useEffect, useRef } from 'react';
import { navigate, useLocation } from '../router/navigation.js';
import { sectionOf } from '../router/routes.js';
import { scrollBlockToTop } from './revealPosition.js';
import type { LiveSections } from './useSections.js';

export function useLinkedSection(editor: Editor | null, sections: LiveSections, onShow: () => void): void {
  const { pathname, search } = useLocation();
  const linked = sectionOf(search);
  const onShowRef = useRef(onShow);
  onShowRef.current = onShow;
  useEffect(() => {
    if (!editor || editor.isDestroyed || !linked) return;
    // once the body has that heading (it may arrive after the page opened); once per link: `pos` moving as
    // people type does not scroll again (the parameter is gone)
    const show = () => {
      const pos = sections.get().find((section) => section.id === linked)?.pos;
      if (pos === undefined || editor.isDestroyed) return false;
      onShowRef.current();
      editor
        .chain()
        .setTextSelection(pos + 1)
        .run();
      editor.view.focus();
      scrollBlockToTop(editor, pos);
      navigate(pathname, { replace: true });
      return true;
    };
    if (show()) return;
    const stop = sections.subscribe(() => {
      if (show()) stop();
    });
    return stop;
  }, [editor, sections, linked, pathname]);
}
