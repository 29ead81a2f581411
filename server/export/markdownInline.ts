// The inline half of the Markdown serializer's mappings: the marks (MARKS)
// and the text and line-break nodes of one textblock. It keeps, per serializer
// state, what has been written on the line and which marks are open, so that
// emphasis delimiters are written only where CommonMark reads them as such
// (the rules for Chinese punctuation at their edges are in emphasis), and
// falls back to inline HTML elsewhere.
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import type { MarkdownSerializer, MarkdownSerializerState } from 'prosemirror-markdown';
import { escapeLineStart, escapeText } from './markdownText.js';
import { suggestionTitle } from './suggestionMarks.js';
import type { MarkName, NodeName } from './schemaNames.js';

export type State = MarkdownSerializerState;
export type NodeMapping = (state: State, node: PMNode, parent: PMNode, index: number) => void;
type MarkMapping = ConstructorParameters<typeof MarkdownSerializer>[1][string];

// ---------------------------------------------------------------------------
// Inline content: what the mark and inline node mappings of one textblock know
// beside the serializer's state.

interface Line {
  /** A line break: a backslash and a newline, or <br> where the block must stay on one line (headings, table cells). */
  lineBreak: '\\\n' | '<br>';
  /** The last character written, undefined at the start of the block. */
  last: string | undefined;
  /** The marks open now, outermost first, as the serializer opened them. */
  open: OpenMark[];
}

interface OpenMark {
  mark: Mark;
  /** The textblock's children it covers: [start, end). */
  start: number;
  end: number;
  /** Full-width punctuation at its edges, written outside its delimiters (emphasis). */
  lead: string;
  trail: string;
  close: string;
}

const lines = new WeakMap<State, Line>();

function lineOf(state: State): Line {
  const line = lines.get(state);
  if (!line) throw new Error('Markdown export: inline content outside a textblock');
  return line;
}

/** Writes a textblock's inline content. */
export function writeInline(state: State, block: PMNode, lineBreak: Line['lineBreak']): void {
  lines.set(state, { lineBreak, last: undefined, open: [] });
  state.renderInline(block);
}

/** Notes what was written last, and hands it on to the serializer. */
function wrote(line: Line, text: string): string {
  if (text) line.last = lastChar(text);
  return text;
}

const atLineStart = (line: Line): boolean => line.last === undefined || line.last === '\n';

/**
 * The marks of an inline node as the serializer writes them: a line break
 * keeps only the marks of the text after it (prosemirror-markdown's rule, so
 * that no delimiter closes at the start of a line).
 */
function marksOf(parent: PMNode, index: number): readonly Mark[] {
  const node = parent.child(index);
  if (node.type.name !== ('hardBreak' satisfies NodeName)) return node.marks;
  const next = parent.maybeChild(index + 1);
  return node.marks.filter((mark) => next && mark.isInSet(next.marks) && (!next.isText || /\S/.test(next.text!)));
}

/** Where the serializer closes a mark it opens at `start`: at the first node without it or without a mark outside it. */
function spanEnd(parent: PMNode, start: number, mark: Mark, outer: readonly Mark[]): number {
  let end = start + 1;
  while (end < parent.childCount) {
    const marks = marksOf(parent, end);
    if (!mark.isInSet(marks) || outer.some((m) => !m.isInSet(marks))) break;
    end += 1;
  }
  return end;
}

/** A mark's mapping: what it writes, decided when it opens, for the nodes it covers. */
function markMapping(
  decide: (line: Line, mark: Mark, parent: PMNode, start: number, end: number) => Omit<OpenMark, 'mark' | 'start' | 'end'> & { open: string },
): MarkMapping {
  return {
    open: (state, mark, parent, index) => {
      const line = lineOf(state);
      const end = spanEnd(
        parent,
        index,
        mark,
        line.open.map((open) => open.mark),
      );
      const { open, ...written } = decide(line, mark, parent, index, end);
      line.open.push({ mark, start: index, end, ...written });
      return wrote(line, open);
    },
    close: (state, mark, _parent, index) => {
      const line = lineOf(state);
      const open = line.open.pop();
      if (!open || !open.mark.eq(mark)) throw new Error('Markdown export: marks closed out of order');
      // The trail was left out of the text only if the mark covers the nodes it was decided for.
      return wrote(line, index === open.end ? open.close + open.trail : open.close);
    },
    // The serializer may reorder marks against one another to keep an open one open (a bold run across a link).
    mixable: true,
  };
}

