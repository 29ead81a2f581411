// Suggestions (修订) written into a stock client's body as a client that makes
// them writes the marks: for integration tests of what suggestions take part in.
// (suggestions.test.ts and suggestOnly.test.ts write through it too.)
import type { JSONContent } from '@tiptap/core';
import { rewriteBody } from './bodyEdits.js';
import type { CollabClient } from './collabClient.js';

export type SuggestionKind = 'insert' | 'delete';
const MARK: Record<SuggestionKind, string> = { insert: 'suggestionInsert', delete: 'suggestionDelete' };
let nextId = 0;

/** Rewrites the first text node holding `at`: `change` gets it and where `at` starts in it. Throws when there is none. */
function rewriteAt(c: CollabClient, at: string, change: (node: JSONContent & { text: string }, i: number) => JSONContent[]): void {
  let done = false;
  const visit = (node: JSONContent): JSONContent[] => {
    if (done) return [node];
    if (node.type === 'text' && node.text?.includes(at)) {
      done = true;
      return change(node as JSONContent & { text: string }, node.text.indexOf(at));
    }
    return [node.content ? { ...node, content: node.content.flatMap(visit) } : node];
  };
  rewriteBody(c, (blocks) => blocks.flatMap(visit));
  if (!done) throw new Error(`no text ${at}`);
}

/** Text nodes like `node` (same marks unless given) holding the given pieces of text, empty ones left out. */
const pieces = (node: JSONContent, ...parts: [string, JSONContent['marks']?][]): JSONContent[] =>
  parts.flatMap(([text, marks = node.marks ?? []]) => (text ? [{ ...node, text, marks }] : []));

/**
 * Writes a suggestion by `author` (a username): `text` inserted after the
 * first `at` with an insertion mark, or the first `at` itself marked for
 * deletion. Its id, which is returned, is unique in the test process.
 */
export function suggest(c: CollabClient, kind: SuggestionKind, at: string, author: string, text = ''): string {
  const id = `s-edit-${process.pid}-${++nextId}`;
  const mark = { type: MARK[kind], attrs: { id, author, createdAt: Date.UTC(2026, 11, 7, 8, 0, nextId % 60) } };
  rewriteAt(c, at, (node, i) => {
    const marked = [...(node.marks ?? []), mark];
    const before = node.text.slice(0, i);
    const after = node.text.slice(i + at.length);
    if (kind === 'delete') return pieces(node, [before], [at, marked], [after]);
    return pieces(node, [before + at], [text, marked], [after]);
  });
  return id;
}

/**
 * Types `text` right after the first `at`, with the marks `at` has, as the
 * editor gives typing the marks before it: typed on at the end of a
 * suggestion of one's own, it continues that suggestion (its id).
 */
export function typeOn(c: CollabClient, at: string, text: string): void {
  rewriteAt(c, at, (node, i) => pieces(node, [node.text.slice(0, i + at.length)], [text], [node.text.slice(i + at.length)]));
}
