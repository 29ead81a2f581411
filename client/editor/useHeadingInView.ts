// Which heading the reader is in: the last one whose top has scrolled above a
// line a little below the top of the editor's scrolling area, as Word's
// navigation pane marks where one is.
import type { Editor } from '@tiptap/core';
import { useEffect, useState } from 'react';

const READING_LINE_PX = 96;

export function useHeadingInView(editor: Editor | null, headingPositions: readonly number[]): number | null {
  const [current, setCurrent] = useState<number | null>(null);
  const key = headingPositions.join(',');
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const scroller = editor.view.dom.closest('.workspace');
    if (!scroller) return;
    const positions = key ? key.split(',').map(Number) : [];
    let frame = 0;
    const measure = () => {
      frame = 0;
      if (editor.isDestroyed) return;
      const line = scroller.getBoundingClientRect().top + READING_LINE_PX;
      let found: number | null = positions[0] ?? null;
      for (const pos of positions) {
        const dom = editor.view.nodeDOM(pos);
        if (!(dom instanceof HTMLElement)) continue;
        if (dom.getBoundingClientRect().top <= line) found = pos;
        else break;
      }
      setCurrent(found);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    scroller.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [editor, key]);
  return current;
}