/** A mark that is an inline HTML element everywhere. */
const element = (tag: string): MarkMapping => markMapping(() => ({ open: `<${tag}>`, close: `</${tag}>`, lead: '', trail: '' }));

/** A suggestion: an inline HTML element titled with its author and time. */
const suggestion = (tag: string): MarkMapping =>
  markMapping((_line, mark) => ({ open: `<${tag} title="${escapeAttribute(suggestionTitle(mark))}">`, close: `</${tag}>`, lead: '', trail: '' }));

const escapeAttribute = (text: string): string => text.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const DELIMITERS: Partial<Record<MarkName, string>> = { bold: '**', italic: '*', strike: '~~' };

/** Stands for a delimiter, tag, bracket or escape that will be written: some punctuation. */
const PUNCTUATION = '.';
const isSpace = (char: string | undefined): boolean => char === undefined || /\s/u.test(char);
const isPunctuation = (char: string | undefined): boolean => char !== undefined && /[\p{P}\p{S}]/u.test(char);
const isMovable = (char: string): boolean => /\p{P}/u.test(char) && !/[\x00-\x7F]/.test(char);
const firstChar = (text: string): string => String.fromCodePoint(text.codePointAt(0)!);
const lastChar = (text: string): string => [...text.slice(-2)].pop()!;

/** The first character written after the nodes [.., end), where a mark open over them and `outer` closes. */
function charAfter(parent: PMNode, end: number, outer: readonly Mark[]): string | undefined {
  if (end === parent.childCount) return outer.length ? PUNCTUATION : undefined;
  const marks = marksOf(parent, end);
  // An outer mark closing or another opening: its delimiter, tag or bracket.
  if (outer.some((m) => !m.isInSet(marks)) || marks.some((m) => !m.isInSet(outer))) return PUNCTUATION;
  const next = parent.child(end);
  return next.isText ? firstChar(escapeText(next.text!)) : PUNCTUATION;
}

/**
 * Bold, italic and strikethrough. CommonMark reads `**` as emphasis only
 * where the delimiter is "flanking": punctuation just inside it needs space or
 * punctuation just outside. Chinese bold leads end in punctuation and run on
 * into text (**一是……。**围绕…), so a full-width punctuation mark at such an
 * edge goes just outside the delimiters, where it reads the same. Where that
 * cannot help, or a delimiter would touch another, the mark is inline HTML.
 */
function emphasis(name: keyof typeof DELIMITERS, tag: string): MarkMapping {
  const delimiter = DELIMITERS[name]!;
  return markMapping((line, mark, parent, start, end) => {
    const html = { open: `<${tag}>`, close: `</${tag}>`, lead: '', trail: '' };
    const outer = line.open.map((open) => open.mark);
    const startMarks = marksOf(parent, start);
    const innerAtStart = startMarks.slice(startMarks.findIndex((m) => m.eq(mark)) + 1).filter((m) => !m.isInSet(outer));
    const innerAtEnd = marksOf(parent, end - 1).filter((m) => !m.eq(mark) && !m.isInSet(outer));
    // A mark inside that starts or ends with this one is written first, and never as a delimiter touching this one's.
    if ([...innerAtStart, ...innerAtEnd].some((m) => m.type.name in DELIMITERS)) return html;
    const head = innerAtStart.length === 0 && parent.child(start).isText ? parent.child(start).text! : null;
    const tail = innerAtEnd.length === 0 && parent.child(end - 1).isText ? parent.child(end - 1).text! : null;
    const before = line.last;
    const after = charAfter(parent, end, outer);
    let first = head === null ? PUNCTUATION : firstChar(escapeText(head));
    let last = tail === null ? PUNCTUATION : lastChar(escapeText(tail));
    let lead = '';
    let trail = '';
    if (isPunctuation(first) && !isSpace(before) && !isPunctuation(before)) {
      if (head === null || !isMovable(firstChar(head))) return html;
      lead = firstChar(head);
    }
    if (isPunctuation(last) && !isSpace(after) && !isPunctuation(after)) {
      if (tail === null || !isMovable(lastChar(tail))) return html;
      trail = lastChar(tail);
    }
    if (lead || trail) {
      // What stays inside: the first and last text without what moved out.
      const one = start === end - 1;
      const inside = (text: string, from: string, to: string) => escapeText(text.slice(from.length, text.length - to.length));
      const firstInside = head === null ? null : inside(head, lead, one ? trail : '');
      const lastInside = tail === null ? null : inside(tail, one ? lead : '', trail);
      if (firstInside === '' || lastInside === '') return html;
      if (firstInside !== null) first = firstChar(firstInside);
      if (lastInside !== null) last = lastChar(lastInside);
    }
    // Never space inside the delimiters, and never a delimiter touching another.
    if (isSpace(first) || isSpace(last) || /[*~]/.test(first + last) || (lead || before) === delimiter[0] || (trail || after) === delimiter[0]) {
      return html;
    }
    return { open: lead + delimiter, close: delimiter, lead, trail };
  });
}

