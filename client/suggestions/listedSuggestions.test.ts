import { Node } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { schema } from '../../shared/schema.js';
import { listedSuggestions } from './listedSuggestions.js';

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
