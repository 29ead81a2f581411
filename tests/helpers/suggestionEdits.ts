// Suggestions (修订) written as a stock client would write them: text with a
// suggestion mark, diffed into the Yjs body like the editor's binding does.
import type { JSONContent } from '@tiptap/core';
import { rewriteBody } from './bodyEdits.js';
import type { CollabClient } from './collabClient.js';

export type Kind = 'insert' | 'delete';
const MARK: Record<Kind, string> = { insert: 'suggestionInsert', delete: 'suggestionDelete' };
let nextId = 0;

/**
 * Writes a suggestion as a stock client would: `text` inserted after `at` with
 * an insertion mark, or the text `at` itself marked for deletion.
 */
export function suggest(c: CollabClient, kind: Kind, at: string, author: string, text = ''): string {
  const id = `s-test-${++nextId}`;
  const mark = { type: MARK[kind], attrs: { id, author, createdAt: Date.UTC(2026, 11, 7, 8, 0, nextId) } };
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
