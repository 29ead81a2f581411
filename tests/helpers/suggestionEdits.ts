// Suggestions (修订) written into a stock client's body as a client that makes
// them writes the marks: for integration tests of what suggestions take part in.
// (suggestions.test.ts and suggestOnly.test.ts write through it too.)
import type { JSONContent } from '@tiptap/core';
import { rewriteBody } from './bodyEdits.js';
import type { CollabClient } from './collabClient.js';

export type SuggestionKind = 'insert' | 'delete';
const MARK: Record<SuggestionKind, string> = { insert: 'suggestionInsert', delete: 'suggestionDelete' };
let nextId = 0;

/**
 * Writes a suggestion by `author` (a username): `text` inserted after the
 * first `at` with an insertion mark, or the first `at` itself marked for
 * deletion. Its id, which is returned, is unique in the test process.
 */
export function suggest(c: CollabClient, kind: SuggestionKind, at: string, author: string, text = ''): string {
  const id = `s-edit-${process.pid}-${++nextId}`;
  const mark = { type: MARK[kind], attrs: { id, author, createdAt: Date.UTC(2026, 11, 7, 8, 0, nextId % 60) } };
  let done = false;
  const visit = (node: JSONContent): JSONContent[] => {
    if (done) return [node];
    if (node.type === 'text' && node.text?.includes(at)) {
      done = true;
      const i = node.text.indexOf(at);
      const piece = (t: string, marks = node.marks ?? []): JSONContent[] => (t ? [{ ...node, text: t, marks }] : []);
      const marked = [...(node.marks ?? []), mark];
      if (kind === 'delete') return [...piece(node.text.slice(0, i)), ...piece(at, marked), ...piece(node.text.slice(i + at.length))];
      return [...piece(node.text.slice(0, i + at.length)), ...piece(text, marked), ...piece(node.text.slice(i + at.length))];
    }
    return [node.content ? { ...node, content: node.content.flatMap(visit) } : node];
  };
  rewriteBody(c, (blocks) => blocks.flatMap(visit));
  if (!done) throw new Error(`no text ${at}`);
  return id;
}
