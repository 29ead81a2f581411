// The text model under the fuzz editor (fuzzEdits.ts): the unique tokens every
// inserted string carries and how to find them, the plain text of the body's
// nodes, offsets moved so that no edit cuts a token or a surrogate pair, text
// deltas split and appended with their marks as y-tiptap writes them, and
// y-tiptap's delete filter for undo.
import * as Y from 'yjs';

const TOKEN_PATTERN = /«c\d+-\d+»/g;

export const tokensIn = (text: string): string[] => text.match(TOKEN_PATTERN) ?? [];

/** The plain text of a node: an XmlText's characters, an element's children's, paragraphs separated by newlines. */
export function plainText(node: Y.XmlFragment | Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) {
    return (node.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '')).join('');
  }
  const parts = node.toArray().map((child) => (child instanceof Y.XmlHook ? '' : plainText(child)));
  return parts.join(node instanceof Y.XmlFragment ? '\n' : '');
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** The nearest offset at or before `offset` that cuts neither a token nor a surrogate pair. */
export function safeStart(text: string, offset: number): number {
  for (const m of text.matchAll(TOKEN_PATTERN)) {
    if (m.index < offset && offset < m.index + m[0].length) offset = m.index;
  }
  return offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset)) ? offset - 1 : offset;
}

/** The nearest offset at or after `offset` that cuts neither a token nor a surrogate pair. */
export function safeEnd(text: string, offset: number): number {
  for (const m of text.matchAll(TOKEN_PATTERN)) {
    if (m.index < offset && offset < m.index + m[0].length) offset = m.index + m[0].length;
  }
  return offset > 0 && offset < text.length && isLowSurrogate(text.charCodeAt(offset)) ? offset + 1 : offset;
}

export type TextOp = { insert: string; attributes?: Record<string, unknown> };

/** The part of a text delta from `from` on. */
export function deltaFrom(delta: TextOp[], from: number): TextOp[] {
  const out: TextOp[] = [];
  let pos = 0;
  for (const op of delta) {
    if (typeof op.insert !== 'string') continue;
    const end = pos + op.insert.length;
    if (end > from) out.push({ ...op, insert: op.insert.slice(Math.max(0, from - pos)) });
    pos = end;
  }
  return out;
}

/** Appends text runs with their marks, as y-tiptap writes them: every run with explicit attributes. */
export function appendRuns(text: Y.XmlText, runs: TextOp[]): void {
  for (const run of runs) text.insert(text.length, run.insert, run.attributes ?? {});
}

export const textsOf = (block: Y.XmlElement): Y.XmlText[] => block.toArray().filter((n): n is Y.XmlText => n instanceof Y.XmlText);

/**
 * y-tiptap's defaultDeleteFilter with its default protected nodes: undoing an
 * insertion keeps a text or paragraph that still has content. (y-tiptap's
 * typings are not shipped, hence a copy rather than an import.)
 */
export function tiptapDeleteFilter(item: Y.Item): boolean {
  const content = item.content;
  if (!(content instanceof Y.ContentType)) return true;
  const type = content.type;
  const isProtected = type instanceof Y.Text || (type instanceof Y.XmlElement && type.nodeName === 'paragraph');
  return !isProtected || type._length === 0;
}
