// Marks the words of comment threads in a version as drawn (its own HTML or the
// diff) with the CSS Custom Highlight API: nothing is added to the page's DOM,
// which React renders and must find as it left it. Browsers without the API
// show the list of comments only.
import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';
import { locateQuote, type TextPiece } from './quoteSpans.js';

export interface QuotedComment {
  threadId: string;
  quote: string;
  resolved: boolean;
}

/** The names the stylesheet draws (`::highlight(…)`). */
const HIGHLIGHTS = { open: 'version-comment', resolved: 'version-comment-resolved', active: 'version-comment-active' } as const;
const BLOCKS = 'p, h1, h2, h3, h4, li, td, th, .diff-table__cell';

const supported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';

export interface QuoteHighlights {
  /** Threads whose words are not in what is drawn. */
  missing: ReadonlySet<string>;
  /** Scrolls the words of a thread into view. */
  reveal: (threadId: string) => void;
}

/**
 * `exclude` matches text that is not the version's own (in a diff, the other
 * side's insertions or deletions, and the format notes).
 */
export function useQuoteHighlights(
  containerRef: RefObject<HTMLElement | null>,
  comments: readonly QuotedComment[],
  activeId: string | null,
  exclude: string | null,
): QuoteHighlights {
  const [missing, setMissing] = useState<ReadonlySet<string>>(new Set());
  const ranges = useRef(new Map<string, Range[]>());

  useEffect(() => {
    const container = containerRef.current;
    if (!container || !supported()) return;
    const draw = () => {
      const pieces: TextPiece[] = [];
      const nodes: Text[] = [];
      const blocks = new Map<Element, number>();
      const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
        const parent = node.parentElement;
        if (!parent || (exclude && parent.closest(exclude))) continue;
        const block = parent.closest(BLOCKS) ?? container;
        if (!blocks.has(block)) blocks.set(block, blocks.size);
        pieces.push({ text: node.data, block: blocks.get(block)! });
        nodes.push(node);
      }
      const marks = { open: new Highlight(), resolved: new Highlight(), active: new Highlight() };
      const notFound = new Set<string>();
      ranges.current = new Map();
      for (const comment of comments) {
        const spans = locateQuote(pieces, comment.quote);
        if (spans.length === 0) notFound.add(comment.threadId);
        const list = spans.map((span) => {
          const range = new Range();
          range.setStart(nodes[span.piece], span.start);
          range.setEnd(nodes[span.piece], span.end);
          return range;
        });
        ranges.current.set(comment.threadId, list);
        const mark = comment.threadId === activeId ? marks.active : comment.resolved ? marks.resolved : marks.open;
        for (const range of list) mark.add(range);
      }
      CSS.highlights.set(HIGHLIGHTS.open, marks.open);
      CSS.highlights.set(HIGHLIGHTS.resolved, marks.resolved);
      CSS.highlights.set(HIGHLIGHTS.active, marks.active);
      setMissing((current) => (current.size === notFound.size && [...notFound].every((id) => current.has(id)) ? current : notFound));
    };
    draw();
    // The diff and the content arrive after the page: draw again whenever what is drawn changes.
    const observer = new MutationObserver(draw);
    observer.observe(container, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      for (const name of Object.values(HIGHLIGHTS)) CSS.highlights.delete(name);
    };
  }, [containerRef, comments, activeId, exclude]);

  const reveal = useCallback(
    (threadId: string) => {
      const first = ranges.current.get(threadId)?.[0];
      const scroller = containerRef.current?.closest('.workspace');
      if (!first || !(scroller instanceof HTMLElement)) return;
      const frame = scroller.getBoundingClientRect();
      scroller.scrollTo({ top: scroller.scrollTop + first.getBoundingClientRect().top - frame.top - scroller.clientHeight / 3, behavior: 'smooth' });
    },
    [containerRef],
  );

  return { missing, reveal };
}