/** A link target inside (…): the characters that would end it or break a table row, percent-encoded. */
const destination = (href: string): string => href.replace(/[ ()<>\\|]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

export const MARKS: Record<MarkName, MarkMapping> = {
  // Only links that safeHref keeps are left by prepare, their targets normalised. (The
  // serializer escapes a ! just before the [, which would make the link an image.)
  link: markMapping((_line, mark) => ({ open: '[', close: `](${destination(mark.attrs.href as string)})`, lead: '', trail: '' })),
  bold: emphasis('bold', 'strong'),
  italic: emphasis('italic', 'em'),
  strike: emphasis('strike', 'del'),
  underline: element('u'), // Markdown has no underline
  // CommonMark has no highlight: `==…==` is an extension most renderers show as
  // two equals signs. Inline HTML <mark> is highlighted where HTML is rendered
  // (GitHub, VS Code, Typora) and says what it is where it is not; the 〔〕 stay.
  guidance: element('mark'),
  // 修订: proposed insertions and deletions as inline HTML with who proposed
  // them and when (a reader sees both, and a proposed deletion is told from a
  // strikethrough); a proposed format change is left out by prepare (its text
  // as it stands).
  suggestionInsert: suggestion('ins'),
  suggestionDelete: suggestion('del'),
  suggestionFormat: markMapping(() => ({ open: '', close: '', lead: '', trail: '' })),
};

// ---------------------------------------------------------------------------
// Text and line breaks.

/** Whether anything is written after the inline node at `index`: line breaks at the very end show nothing, and a lone backslash would show. */
function writesAfter(parent: PMNode, index: number): boolean {
  for (let i = index + 1; i < parent.childCount; i += 1) if (parent.child(i).type.name !== ('hardBreak' satisfies NodeName)) return true;
  return false;
}

export function writeText(state: State, node: PMNode, parent: PMNode, index: number): void {
  const line = lineOf(state);
  const innermost = line.open[line.open.length - 1];
  let text = node.text!;
  if (innermost?.lead && innermost.start === index) text = text.slice(innermost.lead.length);
  if (innermost?.trail && innermost.end === index + 1) text = text.slice(0, text.length - innermost.trail.length);
  if (!writesAfter(parent, index)) text = text.replace(/\n+$/, '');
  if (!text) return;
  const written = text
    .split('\n')
    .map((part, i) => {
      const escaped = escapeText(part);
      return (i === 0 ? atLineStart(line) : line.lineBreak === '\\\n') ? escapeLineStart(escaped) : escaped;
    })
    .join(line.lineBreak);
  state.text(wrote(line, written), false);
}

export function writeHardBreak(state: State, _node: PMNode, parent: PMNode, index: number): void {
  if (!writesAfter(parent, index)) return;
  const line = lineOf(state);
  state.write(wrote(line, line.lineBreak));
}
