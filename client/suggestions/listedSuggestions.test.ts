import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema.js';
import { mulberry32 } from '../../shared/random.js';
import { listSuggestions } from '../../shared/suggestions.js';
import { editedDoc, randomDoc } from '../../tests/helpers/randomDocs.js';
import { listedSuggestions, type ListedSuggestion } from './listedSuggestions.js';

const text = (value: string, ...marks: object[]) => ({ type: 'text', text: value, ...(marks.length ? { marks } : {}) });
const doc = (...content: object[]) => Node.fromJSON(schema, { type: 'doc', content: [{ type: 'paragraph', content }] });

describe('listedSuggestions', () => {
  it("gives a format change's marks and none to the others", () => {
    const format = { type: 'suggestionFormat', attrs: { id: 'f', author: 'li', createdAt: 2, add: ['bold'], remove: ['italic'] } };
    const insert = { type: 'suggestionInsert', attrs: { id: 'i', author: 'wang', createdAt: 1 } };
    expect(listedSuggestions(doc(text('ab', insert), text('cd', format)))).toEqual([
      { id: 'i', author: 'wang', kind: 'insert', text: 'ab', createdAt: 1, add: [], remove: [] },
      { id: 'f', author: 'li', kind: 'format', text: 'cd', createdAt: 2, add: ['bold'], remove: ['italic'] },
    ]);
  });
});

/** The list as it was read before it was kept per block: the whole document at once. */
function readAtOnce(doc: Node): ListedSuggestion[] {
  const formats = new Map<string, { add: string[]; remove: string[] }>();
  doc.descendants((node) => {
    if (!node.isInline) return true;
    for (const mark of node.marks) {
      const id = String(mark.attrs.id);
      if (mark.type.name === 'suggestionFormat' && !formats.has(id)) formats.set(id, { add: [...mark.attrs.add], remove: [...mark.attrs.remove] });
    }
    return false;
  });
  return listSuggestions(doc).map((suggestion) => ({ ...suggestion, ...(formats.get(suggestion.id) ?? { add: [], remove: [] }) }));
}

describe('listedSuggestions block by block', () => {
  it('lists what reading the whole document at once lists, over series of random edits', () => {
    let listed = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const rng = mulberry32(seed);
      let d = randomDoc(rng);
      for (let edit = 0; edit < 10; edit++) {
        d = editedDoc(rng, d);
        expect(listedSuggestions(d)).toEqual(readAtOnce(d));
        listed += readAtOnce(d).length;
      }
    }
    expect(listed).toBeGreaterThan(100);
  });
});
