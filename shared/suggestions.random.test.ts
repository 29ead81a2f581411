// Accepting and rejecting suggestions on random documents of the schema (every
// node, mark and attribute, suggestions overlapping): the result is always a
// valid document, and what each operation promises holds.
import type { Node } from '@tiptap/pm/model';
import { Transform } from '@tiptap/pm/transform';
import { describe, expect, it } from 'vitest';
import { editedDoc, randomDoc } from '../tests/helpers/randomDocs.js';
import { mulberry32, pick } from './random.js';
import { schema } from './schema.js';
import { acceptAll, acceptSuggestion, agreedDoc, listSuggestions, rejectAll, rejectSuggestion } from './suggestions.js';

const apply = (doc: Node, f: (tr: Transform) => void): Node => {
  const tr = new Transform(doc);
  f(tr);
  tr.doc.check();
  return tr.doc;
};

/** The document's text, without the text carrying a mark named `without`. */
const textOf = (doc: Node, without = ''): string => {
  let out = '';
  doc.descendants((node) => {
    if (node.isText && !node.marks.some((m) => m.type.name === without)) out += node.text;
    return true;
  });
  return out;
};

describe('suggestions on random documents', () => {
  const docs: Node[] = [];
  for (let seed = 1; seed <= 40; seed++) {
    const rng = mulberry32(seed);
    docs.push(editedDoc(rng, randomDoc(rng)));
  }

  it('the documents hold suggestions of every kind', () => {
    const kinds = new Set(docs.flatMap((doc) => listSuggestions(doc).map((s) => s.kind)));
    expect([...kinds].sort()).toEqual(['delete', 'format', 'insert']);
  });

  it('acceptAll leaves no suggestion and no proposed-deleted text; rejectAll leaves no suggestion and no proposed-inserted text', () => {
    for (const doc of docs) {
      const accepted = apply(doc, (tr) => acceptAll(tr));
      expect(listSuggestions(accepted)).toEqual([]);
      expect(textOf(accepted)).toBe(textOf(doc, 'suggestionDelete'));
      const rejected = apply(doc, (tr) => rejectAll(tr));
      expect(listSuggestions(rejected)).toEqual([]);
      expect(textOf(rejected)).toBe(textOf(doc, 'suggestionInsert'));
      expect(agreedDoc(doc).eq(rejected)).toBe(true);
    }
  });

  it('one suggestion at a time, in any order, gives a valid document each step and ends with none', () => {
    for (const [i, doc] of docs.entries()) {
      const rng = mulberry32(1000 + i);
      let current = doc;
      for (let left = listSuggestions(current); left.length > 0; left = listSuggestions(current)) {
        const { id } = pick(rng, left);
        const accept = rng() < 0.5;
        const next = apply(current, (tr) => (accept ? acceptSuggestion(tr, id) : rejectSuggestion(tr, id)));
        expect(listSuggestions(next).some((s) => s.id === id)).toBe(false);
        current = next;
      }
      expect(current.type).toBe(schema.nodes.doc);
    }
  });

  it('accepts and rejects thousands of suggestions in one walk', () => {
    const paragraphs = Array.from({ length: 2000 }, (_, i) =>
      schema.nodes.paragraph.create(null, [
        schema.text('保留'),
        schema.text('插入', [schema.marks.suggestionInsert.create({ id: `i${i}`, author: 'alice', createdAt: 1 })]),
        schema.text('删去', [schema.marks.suggestionDelete.create({ id: `d${i}`, author: 'bob', createdAt: 1 })]),
      ]),
    );
    const doc = schema.nodes.doc.create(null, paragraphs);
    const started = performance.now();
    const accepted = apply(doc, (tr) => acceptAll(tr));
    const rejected = apply(doc, (tr) => rejectAll(tr, 'alice'));
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(accepted.textContent).toBe('保留插入'.repeat(2000));
    expect(rejected.textContent).toBe('保留删去'.repeat(2000));
    expect(listSuggestions(rejected)).toHaveLength(2000);
  });
});
