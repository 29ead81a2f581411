// Which heading the reader is in: the last one whose top has scrolled above a
// line a little below the top of the editor's scrolling area, as Word's
// navigation pane marks where one is. Given as the heading's place among the
// outline's headings.
//
// Measured when the reader scrolls (a frame later) and when the headings
// change, but then only once typing has paused: measuring in the middle of
// typing forced the browser to lay the long document out again before every
// keystroke's frame, and a keystroke seldom moves a heading across the line.
import type { Editor } from '@tiptap/core';
import { useEffect, useRef, useState } from 'react';
import { readWhenSettled } from './throttledReads.js';

const READING_LINE_PX = 96;

/** `positionsNow()`: where the outline's headings (`count` of them) are in the document now, in order. */
export function useHeadingInView(editor: Editor | null, positionsNow: () => readonly number[], count: number): number | null {
  const [current, setCurrent] = useState<number | null>(null);
  const positions = useRef(positionsNow);
  positions.current = positionsNow;
  useEffect(() => {
    if (!editor || editor.isDestroyed) return;
    const scroller = editor.view.dom.closest('.workspace');
    if (!scroller) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      if (editor.isDestroyed) return;
      const line = scroller.getBoundingClientRect().top + READING_LINE_PX;
      const list = positions.current();
      let found: number | null = list.length > 0 ? 0 : null;
      for (let i = 0; i < list.length; i++) {
        const dom = editor.view.nodeDOM(list[i]);
        if (!(dom instanceof HTMLElement)) continue;
        if (dom.getBoundingClientRect().top <= line) found = i;
        else break;
      }
      setCurrent(found);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    schedule();
    scroller.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    const stopSettled = readWhenSettled(editor, schedule);
    return () => {
      if (frame) cancelAnimationFrame(frame);
      scroller.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
      stopSettled();
    };
  }, [editor, count]);
  return current;
}
